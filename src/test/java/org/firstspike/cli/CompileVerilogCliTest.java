package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.firstspike.testing.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.firstspike.testing.CliRun;

/**
 * `compile -o DIR` writes the Verilog project and says whether the engine's memories fit the
 * target's block RAM: the tiny example does, the seed model's (1.82 Mbit, its largest memory the kernel
 * rows) do not fit an Artix-7 with 45 BRAM36. With --data the project checks itself: build.sh runs
 * the Verilog on the samples and compares with the simulator's expected.txt.
 */
class CompileVerilogCliTest {
    @TempDir
    Path dir;

    @Test
    void theTinyProjectFitsAndSaysSo() {
        Path out = dir.resolve("tiny");
        CliRun r = CliRun.of("compile", "examples/tiny.ttfs", "--target", "ice40-up5k", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("they fit ice40-up5k's block RAM (122,880 bits)"), r.err());
        for (String f : new String[] {"fs_engine.v", "fs_event_queue.v", "fs_top.v", "tb_cosim.sv", "build.sh"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        String readme = assertDoesNotThrow(() -> Files.readString(out.resolve("README.md")));
        assertTrue(readme.contains("`firstspike synth-hdl DIR --top fs_top --target ice40-up5k`"), readme);
    }

    /** The four device classes, and no --target at all (generic), give a Verilog project. */
    @ParameterizedTest
    @ValueSource(strings = {"ice40-up5k", "ice40-hx8k", "xc7a35t", "generic", ""})
    void theNamedTargetsAndTheDefaultCompileToVerilog(String target) {
        Path out = dir.resolve("tiny");
        List<String> args = new ArrayList<>(List.of("compile", "examples/tiny.ttfs", "-o", out.toString()));
        if (!target.isEmpty()) {
            args.addAll(List.of("--target", target));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("fit " + (target.isEmpty() ? "generic" : target) + "'s block RAM"), r.err());
        assertTrue(Files.exists(out.resolve("fs_top.v")));
    }

    /** The simulator-only configurations are refused with the reason and the targets that do have Verilog. */
    @ParameterizedTest
    @ValueSource(strings = {"generic-units4", "xc7a35t-units8"})
    void simulatorOnlyTargetsAreRefused(String target) {
        Path out = dir.resolve("tiny");
        CliRun r = CliRun.of("compile", "examples/tiny.ttfs", "--target", target, "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("one neuron unit") && r.err().contains("use --target ice40-up5k, ice40-hx8k, xc7a35t,"),
                r.err());
        assertTrue(!r.err().contains("units4,") && !r.err().contains("units8,"), r.err());
        assertTrue(!Files.exists(out), "no half-written project");
    }

    @Test
    void theSeedProjectIsWrittenButSaysItWillNotSynthesize() throws Exception {
        Path out = dir.resolve("seed");
        CliRun r = CliRun.of("compile", "examples/fmnist_shuffle_delay.ttfs", "--target",
                SynthCommandTest.smallArtix(dir).toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("kernel") && r.err().contains("will not synthesize for artix-45"), r.err());
        assertTrue(Files.exists(out.resolve("fs_top.v")));
    }

    @Test
    void aProjectWithDataChecksItselfAgainstTheSimulator() throws Exception {
        Path out = dir.resolve("tiny");
        CliRun r = CliRun.of("compile", "examples/tiny.ttfs", "--target", "ice40-hx8k", "--data",
                "examples/tiny/inputs.npy", "--images", "30", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> expected = Files.readAllLines(out.resolve("expected.txt"));
        assertEquals(30, expected.stream().filter(l -> l.startsWith("image ")).count());
        // sample 0 is the case tiny.ttfs solves on paper: class 0
        assertTrue(expected.get(0).startsWith("image 0 decision 0 tick "), expected.get(0));
        Hdl.Run ok = Hdl.run(out, List.of("sh", "build.sh"), 600);
        assertEquals(0, ok.code(), ok.output());
        assertTrue(ok.output().contains("results.txt: 30 images identical to FirstSpike's simulator"), ok.output());
        // one clock off in image 5's expectation: build.sh must notice
        List<String> wrong = new ArrayList<>();
        for (String l : expected) {
            if (l.startsWith("image 5 ")) {
                String[] w = l.split(" ");
                w[w.length - 1] = Long.toString(Long.parseLong(w[w.length - 1]) + 1);
                l = String.join(" ", w);
            }
            wrong.add(l);
        }
        Files.write(out.resolve("expected.txt"), wrong);
        Hdl.Run bad = Hdl.run(out, List.of("sh", "build.sh"), 600);
        assertEquals(1, bad.code(), bad.output());
        assertTrue(bad.output().contains("differs from FirstSpike's simulator") && bad.output().contains("image 5 "),
                bad.output());
    }

    @Test
    void dataNeedsAVerilogProject() {
        CliRun r = CliRun.of("compile", "examples/tiny.ttfs", "--data", "examples/tiny/inputs.npy");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--data writes the Verilog project's inputs.txt"), r.err());
    }
}
