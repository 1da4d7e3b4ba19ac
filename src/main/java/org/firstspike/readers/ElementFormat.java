package org.firstspike.readers;

import java.nio.ByteOrder;
import org.firstspike.tensor.DType;

/**
 * How one element is stored in a file: width, signedness and byte order, plus the {@link DType}
 * it is reported as. Unsigned types without a DType of their own widen (uint16 → INT32,
 * uint32/uint64 → INT64); 64-bit integers must stay within ±2^53 to be held exactly as doubles.
 */
record ElementFormat(String name, DType dtype, int bytes, boolean unsigned, ByteOrder order) {
    static final long EXACT_LIMIT = 1L << 53;

    static ElementFormat of(DType dtype, ByteOrder order) {
        return new ElementFormat(dtype.label(), dtype, dtype.bytes(), dtype == DType.UINT8, order);
    }

    static ElementFormat unsigned(int bytes, ByteOrder order) {
        DType widened = bytes == 1 ? DType.UINT8 : bytes == 2 ? DType.INT32 : DType.INT64;
        return new ElementFormat("uint" + 8 * bytes, widened, bytes, true, order);
    }

    /** The element at byte {@code off} of {@code b}; {@code where} is its offset for messages. */
    double read(byte[] b, int off, Failure failure, long where) throws TensorFileException {
        long bits = bits(b, off);
        return switch (dtype) {
            case FLOAT16 -> Half.toFloat((int) bits);
            case BFLOAT16 -> Float.intBitsToFloat((int) bits << 16);
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
            case FLOAT64 -> Double.longBitsToDouble(bits);
            case BOOL -> bits != 0 ? 1.0 : 0.0;
            default -> integer(bits, failure, where);
        };
    }

    private long bits(byte[] b, int off) {
        long v = 0;
        if (order == ByteOrder.LITTLE_ENDIAN) {
            for (int i = bytes - 1; i >= 0; i--) {
                v = v << 8 | (b[off + i] & 0xff);
            }
        } else {
            for (int i = 0; i < bytes; i++) {
                v = v << 8 | (b[off + i] & 0xff);
            }
        }
        return v;
    }

    private double integer(long bits, Failure failure, long where) throws TensorFileException {
        int shift = 64 - 8 * bytes;
        long v = unsigned ? bits : bits << shift >> shift; // sign-extend narrow signed types
        boolean exact = unsigned ? (v >= 0 && v <= EXACT_LIMIT) : v >= -EXACT_LIMIT && v <= EXACT_LIMIT;
        if (!exact) {
            String text = unsigned ? Long.toUnsignedString(v) : Long.toString(v);
            throw failure.at(where, name + " value " + text
                    + " is beyond ±2^53 and cannot be held exactly as a double");
        }
        return v;
    }
}
