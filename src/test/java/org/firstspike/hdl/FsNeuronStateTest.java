package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.firstspike.testing.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hdl/fs_neuron_state.v: lint-clean for several sizes, no latches and block RAM on iCE40, and its
 * Verilator testbench (random writes, reads, epoch changes and tag scrubs against a model of the tagged
 * memory; writing the tag on a detection, last on an accumulation, or no tag on a scrub fails it).
 */
class FsNeuronStateTest {
    @TempDir
    Path dir;

    private static List<Path> files() {
        return List.of(Hdl.lib("fs_neuron_state.v"), Hdl.lib("fs_sdp_ram.v"));
    }

    @Test
    void lintsClean() {
        Hdl.lint(dir, files(), "fs_neuron_state");
        Hdl.lint(dir, files(), "fs_neuron_state", "-GDEPTH=12544", "-GA_BITS=17", "-GB_BITS=43", "-GW=23");
        Hdl.lint(dir, files(), "fs_neuron_state", "-GDEPTH=1", "-GW=8", "-GEP_BITS=4");
    }

    @Test
    void synthesizesToBlockRamWithoutLatches() {
        Hdl.synthesize(dir, files(), "fs_neuron_state", "-set DEPTH 1024 -set W 13", "synth_ice40",
                "select -assert-min 5 t:SB_RAM40_4K");
    }

    @Test
    void testbenchPasses() {
        String out = Hdl.simulate(dir, files(), Hdl.lib("tb/fs_neuron_state_tb.sv"));
        assertTrue(out.contains("PASS fs_neuron_state (20000 clocks, seed 20261124)"), out);
        Hdl.Run again = Hdl.run(dir, List.of(dir.resolve("obj").resolve("Vtb").toString(), "+seed=11"), 600);
        assertTrue(again.code() == 0 && again.output().contains("PASS fs_neuron_state (20000 clocks, seed 11)"),
                again.output());
    }

    @Test
    void testbenchPassesAtTheSeedModelsWidths() {
        // the seed model's B and word widths; 4-bit tags wrap every 16 epochs, and the model's alias alike
        String out = Hdl.simulate(dir, files(), Hdl.lib("tb/fs_neuron_state_tb.sv"), "-GDEPTH=300", "-GB_BITS=43",
                "-GW=23", "-GEP_BITS=4");
        assertTrue(out.contains("PASS fs_neuron_state (20000 clocks, seed 20261124)"), out);
    }
}
