package org.firstspike.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.firstspike.model.Network;
import org.firstspike.model.Op;
import org.firstspike.model.Quantization;
import org.firstspike.tensor.Tensor;
import org.firstspike.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed's QAT applied by FirstSpike to the latent weights in state_dict.pt gives exactly the
 * integer levels the trainer exported (q_int8.npy), and the scale α/127 of its qat_scales.json.
 */
class QatLevelsTest {

    @ParameterizedTest
    @CsvSource({"fmnist_shuffle_delay, z2, conv2", "fmnist_shuffle_delay, z3, conv3",
        "fmnist_shuffle_delay, z4, conv4", "fmnist_shuffle_delay, z5, conv5",
        "fmnist_res_add, z2, conv2", "fmnist_res_add, z3, conv3", "fmnist_res_add, z4, conv4",
        "fmnist_res_add, z5, conv5"})
    void levelsEqualTheTrainersExport(String model, String node, String layer) throws Exception {
        Network net = TestData.example(model);
        Quantization q = ((Op.Conv2d) net.node(node).op()).weights().quantization();
        Tensor expected = TestData.npy(TestData.GOLDEN_RESOURCES.resolve(model + "/weights/" + layer
                + ".kernel.weight.q_int8.npy"));
        int[] want = new int[expected.size()];
        for (int i = 0; i < want.length; i++) {
            want[i] = (int) expected.get(i);
        }
        // [out, in*kh*kw] as exported is also our canonical [out, in, kh, kw] order, flattened.
        assertArrayEquals(want, q.levels());
        var scales = org.firstspike.report.Json.MAPPER.readTree(TestData.GOLDEN_RESOURCES
                .resolve(model + "/weights/qat_scales.json").toFile());
        assertEquals(scales.get(layer).get("scale_per_level").asDouble(), q.scales()[0], 1e-15);
    }

    @ParameterizedTest
    @CsvSource({"d1, t_shift1", "d2, t_shift2"})
    void delaysAreAppliedAsTrained(String node, String key) {
        Network net = TestData.example("fmnist_shuffle_delay");
        Op.Delay d = (Op.Delay) net.node(node).op();
        Tensor applied = TestData.npy(TestData.GOLDEN_RESOURCES.resolve("fmnist_shuffle_delay/weights/" + key
                + ".applied.npy"));
        assertArrayEquals(applied.toArray(), d.applied(), 0.0);
    }
}
