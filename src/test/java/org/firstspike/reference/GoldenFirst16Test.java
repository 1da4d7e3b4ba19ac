package org.firstspike.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.firstspike.data.Dataset;
import org.firstspike.model.Network;
import org.firstspike.tensor.Tensor;
import org.firstspike.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every intermediate tensor the trainer recorded for test images 0..15 (golden/first16, float32)
 * against the double-precision reference: at least 99.99% of values within 1e-4 relative.
 */
class GoldenFirst16Test {
    private static Dataset images;

    @BeforeAll
    static void load() {
        images = TestData.fashionMnistTest();
    }

    /** Trainer tensor file → our node, for each model. */
    static final Map<String, Map<String, String>> NAMES = Map.of(
            "fmnist_shuffle_delay", Map.ofEntries(
                    Map.entry("03_enc_t", "img"), Map.entry("07_z2_conv2", "z2"), Map.entry("08_z3_conv3", "z3"),
                    Map.entry("09_skip1_minpool", "s1"), Map.entry("10_skip1_delayed", "d1"),
                    Map.entry("11_cat1", "c1"), Map.entry("12_shuffle1", "h1"), Map.entry("13_s2_skip_in_x1", "x3"),
                    Map.entry("14_s2_conv_in_x2", "x4"), Map.entry("15_z4_conv4", "z4"),
                    Map.entry("16_z5_conv5", "z5"), Map.entry("17_skip2_minpool", "s2"),
                    Map.entry("18_skip2_delayed", "d2"), Map.entry("19_cat2", "c2"), Map.entry("20_shuffle2", "h2"),
                    Map.entry("21_fc_in_flat", "f"), Map.entry("99_out_z", "fc")),
            "fmnist_res_add", Map.ofEntries(
                    Map.entry("03_enc_t", "img"), Map.entry("05_z2_conv2", "z2"), Map.entry("06_z3_conv3", "z3"),
                    Map.entry("07_skip1_minpool", "s1"), Map.entry("08_combine1_z3_times_skip1", "c1"),
                    Map.entry("09_z4_conv4", "z4"), Map.entry("10_z5_conv5", "z5"),
                    Map.entry("11_skip2_minpool", "s2"), Map.entry("12_skip2_dup_cat", "s2x2"),
                    Map.entry("13_combine2_z5_times_skip2", "c2"), Map.entry("14_fc_in_flat", "f"),
                    Map.entry("99_out_z", "fc")));

    static Stream<Arguments> tensors() {
        return NAMES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(m -> m.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> Arguments.of(m.getKey(), e.getKey(), e.getValue())));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("tensors")
    void intermediateTensorMatchesTrainer(String model, String goldenName, String node) {
        Network net = TestData.example(model);
        FloatReference ref = new FloatReference(net);
        Tensor golden = TestData.npy(TestData.GOLDEN_RESOURCES.resolve(model + "/first16/" + goldenName + ".npy"));
        int nodeIndex = net.indexByName().get(node);
        int size = net.node(node).shape().size();
        assertEquals(16 * size, golden.size(), "golden tensor size vs node shape " + net.node(node).shape());
        long within = 0;
        double max = 0;
        for (int i = 0; i < 16; i++) {
            double[] ours = ref.evaluateAll(images.sample(i))[nodeIndex];
            for (int j = 0; j < size; j++) {
                double g = golden.get(i * size + j);
                // The trainer stores the encoder output as a time t; everything else as z = e^t.
                double expected = goldenName.startsWith("03_") ? Math.exp(g) : g;
                double rel = Math.abs(ours[j] - expected) / expected;
                max = Math.max(max, rel);
                within += rel <= 1e-4 ? 1 : 0;
            }
        }
        double frac = (double) within / (16.0 * size);
        System.out.printf("%s %-28s → %-4s max relative error %.3g, within 1e-4: %.4f%%%n", model, goldenName, node,
                max, 100 * frac);
        assertTrue(frac >= 0.9999, model + " " + goldenName + ": only " + 100 * frac + "% within 1e-4 (max " + max + ")");
    }

    static Stream<String> models() {
        return NAMES.keySet().stream().sorted();
    }
}
