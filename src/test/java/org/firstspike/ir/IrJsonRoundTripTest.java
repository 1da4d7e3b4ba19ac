package org.firstspike.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.firstspike.cli.Main;
import org.firstspike.data.Dataset;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.reference.FloatReference;
import org.firstspike.sim.Engine;
import org.firstspike.sim.HostInput;
import org.firstspike.sim.SimProgram;
import org.firstspike.sim.SimResult;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.RandomNetworks;
import org.firstspike.testing.Seeds;
import org.firstspike.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lowered IR as JSON: it reads back to a program that writes the same bytes and simulates to the
 * same spikes and cycles, and compiling twice gives byte-identical files.
 */
class IrJsonRoundTripTest {
    @TempDir
    Path dir;

    private static List<SimResult> simulate(IrProgram ir, Target target, List<int[]> inputs) {
        Engine engine = new Engine(SimProgram.of(ir, target.engine()), false);
        List<SimResult> out = new ArrayList<>();
        for (int[] in : inputs) {
            out.add(engine.run(in, true));
        }
        return out;
    }

    private static void assertSameRuns(List<SimResult> a, List<SimResult> b, String what) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).decision(), b.get(i).decision(), what + " image " + i);
            assertEquals(a.get(i).cycles(), b.get(i).cycles(), what + " image " + i);
            assertEquals(a.get(i).ticks().length, b.get(i).ticks().length);
            for (int s = 0; s < a.get(i).ticks().length; s++) {
                assertArrayEquals(a.get(i).ticks()[s], b.get(i).ticks()[s], what + " image " + i + " stage " + s);
            }
        }
    }

    private static void roundTrip(IrProgram ir, Target target, List<int[]> inputs, String what) throws Exception {
        String json = IrJson.write(ir);
        IrProgram back = IrJson.read(json);
        assertEquals(json, IrJson.write(back), what + ": written again, the JSON changes");
        assertEquals(ir.nodes().size(), back.nodes().size());
        assertSameRuns(simulate(ir, target, inputs), simulate(back, target, inputs), what);
    }

    @Test
    void seedModelReadsBackAndSimulatesIdentically() throws Exception {
        Network net = TestData.example("fmnist_shuffle_delay");
        Dataset data = TestData.fashionMnistTest();
        FloatReference ref = new FloatReference(net);
        for (String name : List.of("generic", "xc7a35t")) {
            Target target = Targets.load(name);
            IrProgram ir = Lowering.compile(net, CompileOptions.defaults(), target);
            List<int[]> inputs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                inputs.add(HostInput.ticks(ref.inputTimes(data.sample(i)), ir));
            }
            roundTrip(ir, target, inputs, name);
            assertEquals(IrJson.write(ir), IrJson.write(Lowering.compile(net, CompileOptions.defaults(), target)),
                    name + ": compiling twice gives different IR");
        }
    }

    static LongStream seeds() {
        return Seeds.stream(31_000, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomNetworksReadBack(long seed) throws Exception {
        RandomNetworks.Generated g = RandomNetworks.generate(seed, RandomNetworks.Options.exact());
        Network net = g.load(dir);
        Target target = Targets.load("generic");
        IrProgram ir;
        try {
            ir = Lowering.compile(net, CompileOptions.defaults().withTicks(64), target);
        } catch (DiagnosticException e) {
            return; // a network the engine cannot hold (products too wide) has no IR to round-trip
        }
        FloatReference ref = new FloatReference(net);
        Random rnd = new Random(seed);
        List<int[]> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inputs.add(HostInput.ticks(ref.inputTimes(g.randomInputTimes(rnd)), ir));
        }
        roundTrip(ir, target, inputs, Seeds.describe(seed, getClass()));
    }

    /** `compile --emit ir -o DIR` twice: the same bytes, and the file reads back. */
    @Test
    void emittedFilesAreByteIdentical() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"compile", "examples/fmnist_res_add.ttfs", "--emit", "ir", "-o",
                out.toString()}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8), false);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        }
        byte[] x = Files.readAllBytes(a.resolve("fmnist_res_add.ir.json"));
        byte[] y = Files.readAllBytes(b.resolve("fmnist_res_add.ir.json"));
        assertArrayEquals(x, y);
        IrProgram back = IrJson.read(new String(x, StandardCharsets.UTF_8));
        assertTrue(back.nodes().stream().anyMatch(n -> n.op() instanceof IrOp.TimeAdd), "res-add keeps its time-adds");
    }
}
