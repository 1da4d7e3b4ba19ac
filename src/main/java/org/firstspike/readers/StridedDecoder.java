package org.firstspike.readers;

import org.firstspike.tensor.Shapes;
import org.firstspike.tensor.Tensor;

/**
 * Copies a strided view of a torch storage (any offset and non-negative strides, including the
 * stride 0 of expanded tensors) into a row-major {@link Tensor}, after checking that every
 * element it touches lies inside the storage.
 */
final class StridedDecoder {
    private static final int MAX_RANK = 64;

    private StridedDecoder() {
    }

    /**
     * @param storage the member's bytes; {@code storageAt} is their file offset, for messages
     * @param maxElements how many elements this tensor may still allocate
     */
    static Tensor decode(TorchTensor t, ElementFormat format, byte[] storage, String member, long storageAt,
            long maxElements, Failure failure) throws TensorFileException {
        int[] shape = shape(t, failure);
        long count = count(shape, failure);
        if (count > maxElements) {
            throw failure.of("tensor of " + count + " elements exceeds the reader's limit of " + maxElements
                    + " elements for this file (corrupt size?)");
        }
        if (count > 0) {
            checkExtent(t, format, storage.length, member, storageAt, failure);
        }
        double[] out = new double[(int) count];
        gather(t, shape, format, storage, storageAt, out, failure);
        return new Tensor(shape, format.dtype(), out);
    }

    private static int[] shape(TorchTensor t, Failure failure) throws TensorFileException {
        if (t.size().length > MAX_RANK) {
            throw failure.of("tensor has " + t.size().length + " dimensions; at most " + MAX_RANK + " are supported");
        }
        if (t.offset() < 0) {
            throw failure.of("negative storage offset " + t.offset());
        }
        int[] shape = new int[t.size().length];
        for (int i = 0; i < shape.length; i++) {
            long n = t.size()[i];
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw failure.of("dimension " + i + " has invalid size " + n);
            }
            if (t.stride()[i] < 0) {
                throw failure.of("dimension " + i + " has negative stride " + t.stride()[i]);
            }
            shape[i] = (int) n;
        }
        return shape;
    }

    private static long count(int[] shape, Failure failure) throws TensorFileException {
        long n = ShapeMath.elements(shape);
        if (!ShapeMath.fitsArray(n)) {
            throw failure.of("tensor of shape " + Shapes.format(shape) + " has too many elements to hold in memory");
        }
        return n;
    }

    /** The storage must hold the element at offset + sum((size - 1) * stride). */
    private static void checkExtent(TorchTensor t, ElementFormat format, int storageBytes, String member,
            long storageAt, Failure failure) throws TensorFileException {
        long available = Math.min(storageBytes, t.storage().declaredBytes()) / format.bytes();
        long last = lastElement(t);
        if (last >= available) {
            String needs = last >= Long.MAX_VALUE / format.bytes() ? "more than the file holds"
                    : ((last + 1) * format.bytes()) + " (" + (last + 1 - t.offset()) + " " + format.name()
                            + " elements at offset " + t.offset() + ")";
            throw failure.at(storageAt, "storage '" + member + "' holds " + available * format.bytes()
                    + " bytes but the tensor needs " + needs);
        }
    }

    private static long lastElement(TorchTensor t) {
        try {
            long last = t.offset();
            for (int i = 0; i < t.size().length; i++) {
                last = Math.addExact(last, Math.multiplyExact(t.size()[i] - 1, t.stride()[i]));
            }
            return last;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // beyond any storage: reported as such
        }
    }

    /** Walks the row-major index like an odometer, tracking the storage element it maps to. */
    private static void gather(TorchTensor t, int[] shape, ElementFormat format, byte[] storage, long storageAt,
            double[] out, Failure failure) throws TensorFileException {
        int rank = shape.length;
        int[] index = new int[rank];
        long element = t.offset();
        int width = format.bytes();
        for (int i = 0; i < out.length; i++) {
            int at = (int) (element * width);
            out[i] = format.read(storage, at, failure, storageAt + at);
            for (int axis = rank - 1; axis >= 0; axis--) {
                element += t.stride()[axis];
                if (++index[axis] < shape[axis]) {
                    break;
                }
                element -= t.stride()[axis] * shape[axis];
                index[axis] = 0;
            }
        }
    }
}
