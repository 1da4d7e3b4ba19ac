package org.firstspike.readers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.firstspike.tensor.Shapes;
import org.firstspike.tensor.Tensor;

/** Reads NumPy .npy arrays (format versions 1.0, 2.0 and 3.0), alone or as members of an .npz. */
final class NpyReader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyReader() {
    }

    /** A single .npy file; its key is the file name without ".npy". */
    static TensorFile read(Path file, byte[] bytes) throws TensorFileException {
        String key = stripNpy(file.getFileName().toString());
        Tensor t = decode(bytes, Failure.in(file).tensor(key));
        return new LoadedTensorFile(file, Map.of(key, t));
    }

    static String stripNpy(String name) {
        return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    }

    /** Decodes one .npy image; offsets in errors are relative to its first byte. */
    static Tensor decode(byte[] bytes, Failure failure) throws TensorFileException {
        ByteReader in = new ByteReader(bytes, failure);
        NpyHeader h = header(in);
        long count = ShapeMath.elements(h.shape());
        long need = ShapeMath.bytes(count, h.format().bytes());
        if (!ShapeMath.fitsArray(count) || need > in.remaining()) {
            throw in.fail("data is " + in.remaining() + " bytes but shape " + Shapes.format(h.shape()) + " of '"
                    + h.descr() + "' needs " + need);
        }
        if (need < in.remaining()) {
            throw in.fail("data is " + in.remaining() + " bytes but shape " + Shapes.format(h.shape()) + " of '"
                    + h.descr() + "' needs only " + need + " (extra bytes after the array)");
        }
        double[] values = values(bytes, in.position(), (int) count, h.format(), failure);
        return new Tensor(h.shape(), h.format().dtype(), h.fortranOrder() ? toRowMajor(values, h.shape()) : values);
    }

    private static NpyHeader header(ByteReader in) throws TensorFileException {
        byte[] magic = in.bytes(Math.min(MAGIC.length, in.remaining()), "magic");
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw in.failAt(0, "not a .npy file: bad magic (expected \\x93NUMPY)");
        }
        int major = in.u8("version");
        int minor = in.u8("version");
        if (major < 1 || major > 3 || minor != 0) {
            throw in.failAt(6, "unsupported .npy format version " + major + "." + minor);
        }
        long length = major == 1 ? in.u16le("header length") : in.u32le("header length");
        long at = in.position();
        String text = major == 3 ? in.utf8(length, "header") : latin1(in.bytes(length, "header"));
        return NpyHeader.parse(text.strip(), in, at);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static double[] values(byte[] bytes, int start, int count, ElementFormat format, Failure failure)
            throws TensorFileException {
        double[] out = new double[count];
        int width = format.bytes();
        for (int i = 0; i < count; i++) {
            int at = start + i * width;
            out[i] = format.read(bytes, at, failure, at);
        }
        return out;
    }

    /** Column-major source order to row-major: the first axis varies fastest in the source. */
    static double[] toRowMajor(double[] src, int[] shape) {
        int rank = shape.length;
        int[] strides = new int[rank];
        int s = 1;
        for (int i = rank - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        double[] out = new double[src.length];
        int[] index = new int[rank];
        int dest = 0;
        for (double v : src) {
            out[dest] = v;
            for (int axis = 0; axis < rank; axis++) {
                dest += strides[axis];
                if (++index[axis] < shape[axis]) {
                    break;
                }
                dest -= strides[axis] * shape[axis];
                index[axis] = 0;
            }
        }
        return out;
    }
}
