package org.firstspike.passes;

import java.math.BigInteger;

/** Bit widths of integer ranges. */
final class Bits {
    private Bits() {
    }

    /** Smallest two's-complement width holding every value in [lo, hi]. */
    static int signed(long lo, long hi) {
        return Math.max(signed(BigInteger.valueOf(lo)), signed(BigInteger.valueOf(hi)));
    }

    static int signed(BigInteger v) {
        return v.bitLength() + 1;
    }

    /** Width of a non-negative value. */
    static int unsigned(long v) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(v));
    }
}
