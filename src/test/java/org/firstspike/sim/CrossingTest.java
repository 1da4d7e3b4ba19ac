package org.firstspike.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.firstspike.testing.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Crossing.earlier, the decoder's same-tick comparison B_i·A'_j < B_j·A'_i in 128 bits, against
 * BigInteger: full 64-bit operands with Long.MIN_VALUE/MAX_VALUE, a decoder-like 40/20-bit set with
 * A' > 0, and a tiny set tested exhaustively. Edge cases: every combination of extremes, exact ties
 * (equal ratios, equal inputs), ties ±1, swapped pairs; then seeded random. (hdl/fs_output_decoder.v
 * is checked against Crossing in FsOutputDecoderTest.)
 */
class CrossingTest {
    private static final long SEED = 0xC0FFEE;

    record Widths(int bBits, int apBits) {
        long min(int bits) {
            return bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
        }

        long max(int bits) {
            return bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        }

        boolean fits(long v, int bits) {
            return v >= min(bits) && v <= max(bits);
        }
    }

    static final Widths FULL = new Widths(64, 64);
    static final Widths DECODER = new Widths(40, 20);
    static final Widths TINY = new Widths(3, 3);

    static final class Vectors {
        final Widths w;
        int count;
        int earlier;
        int ties;

        Vectors(Widths w) {
            this.w = w;
        }

        void add(long b1, long ap1, long b2, long ap2) {
            if (!w.fits(b1, w.bBits) || !w.fits(b2, w.bBits) || !w.fits(ap1, w.apBits) || !w.fits(ap2, w.apBits)) {
                return;
            }
            boolean e = Crossing.earlier(b1, ap1, b2, ap2);
            int exact = BigInteger.valueOf(b1).multiply(BigInteger.valueOf(ap2))
                    .compareTo(BigInteger.valueOf(b2).multiply(BigInteger.valueOf(ap1)));
            assertEquals(exact < 0, e, "Crossing.earlier(" + b1 + ", " + ap1 + ", " + b2 + ", " + ap2 + ") vs BigInteger");
            count++;
            earlier += e ? 1 : 0;
            ties += exact == 0 ? 1 : 0;
        }

        /** Both orders, so a comparator that ignores its operand order cannot pass. */
        void addBoth(long b1, long ap1, long b2, long ap2) {
            add(b1, ap1, b2, ap2);
            add(b2, ap2, b1, ap1);
        }
    }

    static long random(Random r, int bits) {
        // Mix full-width patterns with short ones, so both large and near-zero values occur.
        int use = r.nextInt(4) == 0 ? 1 + r.nextInt(bits) : bits;
        return use == 64 ? r.nextLong() : r.nextLong() >> (64 - use);
    }

    static Vectors vectors(Widths w, long seed, boolean positiveAp, int randomCount) {
        Vectors v = new Vectors(w);
        long[] bs = {w.min(w.bBits), w.min(w.bBits) + 1, -1, 0, 1, w.max(w.bBits) - 1, w.max(w.bBits)};
        long[] aps = {w.min(w.apBits), w.min(w.apBits) + 1, -1, 0, 1, w.max(w.apBits) - 1, w.max(w.apBits)};
        for (long b1 : bs) {
            for (long a1 : aps) {
                for (long b2 : bs) {
                    for (long a2 : aps) {
                        v.add(b1, a1, b2, a2);
                    }
                }
            }
        }
        Random r = new Random(seed);
        for (int i = 0; i < randomCount; i++) {
            long b1 = random(r, w.bBits);
            long a1 = random(r, w.apBits);
            if (positiveAp) {
                a1 = a1 == Long.MIN_VALUE ? 1 : Math.max(1, Math.abs(a1));
            }
            switch (i % 5) {
                case 0 -> v.addBoth(b1, a1, b1, a1); // identical neurons: a tie
                case 1 -> { // equal ratios p/q at two scales: a tie, then one step either side
                    int bits = 1 + r.nextInt(Math.min(w.bBits, w.apBits) / 2);
                    long p = random(r, bits);
                    long q = positiveAp ? 1 + (r.nextLong() >>> (64 - bits)) : random(r, bits);
                    long s1 = 1 + r.nextInt(1 << Math.min(16, Math.max(1, Math.min(w.bBits, w.apBits) - bits - 1)));
                    long s2 = 1 + r.nextInt(1 << Math.min(16, Math.max(1, Math.min(w.bBits, w.apBits) - bits - 1)));
                    v.addBoth(p * s1, q * s1, p * s2, q * s2);
                    v.addBoth(p * s1, q * s1, p * s2 + 1, q * s2);
                    v.addBoth(p * s1, q * s1, p * s2 - 1, q * s2);
                    v.addBoth(p * s1, q * s1, p * s2, q * s2 + 1);
                }
                case 2 -> v.addBoth(b1, a1, b1 + 1 - 2 * r.nextInt(2), a1); // same A', adjacent B
                default -> {
                    long b2 = random(r, w.bBits);
                    long a2 = random(r, w.apBits);
                    if (positiveAp) {
                        a2 = a2 == Long.MIN_VALUE ? 1 : Math.max(1, Math.abs(a2));
                    }
                    v.addBoth(b1, a1, b2, a2);
                }
            }
        }
        return v;
    }

    static Vectors exhaustive(Widths w) {
        Vectors v = new Vectors(w);
        for (long b1 = w.min(w.bBits); b1 <= w.max(w.bBits); b1++) {
            for (long a1 = w.min(w.apBits); a1 <= w.max(w.apBits); a1++) {
                for (long b2 = w.min(w.bBits); b2 <= w.max(w.bBits); b2++) {
                    for (long a2 = w.min(w.apBits); a2 <= w.max(w.apBits); a2++) {
                        v.add(b1, a1, b2, a2);
                    }
                }
            }
        }
        return v;
    }

    @Test
    void matchesCrossingOnFullLongs() {
        run("full", FULL, false, 20_000);
    }

    @Test
    void matchesCrossingWithDecoderWidthsAndPositiveAp() {
        run("decoder", DECODER, true, 20_000);
    }

    @Test
    void matchesCrossingOnEveryInputOfTinyWidths() {
        Vectors v = exhaustive(TINY);
        assertEquals(1 << (2 * TINY.bBits + 2 * TINY.apBits), v.count);
    }

    private void run(String name, Widths w, boolean positiveAp, int randomCount) {
        long seed = Seeds.stream(SEED, 1).findFirst().getAsLong();
        Vectors v = vectors(w, seed, positiveAp, randomCount);
        String why = name + ", " + Seeds.describe(seed, CrossingTest.class);
        assertTrue(v.ties > randomCount / 10, v.ties + " ties, " + why);
        assertTrue(v.earlier > v.count / 5 && v.earlier < v.count * 4 / 5, v.earlier + " of " + v.count + ", " + why);
    }
}
