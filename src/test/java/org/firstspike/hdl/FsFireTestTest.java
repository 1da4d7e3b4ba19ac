package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.firstspike.ir.TimeGrid;
import org.firstspike.ir.ZTable;
import org.firstspike.testing.Hdl;
import org.firstspike.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hdl/fs_fire_test.v against the firing test of docs/semantics.md §4 as CoreRun.fires computes it,
 * here in BigInteger so that wide parameter sets are exact (and checked against CoreRun's long
 * expression wherever that cannot overflow). Three parameter sets: the default grid's widths with
 * Zc from ZTable, a wide one near 64-bit B, and a tiny one tested exhaustively. Edge cases: ap = 0,
 * ap < 0, zc·ap = B·2^G exactly and ±1 around it, extreme values at every width; then seeded random.
 */
class FsFireTestTest {
    private static final long SEED = 0xF1BE;

    @TempDir
    Path dir;

    /** Port widths; {@code mulA}, {@code mulB} > 0 tile the product to a multiplier with those ports. */
    record Widths(int aBits, int bBits, int thetaBits, int zBits, int g, int mulA, int mulB) {
        Widths(int aBits, int bBits, int thetaBits, int zBits, int g) {
            this(aBits, bBits, thetaBits, zBits, g, 0, 0);
        }

        Widths tiled(int a, int b) {
            return new Widths(aBits, bBits, thetaBits, zBits, g, a, b);
        }

        int apBits() {
            return Math.max(aBits + g, thetaBits) + 1;
        }

        String[] verilator() {
            return new String[] {"-GA_BITS=" + aBits, "-GB_BITS=" + bBits, "-GTHETA_BITS=" + thetaBits,
                "-GZ_BITS=" + zBits, "-GG=" + g, "-GMUL_A=" + mulA, "-GMUL_B=" + mulB};
        }
    }

    static final Widths DEFAULT = new Widths(16, 40, 24, 25, 8);
    static final Widths WIDE = new Widths(33, 64, 48, 40, 12);
    static final Widths TINY = new Widths(3, 4, 3, 2, 1);

    /** (A << G) − Θ, as CoreRun. */
    static BigInteger ap(BigInteger a, BigInteger theta, int g) {
        return a.shiftLeft(g).subtract(theta);
    }

    /** CoreRun.fires: ap > 0 && zc * ap >= b << g, exactly. */
    static boolean fires(BigInteger a, BigInteger b, BigInteger theta, BigInteger zc, int g) {
        BigInteger ap = ap(a, theta, g);
        return ap.signum() > 0 && zc.multiply(ap).compareTo(b.shiftLeft(g)) >= 0;
    }

    /** CoreRun's own long expression, for inputs where none of its terms can overflow. */
    static boolean firesLong(long a, long b, long theta, long zc, int g) {
        long ap = (a << g) - theta;
        return ap > 0 && zc * ap >= b << g;
    }

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static boolean inLong(BigInteger v) {
        return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
    }

    static BigInteger min(int bits) {
        return BigInteger.ONE.shiftLeft(bits - 1).negate();
    }

    static BigInteger max(int bits) {
        return BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    }

    static boolean fitsSigned(BigInteger v, int bits) {
        return v.compareTo(min(bits)) >= 0 && v.compareTo(max(bits)) <= 0;
    }

    static BigInteger randomSigned(Random r, int bits) {
        // Mix uniform bit patterns with small magnitudes, so both wide and near-zero values occur.
        int use = r.nextInt(4) == 0 ? 1 + r.nextInt(bits) : bits;
        return new BigInteger(use, r).subtract(BigInteger.ONE.shiftLeft(use - 1));
    }

