package org.firstspike.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimProgram;
import org.firstspike.testing.Hdl;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated project: `verilator --lint-only -Wall` finds nothing in the engine, the generated top
 * or the testbench, Yosys finds no latch, and writing it twice gives the same bytes.
 */
class GeneratedVerilogTest {
    @TempDir
    Path dir;

    private Path project(String example, String target, Path at) throws Exception {
        Network net = TestData.example(example);
        Target t = Targets.load(target);
        IrProgram ir = Lowering.compile(net, CompileOptions.defaults(), t);
        Files.createDirectories(at);
        new EngineProject(HardwareImage.of(SimProgram.of(ir, t.engine())), net.name()).write(at);
        return at;
    }

    /** The project's Verilog files: the library modules and the generated top. */
    private static List<Path> sources(Path p) {
        List<Path> files = new java.util.ArrayList<>();
        for (String f : EngineProject.LIBRARY) {
            files.add(p.resolve(f));
        }
        files.add(p.resolve("fs_top.v"));
        return files;
    }

    @Test
    void engineTopAndTestbenchLintClean() throws Exception {
        for (String[] et : new String[][] {{"tiny", "generic-serial"}, {"fmnist_shuffle_delay", "generic-serial"},
                {"fmnist_res_add", "generic-serial"}, {"fmnist_shuffle_delay", "generic"}}) {
            Path p = project(et[0], et[1], dir.resolve(et[0] + "-" + et[1]));
            Hdl.lint(p, sources(p), "fs_top");
            List<Path> withBench = new java.util.ArrayList<>(sources(p));
            withBench.add(p.resolve("tb_cosim.sv"));
            Hdl.lint(p, withBench, "tb_cosim", "--timing", "--timescale", "1ns/1ps");
        }
        List<Path> library = new java.util.ArrayList<>();
        for (String f : EngineProject.LIBRARY) {
            library.add(Hdl.lib(f));
        }
        Hdl.lint(dir, library, "fs_engine");
    }

    @Test
    void noLatches() throws Exception {
        for (String target : List.of("ice40-up5k", "generic")) {
            Path p = project("tiny", target, dir.resolve("tiny-" + target));
            Hdl.write(p.resolve("latch.ys"), "read_verilog -sv " + String.join(" ", EngineProject.LIBRARY)
                    + " fs_top.v\nhierarchy -check -top fs_top\n"
                    + "proc\nselect -assert-none t:$dlatch t:$adlatch t:$dlatchsr\n");
            Hdl.Run r = Hdl.run(p, List.of("yosys", "-q", "-s", "latch.ys"), 600);
            assertEquals(0, r.code(), target + ": yosys found latches or failed:\n" + r.output());
        }
    }

    @Test
    void theSameNetworkGivesTheSameBytes() throws Exception {
        Path a = project("fmnist_res_add", "generic-serial", dir.resolve("a"));
        Path b = project("fmnist_res_add", "generic-serial", dir.resolve("b"));
        List<Path> files;
        try (var s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f)))),
                    a.relativize(f) + " differs between two writes");
        }
    }
}
