package org.firstspike.sim;

/**
 * The output decoder's sub-tick comparison: a neuron fires when e^{t/τ} reaches B/(A'·2^−G), so
 * between two that fire in the same tick, the one with the smaller B/A' crossed first. Compared
 * exactly by cross-multiplying in 128 bits: B_i·A'_j < B_j·A'_i (both A' are positive).
 */
final class Crossing {
    private Crossing() {
    }

    static boolean earlier(long bi, long ai, long bj, long aj) {
        return compare(bi, aj, bj, ai) < 0;
    }

    /** Sign of x1·y1 − x2·y2, exactly. */
    static int compare(long x1, long y1, long x2, long y2) {
        long hi1 = Math.multiplyHigh(x1, y1);
        long hi2 = Math.multiplyHigh(x2, y2);
        if (hi1 != hi2) {
            return hi1 < hi2 ? -1 : 1;
        }
        return Long.compareUnsigned(x1 * y1, x2 * y2);
    }
}