    static String hex(BigInteger v, int bits) {
        return v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)).toString(16);
    }

    /** Collects vectors, keeping only those that fit the port widths. */
    static final class Vectors {
        final Widths w;
        final StringBuilder text = new StringBuilder();
        int count;
        int firing;
        int ties;
        int checkedAgainstLong;

        Vectors(Widths w) {
            this.w = w;
        }

        boolean add(BigInteger a, BigInteger b, BigInteger theta, BigInteger zc) {
            if (!fitsSigned(a, w.aBits) || !fitsSigned(b, w.bBits) || !fitsSigned(theta, w.thetaBits)
                    || zc.signum() < 0 || zc.bitLength() > w.zBits) {
                return false;
            }
            BigInteger ap = ap(a, theta, w.g);
            boolean f = fires(a, b, theta, zc, w.g);
            if (inLong(zc.multiply(ap)) && inLong(b.shiftLeft(w.g)) && inLong(a.shiftLeft(w.g))) {
                assertEquals(f, firesLong(a.longValue(), b.longValue(), theta.longValue(), zc.longValue(), w.g),
                        "BigInteger reference vs CoreRun's long expression");
                checkedAgainstLong++;
            }
            text.append(hex(a, w.aBits)).append(' ').append(hex(b, w.bBits)).append(' ')
                    .append(hex(theta, w.thetaBits)).append(' ').append(hex(zc, w.zBits)).append(' ')
                    .append(hex(ap, w.apBits())).append(' ')
                    .append(hex(zc.multiply(ap.mod(BigInteger.ONE.shiftLeft(w.apBits() - 1))), w.zBits + w.apBits() - 1))
                    .append(' ').append(f ? '1' : '0').append('\n');
            count++;
            firing += f ? 1 : 0;
            ties += ap.signum() > 0 && zc.multiply(ap).equals(b.shiftLeft(w.g)) ? 1 : 0;
            return true;
        }
    }

    /** Edge cases and seeded random vectors for widths {@code w}; zc drawn from {@code zcs} when given. */
    static Vectors vectors(Widths w, long seed, long[] zcs, int randomCount) {
        Vectors v = new Vectors(w);
        Random r = new Random(seed);
        BigInteger zMax = BigInteger.ONE.shiftLeft(w.zBits).subtract(BigInteger.ONE);
        List<BigInteger> as = List.of(min(w.aBits), max(w.aBits), BigInteger.ZERO, BigInteger.ONE,
                BigInteger.ONE.negate());
        List<BigInteger> bs = List.of(min(w.bBits), max(w.bBits), BigInteger.ZERO, BigInteger.ONE,
                BigInteger.ONE.negate());
        List<BigInteger> thetas = List.of(min(w.thetaBits), max(w.thetaBits), BigInteger.ZERO, BigInteger.ONE,
                BigInteger.ONE.negate());
        List<BigInteger> zs = List.of(BigInteger.ZERO, BigInteger.ONE, zMax);
        // Every combination of extremes.
        for (BigInteger a : as) {
            for (BigInteger b : bs) {
                for (BigInteger t : thetas) {
                    for (BigInteger z : zs) {
                        v.add(a, b, t, z);
                    }
                }
            }
        }
        for (int i = 0; i < randomCount; i++) {
            BigInteger a = randomSigned(r, w.aBits);
            BigInteger z = zcs != null ? BigInteger.valueOf(zcs[r.nextInt(zcs.length)])
                    : new BigInteger(1 + r.nextInt(w.zBits), r);
            switch (i % 6) {
                case 0 -> { // ap = 0: never fires, whatever B
                    v.add(a, randomSigned(r, w.bBits), a.shiftLeft(w.g), z);
                }
                case 1 -> { // ap < 0
                    BigInteger t = a.shiftLeft(w.g).add(BigInteger.valueOf(1 + r.nextInt(1000)));
                    v.add(a, randomSigned(r, w.bBits), t, z);
                }
                case 2, 3 -> { // ap > 0 and B·2^G at, just below or just above zc·ap
                    BigInteger t = randomSigned(r, w.thetaBits);
                    BigInteger ap = ap(a, t, w.g);
                    if (ap.signum() <= 0) {
                        t = a.shiftLeft(w.g).subtract(BigInteger.valueOf(1 + r.nextInt(1 << Math.min(20,
                                w.thetaBits - 1))));
                        ap = ap(a, t, w.g);
                    }
                    BigInteger p = z.multiply(ap);
                    // Equality needs zc·ap to be a multiple of 2^G; floor and ceil bracket it otherwise.
                    BigInteger floor = p.shiftRight(w.g);
                    BigInteger exact = p.equals(floor.shiftLeft(w.g)) ? floor : null;
                    int d = r.nextInt(3) - 1;
                    v.add(a, (exact != null ? exact : floor).add(BigInteger.valueOf(d)), t, z);
                    if (exact == null) {
                        // Make an exact tie: choose zc a multiple of 2^G / gcd.
                        BigInteger z2 = z.shiftRight(w.g).shiftLeft(w.g);
                        v.add(a, z2.multiply(ap).shiftRight(w.g), t, z2);
                    }
                }
                default -> v.add(a, randomSigned(r, w.bBits), randomSigned(r, w.thetaBits), z);
            }
        }
        return v;
    }

    /** Every input combination of the tiny widths. */
    static Vectors exhaustive(Widths w) {
        Vectors v = new Vectors(w);
        for (long a = min(w.aBits).longValue(); a <= max(w.aBits).longValue(); a++) {
            for (long b = min(w.bBits).longValue(); b <= max(w.bBits).longValue(); b++) {
                for (long t = min(w.thetaBits).longValue(); t <= max(w.thetaBits).longValue(); t++) {
                    for (long z = 0; z < 1L << w.zBits; z++) {
                        v.add(BigInteger.valueOf(a), BigInteger.valueOf(b), BigInteger.valueOf(t),
                                BigInteger.valueOf(z));
                    }
                }
            }
        }
        return v;
    }

    @Test
    void lintsClean() {
        for (Widths w : List.of(DEFAULT, WIDE, TINY, new Widths(8, 20, 30, 16, 0), DEFAULT.tiled(25, 18),
                WIDE.tiled(25, 18), TINY.tiled(2, 3), new Widths(8, 20, 30, 16, 0).tiled(25, 18))) {
            Hdl.lint(dir, List.of(Hdl.lib("fs_fire_test.v")), "fs_fire_test", w.verilator());
        }
    }

    @Test
    void synthesizesWithoutLatches() {
        Hdl.synthesize(dir, List.of(Hdl.lib("fs_fire_test.v")), "fs_fire_test",
                "-set A_BITS 16 -set B_BITS 40 -set THETA_BITS 24 -set Z_BITS 25 -set G 8", "synth_ice40", "");
    }

    /** The default widths' 25 × 25-bit product: four DSP48E1 as synthesis tiles it, two tiled to the ports. */
    @Test
    void tilingToTheDsp48PortsHalvesTheMultipliers() {
        String widths = "-set A_BITS 16 -set B_BITS 40 -set THETA_BITS 24 -set Z_BITS 25 -set G 8";
        Hdl.assertDsp48(dir.resolve("plain"), "fs_fire_test.v", "fs_fire_test", widths, 4);
        Hdl.assertDsp48(dir.resolve("tiled"), "fs_fire_test.v", "fs_fire_test", widths + " -set MUL_A 25 -set MUL_B 18", 2);
    }

    @Test
    void matchesTheReferenceWithDefaultWidthsAndZTableValues() {
        ZTable table = new ZTable(new TimeGrid(6.0, 1.0, 1024, 1286, 1024, 16, 8));
        long[] zcs = new long[table.horizon() + 1];
        for (int n = 0; n < zcs.length; n++) {
            zcs[n] = table.zc(n);
        }
        assertTrue(64 - Long.numberOfLeadingZeros(zcs[zcs.length - 1]) <= DEFAULT.zBits);
        run("default", DEFAULT, zcs, 20_000);
        run("default-dsp48", DEFAULT.tiled(25, 18), zcs, 20_000);
    }

    @Test
    void matchesTheReferenceWithWideWidths() {
        run("wide", WIDE, null, 20_000);
        run("wide-dsp48", WIDE.tiled(25, 18), null, 20_000);
    }

    @Test
    void matchesTheReferenceOnEveryInputOfTinyWidths() {
        Vectors v = exhaustive(TINY);
        assertEquals(1 << (TINY.aBits + TINY.bBits + TINY.thetaBits + TINY.zBits), v.count);
        simulate("tiny", TINY, v, "exhaustive");
        // a 2-bit wide port and 3-bit narrow one: one of zc's bits in logic, A' in two slices
        simulate("tiny-tiled", TINY.tiled(2, 3), exhaustive(TINY.tiled(2, 3)), "exhaustive");
    }

    private void run(String name, Widths w, long[] zcs, int randomCount) {
        long seed = Seeds.stream(SEED, 1).findFirst().getAsLong();
        Vectors v = vectors(w, seed, zcs, randomCount);
        // The cases must exercise both outcomes, and the long cross-check must have run.
        assertTrue(v.firing > v.count / 10 && v.firing < v.count * 9 / 10, v.firing + " of " + v.count + " fire");
        assertTrue(v.checkedAgainstLong > 0);
        assertTrue(v.ties > randomCount / 50, v.ties + " exact ties");
        simulate(name, w, v, Seeds.describe(seed, FsFireTestTest.class));
    }

    private void simulate(String name, Widths w, Vectors v, String seed) {
        Path d = dir.resolve(name);
        Hdl.write(d.resolve("vectors.hex"), v.text.toString());
        String out = Hdl.simulate(d, List.of(Hdl.lib("fs_fire_test.v")), Hdl.lib("tb/fs_fire_test_tb.sv"),
                w.verilator());
        assertTrue(out.contains("PASS fs_fire_test checked " + v.count + "\n"), name + " " + w + ", " + seed + ":\n"
                + out);
    }
}
