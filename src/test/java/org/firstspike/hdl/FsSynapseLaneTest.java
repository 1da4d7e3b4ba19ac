package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.firstspike.testing.Hdl;
import org.firstspike.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hdl/fs_synapse_lane.v against docs/semantics.md §4.1 written here in the semantics' own terms — a
 * neuron's last arrival tick and its detection tick kept apart, A and B in BigInteger — and only
 * then packed into the lane's one mark word (−1 untouched, ≥ 0 last, ≤ −2 detected at −2 − mark).
 * Three width sets: the tiny example's, the seed model's and the widest the generator allows; edge
 * cases (untouched, touched in this tick, detected, extreme levels and sums), then seeded random.
 */
class FsSynapseLaneTest {
    private static final long SEED = 0x5A11;

    @TempDir
    Path dir;

    /** Port widths; {@code mulA} > 0 tiles q·Z to a multiplier with that wide port (MUL_A). */
    record Widths(int aBits, int bBits, int zBits, int w, int mulA) {
        Widths(int aBits, int bBits, int zBits, int w) {
            this(aBits, bBits, zBits, w, 0);
        }

        String[] verilator() {
            return new String[] {"-GA_BITS=" + aBits, "-GB_BITS=" + bBits, "-GZ_BITS=" + zBits, "-GW=" + w,
                "-GMUL_A=" + mulA};
        }
    }

    static final Widths TINY_NET = new Widths(17, 40, 22, 13);
    static final Widths SEED_NET = new Widths(17, 43, 25, 23);
    static final Widths WIDE = new Widths(33, 64, 40, 32);
    /** The seed's widths on a DSP48E1 (25-bit port): Z's lowest bit in logic. */
    static final Widths SEED_DSP48 = new Widths(17, 43, 25, 23, 25);
    /** Wide widths on a small multiplier port: 25 of Z's 40 bits in logic. */
    static final Widths WIDE_TILED = new Widths(33, 64, 40, 32, 16);
    static final List<Widths> ALL = List.of(TINY_NET, SEED_NET, WIDE, SEED_DSP48, WIDE_TILED);

    /** A neuron as §4.1 describes it; -1 means "none" for both ticks. */
    record Neuron(long last, long detect, BigInteger a, BigInteger b) {
        long mark() {
            return detect >= 0 ? -2 - detect : last;
        }
    }

    /** §4.1: the arrival at tick g of level q, with Z(g) = z and the firing test fires(g − 1). */
    static Neuron arrive(Neuron n, long g, long q, long z, boolean fires) {
        if (n.detect >= 0) {
            return n;                                                  // 1. fired already: ignored
        }
        if (n.last < g && fires) {
            return new Neuron(n.last, g - 1, n.a, n.b);                // 2. first arrival in g: detected
        }
        return new Neuron(g, -1, n.a.add(BigInteger.valueOf(q)),       // 3. accumulated
                n.b.add(BigInteger.valueOf(q).multiply(BigInteger.valueOf(z))));
    }

    static String hex(BigInteger v, int bits) {
        return FsFireTestTest.hex(v, bits);
    }

    static String hex(long v, int bits) {
        return hex(BigInteger.valueOf(v), bits);
    }

    static final class Vectors {
        final Widths w;
        final StringBuilder text = new StringBuilder();
        int count;
        int accumulated;
        int detected;

        Vectors(Widths w) {
            this.w = w;
        }

        void add(Neuron n, long g, long q, long z, boolean fires) {
            if (g == 0 && n.last < 0 && n.detect < 0 && fires) {
                return;           // no detection before tick 0: the engine's test compares against 0 there
            }
            Neuron m = arrive(n, g, q, z, fires);
            boolean acc = m.last == g && m.detect < 0 && n.detect < 0 && !(n.last < g && fires);
            boolean det = m.detect >= 0 && n.detect < 0;
            text.append(hex(n.a, w.aBits)).append(' ').append(hex(n.b, w.bBits)).append(' ')
                    .append(hex(n.mark(), w.w)).append(' ').append(hex(g, w.w)).append(' ').append(hex(q, 16))
                    .append(' ').append(hex(z, w.zBits)).append(' ').append(fires ? '1' : '0').append(' ')
                    .append(acc ? '1' : '0').append(' ').append(det ? '1' : '0').append(' ')
                    .append(hex(m.a, w.aBits)).append(' ').append(hex(m.b, w.bBits)).append(' ')
                    .append(hex(m.mark(), w.w)).append(' ').append(hex(m.last, w.w)).append('\n');
            count++;
            accumulated += acc ? 1 : 0;
            detected += det ? 1 : 0;
        }
    }

    static BigInteger min(int bits) {
        return FsFireTestTest.min(bits);
    }

    static BigInteger max(int bits) {
        return FsFireTestTest.max(bits);
    }

    /** A value that keeps value + delta within {@code bits} for every |delta| ≤ 2^span. */
    static BigInteger roomy(Random r, int bits, int span) {
        BigInteger lo = min(bits).add(BigInteger.ONE.shiftLeft(span));
        BigInteger range = max(bits).subtract(BigInteger.ONE.shiftLeft(span)).subtract(lo);
        return lo.add(new BigInteger(range.bitLength() + 8, r).mod(range.add(BigInteger.ONE)));
    }

