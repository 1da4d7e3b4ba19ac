package org.firstspike.tensor;

import java.util.Arrays;

/**
 * An immutable dense tensor in row-major (C) order. Values are doubles: exact for every
 * float32, int8..int32 and for int64 up to 2^53, which is all a trained TTFS network holds.
 */
public final class Tensor {
    private final int[] shape;
    private final DType dtype;
    private final double[] data;

    public Tensor(int[] shape, DType dtype, double[] data) {
        long n = Shapes.size(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " holds " + n
                    + " elements but " + data.length + " values were given");
        }
        this.shape = shape.clone();
        this.dtype = dtype;
        this.data = data;
    }

    /** Wraps without copying; the caller hands over ownership of {@code data}. */
    public static Tensor of(DType dtype, double[] data, int... shape) {
        return new Tensor(shape, dtype, data);
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public DType dtype() {
        return dtype;
    }

    public int size() {
        return data.length;
    }

    public double get(int flatIndex) {
        return data[flatIndex];
    }

    public double at(int... index) {
        return data[Shapes.flatIndex(shape, index)];
    }

    /** A copy of the values; use {@link #get(int)} in loops. */
    public double[] toArray() {
        return data.clone();
    }

    public Tensor reshape(int... newShape) {
        return new Tensor(newShape, dtype, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.dtype == dtype && Arrays.equals(t.shape, shape)
                && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return dtype.label() + Shapes.format(shape);
    }
}
