package org.firstspike.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.firstspike.data.Dataset;
import org.firstspike.reference.FloatReference;
import org.firstspike.reference.NearTie;

/**
 * Explains why an image's outputs differ from a float32 trainer's: it looks for neuron decisions
 * within {@link #MARGIN} of the other outcome and checks whether inverting one of them (or all of
 * them) reproduces the golden outputs within {@link GoldenComparison#TOLERANCE}. If so, the
 * difference is the trainer's rounding at a near-tie, not a difference in semantics.
 */
public final class OutlierExplanation {
    private OutlierExplanation() {
    }

    /** Relative margin below which float32 rounding (2^-24 per operation) can plausibly flip a decision. */
    public static final double MARGIN = 1e-6;

    /** The flipped decisions that reproduce the golden outputs; empty if nothing did. */
    public record Explanation(int image, List<NearTie> flipped, int nearTiesSeen) {
        public boolean explained() {
            return !flipped.isEmpty();
        }
    }

    public static List<Explanation> explain(FloatReference ref, Dataset data, GoldenComparison cmp) {
        Set<Integer> images = new TreeSet<>();
        cmp.outliers().forEach(o -> images.add(o.image()));
        cmp.disagreements().forEach(d -> images.add(d.image()));
        List<Explanation> out = new ArrayList<>();
        for (int i : images) {
            out.add(explainOne(ref, data.sample(i), cmp.goldenZ()[i], i));
        }
        return out;
    }

    static Explanation explainOne(FloatReference ref, double[] sample, double[] golden, int image) {
        List<NearTie> ties = new ArrayList<>(ref.probe(sample, MARGIN, Set.of()).nearTies());
        ties.sort(Comparator.comparingDouble(NearTie::margin));
        for (NearTie t : ties) {
            if (matches(ref.probe(sample, 0, Set.of(t.decision())).output(), golden)) {
                return new Explanation(image, List.of(t), ties.size());
            }
        }
        Set<NearTie.Decision> all = new LinkedHashSet<>();
        ties.forEach(t -> all.add(t.decision()));
        if (ties.size() > 1 && matches(ref.probe(sample, 0, all).output(), golden)) {
            return new Explanation(image, ties, ties.size());
        }
        return new Explanation(image, List.of(), ties.size());
    }

    private static boolean matches(double[] z, double[] golden) {
        for (int j = 0; j < z.length; j++) {
            if (Math.abs(z[j] - golden[j]) / Math.abs(golden[j]) > GoldenComparison.TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
