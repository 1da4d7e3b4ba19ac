package org.firstspike.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.firstspike.testing.Hdl;
import org.firstspike.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hdl/fs_output_decoder.v, with fs_fire_test as the multiplier it borrows, against the decision rule
 * of docs/semantics.md §6 as the simulator applies it (earliest tick below the drop tick; same tick:
 * Crossing.earlier, here because Crossing is package-private; then the lower index). Passes of 1–9
 * candidates with ticks crowded into a few values, so most decisions are same-tick ties; exact
 * crossing ties (equal and proportional B, A'), extreme B, negative B; the tiny example's and the
 * seed model's widths; then seeded random.
 */
class FsOutputDecoderTest {
    private static final long SEED = 0xDEC0;

    @TempDir
    Path dir;

    record Widths(int aBits, int bBits, int thBits, int zBits, int g, int w) {
        String[] verilator() {
            return new String[] {"-GA_BITS=" + aBits, "-GB_BITS=" + bBits, "-GTH_BITS=" + thBits, "-GZ_BITS=" + zBits,
                "-GG=" + g, "-GW=" + w};
        }
    }

    static final Widths TINY_NET = new Widths(17, 40, 18, 22, 8, 13);
    static final Widths SEED_NET = new Widths(17, 43, 20, 25, 8, 23);

    record Candidate(long tick, long a, long b, long theta) {
        long ap(int g) {
            return (a << g) - theta;
        }
    }

    /** Engine.decide's rule: the best index, -1 if no candidate is below the drop tick. */
    static int decide(List<Candidate> cs, long drop, int g) {
        int best = -1;
        for (int j = 0; j < cs.size(); j++) {
            Candidate c = cs.get(j);
            if (drop >= 0 && c.tick >= drop) {
                continue;
            }
            if (best < 0) {
                best = j;
                continue;
            }
            Candidate o = cs.get(best);
            if (c.tick < o.tick || c.tick == o.tick && Crossing.earlier(c.b, c.ap(g), o.b, o.ap(g))) {
                best = j;
            }
        }
        return best;
    }

    private static String hex(long v, int bits) {
        return Long.toHexString(bits >= 64 ? v : v & ((1L << bits) - 1));
    }

    /** A fired candidate: A' = a·2^G − θ > 0 within the widths. */
    private static Candidate fired(Random r, Widths w, long tick) {
        long theta = (r.nextLong() & Long.MAX_VALUE) % (1L << (w.thBits - 2));
        long aMin = (theta >> w.g) + 1;
        long aMax = (1L << (w.aBits - 1)) - 1;
        long a = aMin + (r.nextLong() & Long.MAX_VALUE) % (aMax - aMin + 1);
        long bMax = (1L << (w.bBits - 1)) - 1;
        long b = switch (r.nextInt(8)) {
            case 0 -> bMax;
            case 1 -> -bMax - 1;
            case 2 -> 0;
            default -> (r.nextLong() % (bMax + 1)) >> r.nextInt(w.bBits - 1);
        };
        return new Candidate(tick, a, b, theta);
    }

    /** Writes the passes; returns how many decided with a same-tick comparison against another candidate. */
    private static int write(Path file, Widths w, long seed, int passes) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int ties = 0;
        for (int p = 0; p < passes; p++) {
            int n = 1 + r.nextInt(9);
            long drop = r.nextInt(10) == 0 ? -1 : 2 + r.nextInt(4);
            List<Candidate> cs = new java.util.ArrayList<>();
            for (int j = 0; j < n; j++) {
                long tick = r.nextInt(6);
                Candidate c = fired(r, w, tick);
                if (j > 0 && r.nextInt(5) == 0) {
                    // an exact crossing tie with an earlier candidate: the same or a proportional B, A'
                    Candidate o = cs.get(r.nextInt(j));
                    c = r.nextBoolean() || o.b == 0 ? new Candidate(o.tick, o.a, o.b, o.theta)
                            : scaled(o, w);
                }
                cs.add(c);
            }
            int best = decide(cs, drop, w.g);
            if (best >= 0) {
                final long t = cs.get(best).tick;
                ties += cs.stream().filter(c -> c.tick == t).count() > 1 ? 1 : 0;
            }
            sb.append("P ").append(Integer.toHexString(n)).append(' ').append(hex(drop, w.w)).append('\n');
            for (int j = 0; j < n; j++) {
                Candidate c = cs.get(j);
                sb.append("C ").append(hex(j, w.w)).append(' ').append(hex(c.tick, w.w)).append(' ')
                        .append(hex(c.a, w.aBits)).append(' ').append(hex(c.b, w.bBits)).append(' ')
                        .append(hex(c.theta, w.thBits)).append('\n');
            }
            sb.append("E ").append(hex(best, w.w)).append(' ').append(hex(best < 0 ? 0 : cs.get(best).tick, w.w))
                    .append('\n');
        }
        Hdl.write(file, sb.toString());
        return ties;
    }

    /** (2B, A' doubled) when it fits: the same crossing B/A'. θ doubles with a, so A' doubles. */
    private static Candidate scaled(Candidate o, Widths w) {
        long bMax = (1L << (w.bBits - 1)) - 1;
        long aMax = (1L << (w.aBits - 1)) - 1;
        long thMax = (1L << (w.thBits - 1)) - 1;
        if (Math.abs(o.b) * 2 > bMax || o.a * 2 > aMax || o.theta * 2 > thMax) {
            return new Candidate(o.tick, o.a, o.b, o.theta);
        }
        return new Candidate(o.tick, o.a * 2, o.b * 2, o.theta * 2);
    }

    private static List<Path> files() {
        return List.of(Hdl.lib("fs_output_decoder.v"), Hdl.lib("fs_fire_test.v"));
    }

    @Test
    void lintsClean() {
        for (Widths w : List.of(TINY_NET, SEED_NET)) {
            Hdl.lint(dir, List.of(Hdl.lib("fs_output_decoder.v")), "fs_output_decoder", w.verilator());
        }
    }

    @Test
    void synthesizesWithoutLatches() {
        Hdl.synthesize(dir, List.of(Hdl.lib("fs_output_decoder.v")), "fs_output_decoder",
                "-set A_BITS 17 -set B_BITS 43 -set TH_BITS 20 -set Z_BITS 25 -set W 23", "synth_ice40", "");
    }

    @Test
    void decidesAsTheSimulator() {
        long seed = Seeds.stream(SEED, 1).findFirst().getAsLong();
        for (Widths w : List.of(TINY_NET, SEED_NET)) {
            Path d = dir.resolve("w" + w.w);
            int passes = 1500;
            int ties = write(d.resolve("passes.hex"), w, seed, passes);
            assertTrue(ties > passes / 4, ties + " of " + passes + " decided among same-tick candidates");
            String out = Hdl.simulate(d, files(), Hdl.lib("tb/fs_output_decoder_tb.sv"), w.verilator());
            assertTrue(out.contains("PASS fs_output_decoder checked " + passes + " passes"), w + ", "
                    + Seeds.describe(seed, FsOutputDecoderTest.class) + ":\n" + out);
        }
    }
}
