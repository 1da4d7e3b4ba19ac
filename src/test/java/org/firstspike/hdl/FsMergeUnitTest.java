package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.firstspike.testing.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hdl/fs_merge_unit.v: lint-clean for several sizes, no latches and block RAM on iCE40, and its
 * Verilator testbench (random pooling and time-add stages against docs/semantics.md §5, with the
 * engine's tag scrub and epoch restart; folding a stale or empty entry into a window, a time-add that
 * fires one operand early, or a scrub that leaves a tag fails it).
 */
class FsMergeUnitTest {
    @TempDir
    Path dir;

    private static List<Path> files() {
        return List.of(Hdl.lib("fs_merge_unit.v"), Hdl.lib("fs_sdp_ram.v"));
    }

    @Test
    void lintsClean() {
        Hdl.lint(dir, files(), "fs_merge_unit");
        Hdl.lint(dir, files(), "fs_merge_unit", "-GDEPTH=12544", "-GW=23");
        Hdl.lint(dir, files(), "fs_merge_unit", "-GDEPTH=1", "-GW=8", "-GEP_BITS=3");
    }

    @Test
    void synthesizesToBlockRamWithoutLatches() {
        Hdl.synthesize(dir, files(), "fs_merge_unit", "-set DEPTH 1024 -set W 13", "synth_ice40",
                "select -assert-min 3 t:SB_RAM40_4K");
    }

    @Test
    void testbenchPasses() {
        String out = Hdl.simulate(dir, files(), Hdl.lib("tb/fs_merge_unit_tb.sv"));
        assertTrue(out.contains("PASS fs_merge_unit (300 stages, 3600 outputs, seed 20261124)"), out);
        Hdl.Run again = Hdl.run(dir, List.of(dir.resolve("obj").resolve("Vtb").toString(), "+seed=5"), 600);
        assertTrue(again.code() == 0 && again.output().contains("seed 5)"), again.output());
    }

    @Test
    void testbenchPassesAtTheSeedModelsWordWidth() {
        String out = Hdl.simulate(dir, files(), Hdl.lib("tb/fs_merge_unit_tb.sv"), "-GDEPTH=200", "-GW=23",
                "-GEP_BITS=32");
        assertTrue(out.contains("PASS fs_merge_unit (300 stages, 3600 outputs, seed 20261124)"), out);
    }
}
