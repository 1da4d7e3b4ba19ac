package org.firstspike.readers;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.tensor.DType;

/** The header of a .npy array: element format, memory order and shape. */
record NpyHeader(String descr, ElementFormat format, boolean fortranOrder, int[] shape) {
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /** Parses the header dict; {@code in} supplies the offset for errors. */
    static NpyHeader parse(String text, ByteReader in, long headerAt) throws TensorFileException {
        Object literal;
        try {
            literal = PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw in.failAt(headerAt, "malformed .npy header: " + e.getMessage());
        }
        if (!(literal instanceof Map<?, ?> dict) || !dict.keySet().equals(KEYS)) {
            throw in.failAt(headerAt, "malformed .npy header: expected a dict with exactly the keys "
                    + "'descr', 'fortran_order' and 'shape'");
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw in.failAt(headerAt, "unsupported dtype: structured arrays (descr is a list) are not supported");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw in.failAt(headerAt, "malformed .npy header: 'fortran_order' must be True or False");
        }
        return new NpyHeader(descr, format(descr, in, headerAt), fortran, shape(dict.get("shape"), in, headerAt));
    }

    private static int[] shape(Object v, ByteReader in, long at) throws TensorFileException {
        if (!(v instanceof List<?> dims)) {
            throw in.failAt(at, "malformed .npy header: 'shape' must be a tuple of ints");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
                throw in.failAt(at, "malformed .npy header: dimension " + i + " of 'shape' is not a valid size");
            }
            shape[i] = (int) (long) n;
        }
        return shape;
    }

    /** Maps a descr such as '<f4' or '|u1' to its element format. */
    static ElementFormat format(String descr, ByteReader in, long at) throws TensorFileException {
        if (descr.length() < 3 || "<>|=".indexOf(descr.charAt(0)) < 0) {
            throw in.failAt(at, "unsupported dtype '" + descr + "'");
        }
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        DType dtype = switch (descr.substring(1)) {
            case "f2" -> DType.FLOAT16;
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            case "i1" -> DType.INT8;
            case "u1" -> DType.UINT8;
            case "i2" -> DType.INT16;
            case "i4" -> DType.INT32;
            case "i8" -> DType.INT64;
            case "b1" -> DType.BOOL;
            default -> null;
        };
        if (dtype != null) {
            return ElementFormat.of(dtype, order);
        }
        return switch (descr.substring(1)) {
            case "u2" -> ElementFormat.unsigned(2, order);
            case "u4" -> ElementFormat.unsigned(4, order);
            case "u8" -> ElementFormat.unsigned(8, order);
            default -> throw in.failAt(at, "unsupported dtype '" + descr + "'"
                    + (descr.contains("O") ? " (pickled Python objects)" : ""));
        };
    }
}
