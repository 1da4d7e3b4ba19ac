package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.firstspike.testing.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hdl/fs_sdp_ram.v: lint-clean, no latches, block RAM on iCE40, and its Verilator testbench. */
class FsSdpRamTest {
    @TempDir
    Path dir;

    @Test
    void lintsClean() {
        Hdl.lint(dir, List.of(Hdl.lib("fs_sdp_ram.v")), "fs_sdp_ram");
        Hdl.lint(dir, List.of(Hdl.lib("fs_sdp_ram.v")), "fs_sdp_ram", "-GWIDTH=40", "-GDEPTH=1000");
    }

    @Test
    void synthesizesToBlockRamWithoutLatches() {
        Hdl.synthesize(dir, List.of(Hdl.lib("fs_sdp_ram.v")), "fs_sdp_ram", "-set WIDTH 16 -set DEPTH 256",
                "synth_ice40", "select -assert-min 1 t:SB_RAM40_4K");
    }

    @Test
    void testbenchPasses() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append(Integer.toHexString(3 * i + 1)).append('\n');
        }
        Hdl.write(dir.resolve("ram_init.hex"), hex.toString());
        String out = Hdl.simulate(dir, List.of(Hdl.lib("fs_sdp_ram.v")), Hdl.lib("tb/fs_sdp_ram_tb.sv"));
        assertTrue(out.contains("PASS fs_sdp_ram"), out);
    }
}
