package org.firstspike.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Instrumentation of one evaluation: records decisions closer than {@code threshold} to a
 * boundary and, to test what a trainer's rounding would have done, inverts chosen decisions.
 */
final class Probe {
    private final double threshold;
    private final Set<NearTie.Decision> flips;
    final List<NearTie> found = new ArrayList<>();
    String node;

    Probe(double threshold, Set<NearTie.Decision> flips) {
        this.threshold = threshold;
        this.flips = flips;
    }

    /**
     * Sees the decision at one prefix and returns the decision to use. {@code notEarly} is
     * c ≥ z_k, {@code beforeNext} is the next-input test; the candidate is valid if both hold.
     */
    boolean observe(int neuron, int prefix, double c, double zk, double next, boolean notEarly, boolean beforeNext) {
        boolean valid = notEarly && beforeNext;
        double toLast = Math.abs(c - zk) / zk;
        double toNext = Double.isInfinite(next) ? Double.POSITIVE_INFINITY : Math.abs(c - next) / next;
        double margin = valid ? Math.min(toLast, toNext)
                : notEarly ? toNext : beforeNext ? toLast : Math.max(toLast, toNext);
        if (margin < threshold) {
            found.add(new NearTie(node, neuron, prefix, margin, valid));
        }
        return flips.isEmpty() || !flips.contains(new NearTie.Decision(node, neuron, prefix)) ? valid : !valid;
    }
}
