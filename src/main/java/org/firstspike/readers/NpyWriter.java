package org.firstspike.readers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;

/**
 * Writes a tensor as a version-1.0 .npy file, atomically (temp file in the same directory, then
 * rename). The descr follows the dtype: float16 {@code <f2}, float32 {@code <f4}, float64
 * {@code <f8}, int8 {@code |i1}, uint8 {@code |u1}, int16 {@code <i2}, int32 {@code <i4}, int64
 * {@code <i8}, bool {@code |b1}; bfloat16, which NumPy lacks, is written exactly as {@code <f4}.
 */
public final class NpyWriter {
    private static final int ALIGN = 64; // numpy pads the header so the data starts 64-byte aligned

    private NpyWriter() {
    }

    /**
     * @throws IllegalArgumentException if a value does not fit an integer or bool dtype
     * @throws IOException if the file cannot be written; the target is then left untouched
     */
    public static void write(Path file, Tensor tensor) throws IOException {
        byte[] header = header(tensor);
        byte[] data = data(tensor);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(header);
                os.write(data);
            }
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String descr(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> "<f2";
            case BFLOAT16, FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT8 -> "|i1";
            case UINT8 -> "|u1";
            case INT16 -> "<i2";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
            case BOOL -> "|b1";
        };
    }

    private static byte[] header(Tensor t) {
        int[] shape = t.shape();
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String tuple = shape.length == 1 ? "(" + dims + ",)" : "(" + dims + ")";
        String dict = "{'descr': '" + descr(t.dtype()) + "', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = NpyReader.MAGIC.length + 4 + dict.length() + 1;
        int padded = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
        String text = dict + " ".repeat(padded - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyReader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static byte[] data(Tensor t) {
        DType dtype = t.dtype() == DType.BFLOAT16 ? DType.FLOAT32 : t.dtype();
        ByteBuffer b = ByteBuffer.allocate(t.size() * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < t.size(); i++) {
            double v = t.get(i);
            String misfit = Narrowing.misfit(dtype, v);
            if (misfit != null) {
                throw new IllegalArgumentException("element " + i + " of " + t + ": " + misfit);
            }
            put(b, dtype, v);
        }
        return b.array();
    }

    private static void put(ByteBuffer b, DType dtype, double v) {
        switch (dtype) {
            case FLOAT16 -> b.putShort((short) Half.fromDouble(v));
            case FLOAT32 -> b.putFloat((float) v);
            case FLOAT64 -> b.putDouble(v);
            case INT8, UINT8, BOOL -> b.put((byte) (long) v);
            case INT16 -> b.putShort((short) (long) v);
            case INT32 -> b.putInt((int) (long) v);
            default -> b.putLong((long) v);
        }
    }
}
