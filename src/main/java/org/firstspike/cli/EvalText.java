package org.firstspike.cli;

import org.firstspike.data.Dataset;
import org.firstspike.model.Network;
import org.firstspike.report.Evaluation;
import org.firstspike.report.GoldenComparison;

/** The human-readable `eval` report. */
final class EvalText {
    private EvalText() {
    }

    static String render(Network net, Dataset data, Evaluation.Outputs out, int threads, double accuracy,
            GoldenComparison golden, String goldenDir) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s on %s: %d images in %.1f s (%.0f images/s, %d thread%s)%n", net.name(),
                data.name(), out.count(), out.seconds(), out.count() / Math.max(out.seconds(), 1e-9), threads,
                threads == 1 ? "" : "s"));
        if (!Double.isNaN(accuracy)) {
            sb.append(String.format("accuracy (exact float reference): %.2f%%%n", 100 * accuracy));
        }
        if (golden == null) {
            return sb.toString();
        }
        sb.append("compared with ").append(goldenDir).append(":\n");
        sb.append(String.format("  output z: max relative error %.3g; %.4f%% of %,d values within %.0e%n",
                golden.maxRelError(), 100 * golden.fracWithin(), golden.entries(), GoldenComparison.TOLERANCE));
        golden.outliers().stream().limit(10).forEach(o -> sb.append(String.format(
                "    image %d neuron %d: %.9g here, %.9g golden (relative %.3g)%n", o.image(), o.neuron(), o.ours(),
                o.golden(), o.relError())));
        int agree = (int) Math.round(golden.predAgreement() * out.count());
        sb.append(String.format("  predictions: %d/%d agree (%.2f%%)%n", agree, out.count(),
                100 * golden.predAgreement()));
        for (var d : golden.disagreements()) {
            sb.append(String.format("    image %d: class %d here, %d golden — %s (gap %.2g here, %.2g golden)%n",
                    d.image(), d.ours(), d.golden(), d.nearTie() ? "near-tie" : "NOT a near-tie", d.oursGap(),
                    d.goldenGap()));
        }
        return sb.toString();
    }
}