    static Vectors vectors(Widths w, long seed, int randomCount) {
        Vectors v = new Vectors(w);
        Random r = new Random(seed);
        long tickMax = (1L << (w.w - 2)) - 1;
        long zMax = (1L << w.zBits) - 1;
        int qzBits = w.zBits + 15;           // |q·z| ≤ 2^15·(2^Z − 1)
        // extremes: sums that just fit, every kind of mark, both firing outcomes
        BigInteger aTop = max(w.aBits).subtract(BigInteger.valueOf(32767));
        BigInteger aBottom = min(w.aBits).add(BigInteger.valueOf(32768));
        BigInteger bTop = max(w.bBits).subtract(BigInteger.valueOf(32767).multiply(BigInteger.valueOf(zMax)));
        BigInteger bBottom = min(w.bBits).add(BigInteger.valueOf(32768).multiply(BigInteger.valueOf(zMax)));
        for (long g : new long[] {0, 1, 2, tickMax}) {
            for (long mark : new long[] {-1, g, Math.max(0, g - 1), -2, -2 - Math.max(0, g - 1)}) {
                for (long q : new long[] {32767, -32768, 1, -1, 0}) {
                    for (boolean f : new boolean[] {false, true}) {
                        BigInteger a = q >= 0 ? aTop : aBottom;
                        BigInteger b = q >= 0 ? bTop : bBottom;
                        v.add(neuron(mark, g - 1 < 0 ? -1 : 0, a, b), g, q, zMax, f);
                        v.add(neuron(mark, 0, BigInteger.ZERO, BigInteger.ZERO), g, q, 0, f);
                    }
                }
            }
        }
        for (int i = 0; i < randomCount; i++) {
            long g = r.nextInt(8) == 0 ? r.nextInt(3) : (r.nextLong() & Long.MAX_VALUE) % (tickMax + 1);
            long earlier = g == 0 ? -1 : (r.nextLong() & Long.MAX_VALUE) % g;
            long mark = switch (r.nextInt(4)) {
                case 0 -> -1;                                   // untouched in this stage
                case 1 -> g;                                    // touched in this tick already
                case 2 -> earlier;                              // touched in an earlier tick
                default -> earlier < 0 ? -1 : -2 - earlier;     // detected
            };
            long lastBefore = earlier < 0 ? -1 : (r.nextLong() & Long.MAX_VALUE) % (earlier + 1);
            long q = r.nextInt(4) == 0 ? (r.nextBoolean() ? 32767 : -32768) : r.nextInt(65536) - 32768;
            long z = r.nextInt(4) == 0 ? zMax : (r.nextLong() & Long.MAX_VALUE) % (zMax + 1);
            v.add(neuron(mark, lastBefore, roomy(r, w.aBits, 15), roomy(r, w.bBits, qzBits)), g, q, z, r.nextBoolean());
        }
        return v;
    }

    /** The neuron whose packed mark is {@code mark}; a detected one had its last arrival at {@code lastBefore}. */
    static Neuron neuron(long mark, long lastBefore, BigInteger a, BigInteger b) {
        return mark <= -2 ? new Neuron(lastBefore, -2 - mark, a, b) : new Neuron(mark, -1, a, b);
    }

    @Test
    void lintsClean() {
        for (Widths w : ALL) {
            Hdl.lint(dir, List.of(Hdl.lib("fs_synapse_lane.v")), "fs_synapse_lane", w.verilator());
        }
    }

    @Test
    void synthesizesWithoutLatches() {
        Hdl.synthesize(dir, List.of(Hdl.lib("fs_synapse_lane.v")), "fs_synapse_lane",
                "-set A_BITS 17 -set B_BITS 43 -set Z_BITS 25 -set W 23", "synth_ice40", "");
    }

    /** The seed's q·Z (16 × 26 signed bits) needs two DSP48E1 as one product, one tiled to the 25-bit port. */
    @Test
    void tilingToTheDsp48PortSavesAMultiplier() {
        String seed = "-set A_BITS 17 -set B_BITS 43 -set Z_BITS 25 -set W 23";
        Hdl.assertDsp48(dir.resolve("plain"), "fs_synapse_lane.v", "fs_synapse_lane", seed, 2);
        Hdl.assertDsp48(dir.resolve("tiled"), "fs_synapse_lane.v", "fs_synapse_lane", seed + " -set MUL_A 25", 1);
    }

    @Test
    void matchesTheSemanticsAtEveryWidthSet() {
        long seed = Seeds.stream(SEED, 1).findFirst().getAsLong();
        for (Widths w : ALL) {
            Vectors v = vectors(w, seed, 20_000);
            // every outcome must be exercised
            assertTrue(v.accumulated > v.count / 4 && v.detected > v.count / 20
                    && v.accumulated + v.detected < v.count, w + ": " + v.accumulated + " accumulated, " + v.detected
                    + " detected of " + v.count);
            Path d = dir.resolve("w" + w.w + "m" + w.mulA);
            Hdl.write(d.resolve("vectors.hex"), v.text.toString());
            String out = Hdl.simulate(d, List.of(Hdl.lib("fs_synapse_lane.v")), Hdl.lib("tb/fs_synapse_lane_tb.sv"),
                    w.verilator());
            assertTrue(out.contains("PASS fs_synapse_lane checked " + v.count + "\n"), w + ", "
                    + Seeds.describe(seed, FsSynapseLaneTest.class) + ":\n" + out);
        }
    }
}
