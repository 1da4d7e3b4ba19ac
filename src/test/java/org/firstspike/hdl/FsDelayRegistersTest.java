package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.firstspike.testing.Hdl;
import org.firstspike.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hdl/fs_delay_registers.v against the gather rule of docs/semantics.md §5 as the simulator's
 * Engine.gather applies it: a source that never spiked gives no event; otherwise the event arrives
 * its pair's delay later, unless at or after the stage's drop tick (none when the image says -1).
 * Random run images at three word widths (pair k of a run reads from + k and feeds to + k); source
 * ticks at, around and far from the drop boundary.
 */
class FsDelayRegistersTest {
    private static final long SEED = 0xDE1A;

    @TempDir
    Path dir;

    private static List<Path> files() {
        return List.of(Hdl.lib("fs_delay_registers.v"), Hdl.lib("fs_sdp_ram.v"));
    }

    private static String hex(long v, int w) {
        return Long.toHexString(v & ((1L << w) - 1));
    }

    /** Writes the images and vectors for {@code runs} random runs at word width {@code w}; returns the count. */
    private int write(Path d, int runs, int w, long seed) {
        Random r = new Random(seed);
        long tickLimit = 1L << (w - 2);
        long never = (1L << (w - 1)) - 1;
        long[] from = new long[runs];
        long[] to = new long[runs];
        long[] delay = new long[runs];
        long[] length = new long[runs];
        StringBuilder[] img = {new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder()};
        for (int p = 0; p < runs; p++) {
            // a run stays inside the index range: from + length and to + length below 2^(W-2)
            length[p] = 1 + r.nextInt(r.nextBoolean() ? 4 : (int) Math.min(300, tickLimit / 2));
            from[p] = (r.nextLong() & Long.MAX_VALUE) % (tickLimit - length[p]);
            to[p] = (r.nextLong() & Long.MAX_VALUE) % (tickLimit - length[p]);
            // most edges carry no delay; a delay register adds up to a quarter of the tick range
            delay[p] = r.nextInt(3) == 0 ? 0 : (r.nextLong() & Long.MAX_VALUE) % (tickLimit / 4);
            long[] row = {from[p], to[p], delay[p], length[p]};
            for (int m = 0; m < 4; m++) {
                img[m].append(hex(row[m], w)).append('\n');
            }
        }
        String[] names = {"from.hex", "to.hex", "delay.hex", "length.hex"};
        for (int m = 0; m < 4; m++) {
            Hdl.write(d.resolve(names[m]), img[m].toString());
        }
        StringBuilder v = new StringBuilder();
        int count = 4000;
        for (int i = 0; i < count; i++) {
            int p = r.nextInt(runs);
            long k = r.nextInt((int) length[p]);
            long drop = r.nextInt(4) == 0 ? -1 : (r.nextLong() & Long.MAX_VALUE) % tickLimit;
            long edge = drop - delay[p];             // the first source tick whose event is dropped
            long src = switch (r.nextInt(5)) {
                case 0 -> never;
                case 1 -> edge >= 1 ? edge - 1 : 0;
                case 2 -> Math.max(0, edge);
                case 3 -> Math.max(0, edge + 1);
                default -> (r.nextLong() & Long.MAX_VALUE) % (tickLimit / 2);
            };
            long arrival = src + delay[p];
            boolean keep = src != never && (drop < 0 || arrival < drop);
            long[] row = {p, k, src, drop, from[p] + k, to[p] + k, length[p], arrival};
            for (long x : row) {
                v.append(hex(x, w)).append(' ');
            }
            v.append(keep ? '1' : '0').append('\n');
        }
        Hdl.write(d.resolve("vectors.hex"), v.toString());
        return count;
    }

    @Test
    void lintsClean() {
        Hdl.lint(dir, files(), "fs_delay_registers");
        Hdl.lint(dir, files(), "fs_delay_registers", "-GRUNS=300", "-GW=19");
        Hdl.lint(dir, files(), "fs_delay_registers", "-GRUNS=1", "-GW=8");
    }

    @Test
    void synthesizesToBlockRamWithoutLatches() {
        // random images: ROMs without contents would be constant zeros and vanish
        write(dir, 2048, 13, SEED);
        Hdl.synthesize(dir, files(), "fs_delay_registers", "-set RUNS 2048 -set W 13 -set FROM_INIT \"from.hex\" "
                + "-set TO_INIT \"to.hex\" -set DELAY_INIT \"delay.hex\" -set LENGTH_INIT \"length.hex\"",
                "synth_ice40", "select -assert-min 4 t:SB_RAM40_4K");
    }

    @Test
    void matchesTheGatherRule() {
        long seed = Seeds.stream(SEED, 1).findFirst().getAsLong();
        for (int[] rw : new int[][] {{50, 12}, {1, 8}, {700, 23}}) {
            Path d = dir.resolve("r" + rw[0] + "w" + rw[1]);
            int count = write(d, rw[0], rw[1], seed);
            String out = Hdl.simulate(d, files(), Hdl.lib("tb/fs_delay_registers_tb.sv"), "-GRUNS=" + rw[0],
                    "-GW=" + rw[1]);
            assertTrue(out.contains("PASS fs_delay_registers checked " + count + " "), "runs " + rw[0] + ", W "
                    + rw[1] + ", " + Seeds.describe(seed, FsDelayRegistersTest.class) + ":\n" + out);
            // both outcomes: the kept count is printed in parentheses
            int kept = Integer.parseInt(out.replaceAll("(?s).*checked \\d+ \\((\\d+) kept\\).*", "$1"));
            assertTrue(kept > count / 5 && kept < count * 4 / 5, kept + " of " + count + " kept");
        }
    }
}
