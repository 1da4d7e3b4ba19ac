package org.firstspike.readers;

/** Element counts of shapes read from untrusted headers, saturating instead of overflowing. */
final class ShapeMath {
    private ShapeMath() {
    }

    /** Product of the dimensions, or Long.MAX_VALUE if it does not fit in a long. */
    static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d == 0) {
                return 0;
            }
        }
        for (int d : shape) {
            if (n > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            n *= d;
        }
        return n;
    }

    /** Bytes for {@code elements} of {@code width} bytes each, saturating. */
    static long bytes(long elements, int width) {
        return elements > Long.MAX_VALUE / width ? Long.MAX_VALUE : elements * width;
    }

    /** Whether a double[] of this many elements can be allocated at all. */
    static boolean fitsArray(long elements) {
        return elements <= Integer.MAX_VALUE - 8;
    }
}
