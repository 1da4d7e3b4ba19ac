package org.firstspike.model;

import java.util.List;
import java.util.stream.Collectors;

/** The shape of a spike tensor: {@code [C, H, W]} for feature maps or {@code [N]} for vectors. */
public record Shape(List<Integer> dims) {

    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape chw(int c, int h, int w) {
        return new Shape(List.of(c, h, w));
    }

    public static Shape vector(int n) {
        return new Shape(List.of(n));
    }

    public static Shape of(int[] dims) {
        return new Shape(java.util.Arrays.stream(dims).boxed().toList());
    }

    public int rank() {
        return dims.size();
    }

    public boolean isMap() {
        return dims.size() == 3;
    }

    public int channels() {
        return dims.get(0);
    }

    public int height() {
        return dims.get(1);
    }

    public int width() {
        return dims.get(2);
    }

    /** More neurons than any target could hold, and small enough that every index fits an int. */
    public static final long MAX_ELEMENTS = 1L << 28;

    /** Number of elements; exact even for absurd shapes (see {@link #MAX_ELEMENTS}). */
    public long elements() {
        long n = 1;
        for (int d : dims) {
            n = Math.multiplyHigh(n, d) != 0 ? Long.MAX_VALUE : n * d;
        }
        return n;
    }

    /** Number of elements of a shape within {@link #MAX_ELEMENTS}, which the front end guarantees. */
    public int size() {
        long n = elements();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException("shape " + this + " is too large");
        }
        return (int) n;
    }

    /** Neurons per channel: H·W for maps, 1 for vectors. */
    public int plane() {
        return isMap() ? height() * width() : 1;
    }

    public int[] toArray() {
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }
}
