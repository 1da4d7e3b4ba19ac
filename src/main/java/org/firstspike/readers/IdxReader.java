package org.firstspike.readers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Shapes;
import org.firstspike.tensor.Tensor;

/**
 * Reads IDX files (MNIST, Fashion-MNIST), plain or gzip-compressed: a big-endian header of
 * two zero bytes, a type code (0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float,
 * 0x0E double) and a dimension count, then the dimensions and the big-endian data. Offsets in
 * errors are into the decompressed bytes.
 */
public final class IdxReader {
    private IdxReader() {
    }

    /** @throws TensorFileException for a missing, truncated or malformed file */
    public static Tensor read(Path file) throws TensorFileException {
        return decode(file, FileBytes.read(file));
    }

    /** Decodes bytes already loaded from {@code file}. */
    static Tensor decode(Path file, byte[] raw) throws TensorFileException {
        Failure failure = Failure.in(file);
        byte[] bytes = isGzip(raw) ? gunzip(raw, failure) : raw;
        ByteReader in = new ByteReader(bytes, failure);
        if (in.remaining() < 4 || in.u8("magic") != 0 || in.u8("magic") != 0) {
            throw failure.at(0, "not an IDX file: the magic number must start with two zero bytes");
        }
        ElementFormat format = format(in.u8("type code"), in);
        int[] shape = dims(in.u8("dimension count"), in);
        long need = ShapeMath.bytes(ShapeMath.elements(shape), format.bytes());
        if (need != in.remaining()) {
            throw in.fail("data is " + in.remaining() + " bytes but shape " + Shapes.format(shape) + " of "
                    + format.name() + " needs " + need + (need > in.remaining() ? " (file truncated?)" : ""));
        }
        double[] values = new double[(int) ShapeMath.elements(shape)];
        int start = in.position();
        for (int i = 0; i < values.length; i++) {
            int at = start + i * format.bytes();
            values[i] = format.read(bytes, at, failure, at);
        }
        return new Tensor(shape, format.dtype(), values);
    }

    private static ElementFormat format(int code, ByteReader in) throws TensorFileException {
        DType dtype = switch (code) {
            case 0x08 -> DType.UINT8;
            case 0x09 -> DType.INT8;
            case 0x0B -> DType.INT16;
            case 0x0C -> DType.INT32;
            case 0x0D -> DType.FLOAT32;
            case 0x0E -> DType.FLOAT64;
            default -> throw in.failAt(2, "unknown IDX type code 0x" + Integer.toHexString(code));
        };
        return ElementFormat.of(dtype, ByteOrder.BIG_ENDIAN);
    }

    private static int[] dims(int rank, ByteReader in) throws TensorFileException {
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            int d = in.i32be("dimension " + i);
            if (d < 0) {
                throw in.failAt(in.position() - 4, "dimension " + i + " has negative size " + d);
            }
            shape[i] = d;
        }
        if (!ShapeMath.fitsArray(ShapeMath.elements(shape))) {
            throw in.fail("shape " + Shapes.format(shape) + " has too many elements to hold in memory");
        }
        return shape;
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /** Decompresses fully (output grows with the real data, never with a claimed size). */
    private static byte[] gunzip(byte[] raw, Failure failure) throws TensorFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
        byte[] buf = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > Integer.MAX_VALUE - 8 - buf.length) {
                    throw failure.of("gzip data decompresses to more than 2 GB");
                }
            }
        } catch (java.io.EOFException e) {
            throw failure.at(out.size(), "gzip stream is truncated after " + out.size()
                    + " decompressed bytes");
        } catch (IOException e) {
            throw failure.at(out.size(), "corrupt gzip stream after " + out.size() + " decompressed bytes: "
                    + e.getMessage());
        }
        return out.toByteArray();
    }
}
