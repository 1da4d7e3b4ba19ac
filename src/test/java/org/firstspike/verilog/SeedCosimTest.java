package org.firstspike.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.firstspike.data.Dataset;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.reference.FloatReference;
import org.firstspike.sim.HostInput;
import org.firstspike.sim.SimProgram;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed model fmnist-shuffle-delay on the first 200 Fashion-MNIST test images and the ones in
 * {@link #FOUND}, on the eight-lane generic engine and on the sixteen-lane Artix-7 one (8-bit delay
 * registers, products tiled to the DSP48E1 ports: the README's target), and on the first 50 on the
 * one-lane engine (about 1.4 million clocks an image, 2.7 times the eight-lane engine's time per
 * image): the Verilog engine under Verilator equals the Java engine in decision, output spikes,
 * cycles and clocks on every one, and image 0's every internal spike is equal stage by stage.
 */
class SeedCosimTest {
    /**
     * Test images a full 10,000-image co-simulation once found one cycle off (a search cycle read its
     * state behind the fired list, a clock late with the direct Zc table's two-clock unit cycles).
     */
    static final int[] FOUND = {2087, 7017};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} images")
    @CsvSource({"generic-serial, 50", "generic, 200", "xc7a35t, 200"})
    void firstImagesAreIdentical(String targetName, int images) throws Exception {
        Network net = TestData.example("fmnist_shuffle_delay");
        Target target = Targets.load(targetName);
        IrProgram ir = Lowering.compile(net, CompileOptions.defaults(), target);
        SimProgram program = SimProgram.of(ir, target.engine());
        FloatReference ref = new FloatReference(net);
        Dataset data = TestData.fashionMnistTest();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            ids.add(i);
        }
        for (int k : FOUND) {
            ids.add(k);
        }
        List<int[]> inputs = new ArrayList<>();
        for (int k : ids) {
            inputs.add(HostInput.ticks(ref.inputTimes(data.sample(k)), ir));
        }
        Cosim cosim = new Cosim(program, net.name());
        cosim.build(dir);
        List<Cosim.ImageResult> results = cosim.run(dir, inputs, 0, k -> { });
        List<String> bad = new ArrayList<>();
        for (Cosim.ImageResult r : results) {
            if (r.firstDifference() != null) {
                bad.add("image " + ids.get(r.image()) + ": " + r.firstDifference());
            }
        }
        assertEquals(List.of(), bad.subList(0, Math.min(5, bad.size())), bad.size() + " of " + ids.size() + " differ");
        assertEquals(List.of(), cosim.divergences(dir, results.get(0).expected()), "image 0, stage by stage");
    }
}
