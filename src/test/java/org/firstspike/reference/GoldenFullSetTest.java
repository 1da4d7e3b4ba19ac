package org.firstspike.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.firstspike.data.Dataset;
import org.firstspike.model.Network;
import org.firstspike.report.Evaluation;
import org.firstspike.report.GoldenComparison;
import org.firstspike.report.OutlierExplanation;
import org.firstspike.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract with the trainer on all 10,000 Fashion-MNIST test images (golden files copied
 * from the training run into examples/&lt;model&gt;/golden): every prediction reproduced (a
 * difference is allowed only at a near-tie), output z within 1e-4 relative for all but the
 * images where a neuron decision lies within float32 rounding of flipping — and for each such
 * image, flipping that one decision must reproduce the trainer's outputs.
 */
class GoldenFullSetTest {

    @ParameterizedTest
    @ValueSource(strings = {"fmnist_shuffle_delay", "fmnist_res_add"})
    void reproducesTrainerOnTheFullTestSet(String model) {
        Network net = TestData.example(model);
        Dataset data = TestData.fashionMnistTest();
        FloatReference ref = new FloatReference(net);
        Evaluation.Outputs out = Evaluation.run(ref, data, data.count(), Runtime.getRuntime().availableProcessors(),
                done -> { });
        GoldenComparison cmp = GoldenComparison.compare(TestData.EXAMPLES.resolve(model + "/golden"), out);
        List<OutlierExplanation.Explanation> why = OutlierExplanation.explain(ref, data, cmp);
        System.out.printf("%s: accuracy %.2f%%, predictions agree %.2f%%, max relative error %.3g, "
                + "within 1e-4 %.4f%%, %d outlier images, %d explained by near-ties%n", model,
                100 * Evaluation.accuracy(out, data), 100 * cmp.predAgreement(), cmp.maxRelError(),
                100 * cmp.fracWithin(), cmp.outlierImages().size(), why.stream().filter(e -> e.explained()).count());

        assertEquals(10000, out.count());
        assertTrue(cmp.nearTiesOnly(), "a prediction differs from the trainer's away from a near-tie: "
                + cmp.disagreements());
        assertTrue(cmp.fracWithin() >= 0.998, "within 1e-4: " + cmp.fracWithin());
        for (OutlierExplanation.Explanation e : why) {
            assertTrue(e.explained(), "image " + e.image() + " differs from the trainer and no near-tie flip explains it");
            assertTrue(e.flipped().stream().allMatch(t -> t.margin() < OutlierExplanation.MARGIN));
        }
        // The trainer's own accuracy, from its golden predictions and the labels (independent of us).
        var pred = TestData.npy(TestData.EXAMPLES.resolve(model + "/golden/pred.npy"));
        int correct = 0;
        for (int i = 0; i < 10000; i++) {
            correct += (int) pred.get(i) == data.label(i) ? 1 : 0;
        }
        assertEquals(correct / 10000.0, Evaluation.accuracy(out, data), 1e-12);
    }
}
