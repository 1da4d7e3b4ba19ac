package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * hdl/fs_ztable.v against org.firstspike.ir.ZTable: every tick of two grids (the default F = 16 one
 * and a small F = 10 one whose hi table is not a power of two deep), back to back, then seeded random
 * ticks with gaps in valid_in, checking values and the fixed 3-cycle latency. Lint-clean with both
 * parameter sets, no latches, registered ROM reads (block RAM on iCE40 once the hi table is long).
 */
class FsZtableTest {
    private static final long SEED = 0x25AB1E;

    @TempDir
    Path dir;

    /** The module's parameters for one grid, derived from the Java tables. */
    record Config(ZTable table, int f, int tickBits, int entryBits, int hiDepth, long h, int nTable) {
        static Config of(TimeGrid grid) {
            ZTable t = new ZTable(grid);
            long max = t.half();
            for (long v : t.hi()) {
                max = Math.max(max, v);
            }
            for (long v : t.lo()) {
                max = Math.max(max, v);
            }
            for (int n = 0; n <= t.horizon(); n++) {
                max = Math.max(max, Math.max(t.z(n), t.zc(n)));
            }
            int entryBits = 64 - Long.numberOfLeadingZeros(max);
            int tickBits = Math.max(6, 32 - Integer.numberOfLeadingZeros(grid.horizon()));
            return new Config(t, t.fractionBits(), tickBits, entryBits, t.hi().length, t.half(), t.horizon() + 1);
        }

        String[] verilatorParams(String... extra) {
            List<String> p = new ArrayList<>(List.of("-GF=" + f, "-GTICK_BITS=" + tickBits,
                    "-GENTRY_BITS=" + entryBits, "-GHI_DEPTH=" + hiDepth, "-GH=" + entryBits + "'d" + h));
            p.addAll(List.of(extra));
            return p.toArray(String[]::new);
        }

        void writeRoms(Path d) {
            Hdl.write(d.resolve("hi.hex"), hex(table.hi()));
            Hdl.write(d.resolve("lo.hex"), hex(table.lo()));
        }
    }

    static final TimeGrid DEFAULT_GRID = new TimeGrid(6.0, 1.0, 1024, 1286, 1024, 16, 8);
    static final TimeGrid SMALL_GRID = new TimeGrid(4.0, 1.0, 64, 80, 80, 10, 8);
    static final TimeGrid LONG_GRID = new TimeGrid(6.0, 1.0, 8192, 8192, 8192, 16, 8);

    private static String hex(long[] values) {
        StringBuilder s = new StringBuilder();
        for (long v : values) {
            s.append(Long.toHexString(v)).append('\n');
        }
        return s.toString();
    }

    @Test
    void lintsClean() {
        for (TimeGrid g : List.of(DEFAULT_GRID, SMALL_GRID)) {
            Config c = Config.of(g);
            Hdl.lint(dir, List.of(Hdl.lib("fs_ztable.v")), "fs_ztable", c.verilatorParams());
        }
        Hdl.lint(dir, List.of(Hdl.lib("fs_ztable.v")), "fs_ztable");
        // A single hi entry and a tick much wider than the tables.
        Hdl.lint(dir, List.of(Hdl.lib("fs_ztable.v")), "fs_ztable", "-GF=8", "-GTICK_BITS=20", "-GENTRY_BITS=12",
                "-GHI_DEPTH=1", "-GH=12'd257");
    }

    @Test
    void synthesizesWithoutLatchesAndRegisteredRomReads() {
        // 32-entry ROMs: Yosys keeps them in LUTs by cost, but both reads must be recognised as
        // synchronous ROM ports (the output register merged into the memory read).
        String log = synthesize(Config.of(DEFAULT_GRID), "");
        for (String rom : List.of("hi_rom", "lo_rom")) {
            assertTrue(log.contains("Checking read port `\\" + rom + "'[0] in module `\\fs_ztable': merging output FF"
                    + " to cell."), rom + " read is not a registered ROM port:\n" + log);
        }
        // A long table (T = 8192, 256 hi entries) goes to block RAM.
        synthesize(Config.of(LONG_GRID), "select -assert-min 1 t:SB_RAM40_4K");
    }

    private String synthesize(Config c, String script) {
        c.writeRoms(dir);
        return Hdl.synthesize(dir, List.of(Hdl.lib("fs_ztable.v")), "fs_ztable",
                "-set F " + c.f + " -set TICK_BITS " + c.tickBits + " -set ENTRY_BITS " + c.entryBits
                        + " -set HI_DEPTH " + c.hiDepth + " -set H " + c.h
                        + " -set HI_INIT \"hi.hex\" -set LO_INIT \"lo.hex\"",
                "synth_ice40", script);
    }

    @Test
    void matchesZTableOnEveryTickOfTheDefaultGrid() {
        runTestbench(DEFAULT_GRID, "default");
    }

    @Test
    void matchesZTableOnEveryTickOfASmallGrid() {
        runTestbench(SMALL_GRID, "small");
    }

    private void runTestbench(TimeGrid grid, String name) {
        long seed = Seeds.stream(SEED, 1).findFirst().getAsLong();
        Path d = dir.resolve(name);
        Config c = Config.of(grid);
        c.writeRoms(d);
        long[] z = new long[c.nTable];
        long[] zc = new long[c.nTable];
        for (int n = 0; n < c.nTable; n++) {
            z[n] = c.table.z(n);
            zc[n] = c.table.zc(n);
        }
        Hdl.write(d.resolve("z.hex"), hex(z));
        Hdl.write(d.resolve("zc.hex"), hex(zc));

        List<Long> stim = new ArrayList<>();
        long valid = 1L << c.tickBits;
        // Every tick, back to back.
        for (int n = 0; n < c.nTable; n++) {
            stim.add(valid | n);
        }
        // Edges of the hi/lo split and of the table, after an idle cycle.
        stim.add(0L);
        for (int n : new int[] {0, 31, 32, 33, 63, 64, c.nTable - 1, c.nTable - 2, 0, c.nTable - 1}) {
            if (n >= 0 && n < c.nTable) {
                stim.add(valid | n);
            }
        }
        // Seeded random ticks; idle cycles carry junk ticks that must not come out as valid.
        Random r = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            if (r.nextInt(10) < 7) {
                stim.add(valid | r.nextInt(c.nTable));
            } else {
                stim.add((long) r.nextInt(1 << c.tickBits));
            }
        }
        long[] words = stim.stream().mapToLong(Long::longValue).toArray();
        long expected = stim.stream().filter(w -> (w & valid) != 0).count();
        Hdl.write(d.resolve("stim.hex"), hex(words));

        String out = Hdl.simulate(d, List.of(Hdl.lib("fs_ztable.v")), Hdl.lib("tb/fs_ztable_tb.sv"),
                c.verilatorParams("-GN_TABLE=" + c.nTable, "-GN_STIM=" + words.length));
        String why = name + " grid " + grid + ", " + Seeds.describe(seed, FsZtableTest.class) + ":\n" + out;
        assertTrue(out.contains("PASS fs_ztable checked " + expected + "\n"), why);
    }
}
