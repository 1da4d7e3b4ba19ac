package org.firstspike.reference;

import org.firstspike.model.NextInputTest;

/**
 * The closed-form TTFS neuron on inputs sorted by arrival: with W_k and S_k the prefix sums of
 * w and w·z, the candidate firing value is c_k = S_k / (W_k − θ). It is valid when W_k ≥ θ,
 * c_k ≥ z_k (not before its last cause) and the next-input test passes; the first valid
 * candidate is the output, capped at the layer's no-spike value (seed-models.md §1.2).
 */
final class CausalSet {
    private CausalSet() {
    }

    /**
     * @param z      input values, indexed by input number
     * @param order  input numbers sorted by arrival, {@code n} real (non-silent) inputs
     * @param w      weights, input i at {@code w[wBase + i]}
     * @param last   the "next input" after the n-th: a silent input (+∞) or the sentinel
     * @param probe  null, or instrumentation that sees (and may invert) every decision
     * @param neuron this neuron's index in its layer, for the probe
     */
    static double fire(double[] z, int[] order, int n, double[] w, int wBase, double threshold,
            NextInputTest test, double last, double noSpike, Probe probe, int neuron) {
        double sumW = 0;
        double sumWz = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double zi = z[i];
            double wi = w[wBase + i];
            sumW += wi;
            sumWz += wi * zi;
            if (sumW < threshold) {
                continue;
            }
            // The seed clamps the denominator to [1e-10, 1e10]; only the lower bound can matter.
            double c = sumWz / Math.max(sumW - threshold, 1e-10);
            double next = k + 1 < n ? z[order[k + 1]] : last;
            boolean notEarly = c >= zi;
            boolean beforeNext = !test.rejects(c, next);
            boolean valid = probe == null ? notEarly && beforeNext
                    : probe.observe(neuron, k, c, zi, next, notEarly, beforeNext);
            if (valid) {
                return Math.min(c, noSpike);
            }
        }
        return noSpike;
    }
}
