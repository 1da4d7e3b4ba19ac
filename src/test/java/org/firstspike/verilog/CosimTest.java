package org.firstspike.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.reference.FloatReference;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.HostInput;
import org.firstspike.sim.SimProgram;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.TestData;
import java.util.stream.LongStream;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.testing.RandomNetworks;
import org.firstspike.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** The Verilog engine under Verilator against the Java engine, image by image. */
class CosimTest {
    @TempDir
    Path dir;

    private static List<String> differences(List<Cosim.ImageResult> r) {
        List<String> bad = new ArrayList<>();
        for (Cosim.ImageResult x : r) {
            if (x.firstDifference() != null) {
                bad.add("image " + x.image() + ": " + x.firstDifference());
            }
        }
        return bad.subList(0, Math.min(10, bad.size()));
    }

    /**
     * Random networks (conv, dense, pools, delays, add and concat skips, biases, both neuron settings),
     * 3 images each, on engines of 1 to 4 lanes (every lane count with both neuron settings), with
     * the factored and the direct Zc table, and products tiled to small multiplier ports (12 and 8
     * signed bits, so Z's low bits go to logic and A' to several slices) in one run of eight in three:
     * every image equal in decision, output spikes and cycles.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomNetworksAgree(long seed) throws Exception {
        RandomNetworks.Options o = seed % 2 == 0 ? RandomNetworks.Options.exact() : RandomNetworks.Options.seed();
        RandomNetworks.Generated g = RandomNetworks.generate(seed, o);
        Network net = g.load(dir.resolve("net"));
        int lanes = 1 + (int) (seed / 2 % 4);
        // one run of eight seeds in three (every lane count with both neuron settings) reads Zc from the
        // direct table
        boolean directZc = seed / 8 % 3 == 1;
        // a different one of the three runs tiles the products to small multiplier ports
        boolean tiled = seed / 8 % 3 == 2;
        Target target = Lowering.target(dir.resolve("t"), "lanes" + lanes, lanes, 1, 1, 16, 63, 64, directZc,
                tiled ? 12 : 0, tiled ? 8 : 0);
        IrProgram ir;
        try {
            ir = Lowering.compile(net, CompileOptions.defaults(), target);
        } catch (DiagnosticException e) {
            return; // products too wide for the engine: nothing to run
        }
        SimProgram program = SimProgram.of(ir, target.engine());
        FloatReference ref = new FloatReference(net);
        Random rnd = new Random(seed);
        List<int[]> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inputs.add(HostInput.ticks(ref.inputTimes(g.randomInputTimes(rnd)), ir));
        }
        Path work = dir.resolve("hw");
        java.nio.file.Files.createDirectories(work);
        List<String> bad = differences(new Cosim(program, net.name()).run(work, inputs));
        assertEquals(List.of(), bad, Seeds.describe(seed, getClass()) + "\n" + g.source());
    }

    static LongStream seeds() {
        return Seeds.stream(51_000, 24);
    }

    /**
     * A wrong weight in the memory image (read at run time, so no rebuild) must be caught: the
     * image's decision or cycles differ, and the debug dump names the first stage that diverges.
     */
    @Test
    void aCorruptedWeightIsCaughtAndLocated() throws Exception {
        Network net = TestData.example("tiny");
        Target target = Targets.load("generic-serial");
        IrProgram ir = Lowering.compile(net, CompileOptions.defaults().withTicks(64), target);
        SimProgram program = SimProgram.of(ir, target.engine());
        Cosim cosim = new Cosim(program, net.name());
        cosim.build(dir);
        java.nio.file.Path levels = dir.resolve("mem/kernel.hex");
        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(levels));
        int bits = EngineWidths.of(HardwareImage.of(program)).levelBits();
        String first = lines.get(0);
        lines.set(0, String.format("%0" + first.length() + "x", (Integer.parseInt(first, 16) + 40) & ((1 << bits) - 1)));
        java.nio.file.Files.write(levels, lines);
        int[] all = HostInput.ticks(new double[] {0.1, 0.2, 0.3}, ir);
        List<Cosim.ImageResult> r = cosim.run(dir, List.of(all), 0, k -> { });
        assertTrue(r.get(0).firstDifference() != null, "a weight 40 levels off went unnoticed");
        List<Cosim.Divergence> d = cosim.divergences(dir, r.get(0).expected());
        assertFalse(d.isEmpty());
        assertEquals("h", d.get(0).stage(), "the first core (h) reads the corrupted kernel row: " + d);
    }

    /** --trace: a VCD of one image whose done signal rises after as many clock edges as the cycles reported. */
    @Test
    void traceWritesAVcdOfTheImage() throws Exception {
        Network net = TestData.example("tiny");
        Target target = Targets.load("generic-serial");
        IrProgram ir = Lowering.compile(net, CompileOptions.defaults().withTicks(64), target);
        Cosim cosim = new Cosim(SimProgram.of(ir, target.engine()), net.name());
        cosim.build(dir, true);
        List<Cosim.ImageResult> r = cosim.run(dir, List.of(HostInput.ticks(new double[] {0.1, 0.5, 9}, ir)), -1, true,
                k -> { });
        assertEquals(null, r.get(0).firstDifference());
        String vcd = java.nio.file.Files.readString(dir.resolve("trace.vcd"));
        assertTrue(vcd.contains("$scope module engine $end") && vcd.contains(" done $end"), "engine signals traced");
    }

    @Test
    void tinyNetworkAgreesOnRandomInputs() throws Exception {
        Network net = TestData.example("tiny");
        Target target = Targets.load("ice40-hx8k");
        IrProgram ir = Lowering.compile(net, CompileOptions.defaults().withTicks(64), target);
        SimProgram program = SimProgram.of(ir, target.engine());
        FloatReference ref = new FloatReference(net);
        Random rnd = new Random(5);
        List<int[]> inputs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double[] t = new double[3];
            for (int k = 0; k < 3; k++) {
                t[k] = rnd.nextInt(6) == 0 ? 10 : rnd.nextDouble() * 4;
            }
            inputs.add(HostInput.ticks(ref.inputTimes(t), ir));
        }
        Cosim cosim = new Cosim(program, net.name());
        assertEquals(List.of(), differences(cosim.run(dir, inputs)));
        // a slow host (up to 3 idle clocks before each event): the engine waits, the same results,
        // cycles and clocks (waiting is not counted)
        assertEquals(List.of(), differences(cosim.run(dir, inputs, -1, false, 3, k -> { })));
    }
}
