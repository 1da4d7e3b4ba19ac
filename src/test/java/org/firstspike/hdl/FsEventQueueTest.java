package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.firstspike.testing.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hdl/fs_event_queue.v: lint-clean for several sizes, no latches and block RAM on iCE40, and its
 * Verilator testbench (random fills drained against the pushes themselves).
 */
class FsEventQueueTest {
    @TempDir
    Path dir;

    private static List<Path> files() {
        return List.of(Hdl.lib("fs_event_queue.v"), Hdl.lib("fs_sdp_ram.v"));
    }

    @Test
    void lintsClean() {
        Hdl.lint(dir, files(), "fs_event_queue");
        Hdl.lint(dir, files(), "fs_event_queue", "-GHORIZON=1286", "-GENTRIES=6272");
        Hdl.lint(dir, files(), "fs_event_queue", "-GHORIZON=29", "-GENTRIES=1");
        Hdl.lint(dir, files(), "fs_event_queue", "-GHORIZON=60", "-GENTRIES=20", "-GW=8");
    }

    @Test
    void synthesizesToBlockRamWithoutLatches() {
        Hdl.synthesize(dir, files(), "fs_event_queue", "-set HORIZON 1286 -set ENTRIES 6272", "synth_ice40",
                "select -assert-min 4 t:SB_RAM40_4K");
    }

    @Test
    void testbenchPasses() {
        String out = Hdl.simulate(dir, files(), Hdl.lib("tb/fs_event_queue_tb.sv"));
        assertTrue(out.contains("PASS fs_event_queue"), out);
        // a second seed on the same build
        Hdl.Run again = Hdl.run(dir, List.of(dir.resolve("obj").resolve("Vtb").toString(), "+seed=7"), 600);
        assertTrue(again.code() == 0 && again.output().contains("PASS fs_event_queue (60 fills, seed 7, W 32)"),
                again.output());
    }

    @Test
    void testbenchPassesWithNarrowWords() {
        // 12 bits: ticks up to 133 and entries 1000 + id still fit, NIL is 12'hFFF
        String out = Hdl.simulate(dir, files(), Hdl.lib("tb/fs_event_queue_tb.sv"), "-GW=12");
        assertTrue(out.contains("PASS fs_event_queue (60 fills, seed 20261123, W 12)"), out);
    }
}
