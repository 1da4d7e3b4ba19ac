package org.firstspike.tensor;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Helpers for shapes held as int arrays. */
public final class Shapes {
    private Shapes() {
    }

    public static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public static int flatIndex(int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of rank " + index.length + " for shape " + format(shape));
        }
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside " + format(shape));
            }
            flat = flat * shape[i] + index[i];
        }
        return flat;
    }

    /** Formats as {@code [32, 288]}. */
    public static String format(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Formats as {@code 32×7×7}, the way layer tables show activations. */
    public static String formatCompact(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("×"));
    }
}
