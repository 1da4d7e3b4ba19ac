package org.firstspike.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.readers.TensorFileException;
import org.firstspike.readers.TensorFiles;
import org.firstspike.tensor.Tensor;

/**
 * Compares output z values and predictions with a trainer's golden files ({@code out_z.npy}
 * [N, classes], {@code pred.npy} [N]). The trainer computes in float32, so exact agreement is not
 * expected: values are compared by relative error, and a differing prediction is a near-tie when
 * the winner and runner-up lie within {@link #NEAR_TIE} of each other in either computation.
 */
public record GoldenComparison(int images, double maxRelError, double fracWithin, long entries,
        List<Outlier> outliers, double predAgreement, List<Disagreement> disagreements, double[][] goldenZ) {

    public static final double TOLERANCE = 1e-4;
    public static final double NEAR_TIE = 1e-5;

    /** An output value beyond {@link #TOLERANCE}. */
    public record Outlier(int image, int neuron, double ours, double golden, double relError) {
    }

    /** An image whose decision differs from the golden one. */
    public record Disagreement(int image, int ours, int golden, boolean nearTie, double oursGap, double goldenGap) {
    }

    public static GoldenComparison compare(Path dir, Evaluation.Outputs out) {
        Tensor z = read(dir.resolve("out_z.npy"));
        Tensor pred = read(dir.resolve("pred.npy"));
        int n = out.count();
        int classes = out.z().length == 0 ? 0 : out.z()[0].length;
        if (z.rank() != 2 || z.dim(0) < n || z.dim(1) != classes || pred.rank() != 1 || pred.dim(0) < n) {
            throw DiagnosticException.fileError(dir.toString(), "golden out_z.npy must be [N, " + classes
                    + "] and pred.npy [N] with N ≥ " + n + "; found " + z + " and " + pred);
        }
        double max = 0;
        long within = 0;
        List<Outlier> outliers = new ArrayList<>();
        List<Disagreement> disagreements = new ArrayList<>();
        int agree = 0;
        double[][] goldenZ = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] g = new double[classes];
            goldenZ[i] = g;
            for (int j = 0; j < classes; j++) {
                g[j] = z.get(i * classes + j);
                double rel = Math.abs(out.z()[i][j] - g[j]) / Math.abs(g[j]);
                max = Math.max(max, rel);
                if (rel <= TOLERANCE) {
                    within++;
                } else {
                    outliers.add(new Outlier(i, j, out.z()[i][j], g[j], rel));
                }
            }
            int golden = (int) pred.get(i);
            if (golden == out.predictions()[i]) {
                agree++;
            } else {
                double ours = gap(out.z()[i]);
                double theirs = gap(g);
                disagreements.add(new Disagreement(i, out.predictions()[i], golden,
                        ours <= NEAR_TIE || theirs <= NEAR_TIE, ours, theirs));
            }
        }
        long entries = (long) n * classes;
        return new GoldenComparison(n, max, entries == 0 ? 1 : (double) within / entries, entries, outliers,
                n == 0 ? 1 : (double) agree / n, disagreements, goldenZ);
    }

    /** Relative gap between the smallest and second-smallest z: how close the decision was. */
    static double gap(double[] z) {
        double first = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (double v : z) {
            if (v < first) {
                second = first;
                first = v;
            } else if (v < second) {
                second = v;
            }
        }
        return (second - first) / first;
    }

    private static Tensor read(Path file) {
        if (!Files.exists(file)) {
            throw DiagnosticException.fileError(file.toString(), "no such golden file; --golden DIR needs "
                    + "out_z.npy and pred.npy");
        }
        try {
            var f = TensorFiles.open(file);
            return f.get(f.keys().get(0));
        } catch (TensorFileException e) {
            throw DiagnosticException.fileError(file.toString(), e.detail());
        }
    }

    public boolean nearTiesOnly() {
        return disagreements.stream().allMatch(Disagreement::nearTie);
    }

    /** Images with any value beyond the tolerance, in order. */
    public java.util.SortedSet<Integer> outlierImages() {
        java.util.SortedSet<Integer> s = new java.util.TreeSet<>();
        outliers.forEach(o -> s.add(o.image()));
        return s;
    }
}
