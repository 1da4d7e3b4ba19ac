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
            GoldenComparison golden, java.util.List<org.firstspike.report.OutlierExplanation.Explanation> why,
            String goldenDir) {
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
        if (!golden.outliers().isEmpty()) {
            long explained = why.stream().filter(e -> e.explained()).count();
            int images = golden.outlierImages().size();
            sb.append(String.format("  outliers: %d values in %d image%s; %d of %d explained by a near-tie (a neuron "
                    + "decision within %.0e of flipping; inverting it reproduces the golden outputs)%n",
                    golden.outliers().size(), images, images == 1 ? "" : "s", explained, images,
                    org.firstspike.report.OutlierExplanation.MARGIN));
            for (var e : why) {
                sb.append("    image ").append(e.image()).append(": ");
                if (!e.explained()) {
                    sb.append("NOT explained (").append(e.nearTiesSeen()).append(" near-ties tried)\n");
                    continue;
                }
                var t = e.flipped().get(0);
                sb.append(String.format("%s%s %s here, margin %.2g%s%n", t.node(),
                        org.firstspike.report.NeuronNames.index(net, t.node(), t.neuron()),
                        t.wasValid() ? "fires" : "does not fire", t.margin(),
                        e.flipped().size() > 1 ? " (+" + (e.flipped().size() - 1) + " more flipped)" : ""));
            }
        }
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
