package org.firstspike.reference;

import java.util.Arrays;

/**
 * Sorts input indices by arrival (z ascending, ties by index so results are deterministic).
 * Sorting packed (float key, index) longs with the JDK's primitive sort is fast; rounding to
 * float can only merge neighbours, so one insertion pass on the exact doubles finishes the job.
 */
final class ArrivalOrder {
    private long[] packed = new long[64];

    /** Writes into {@code order[0..n)} the indices {@code idx[0..n)} sorted by {@code z[idx]}. */
    void sort(double[] z, int[] idx, int n, int[] order) {
        if (packed.length < n) {
            packed = new long[Math.max(n, packed.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            // z > 0, so the float's bit pattern orders like the value.
            packed[i] = ((long) Float.floatToRawIntBits((float) z[idx[i]]) << 32) | idx[i];
        }
        Arrays.sort(packed, 0, n);
        for (int i = 0; i < n; i++) {
            order[i] = (int) packed[i];
        }
        for (int i = 1; i < n; i++) {
            int cur = order[i];
            double key = z[cur];
            int j = i - 1;
            while (j >= 0 && (z[order[j]] > key || z[order[j]] == key && order[j] > cur)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = cur;
        }
    }
}
