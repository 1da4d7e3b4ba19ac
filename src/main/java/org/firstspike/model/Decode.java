package org.firstspike.model;

/**
 * Output decoding: the class is the output neuron that spikes first (smallest z); ties,
 * including an all-silent output, go to the lowest index, as argmin does in the seed.
 */
public record Decode(String kind) {
    public static final Decode FIRST_SPIKE = new Decode("first_spike");

    /** The winning index for output spike values z. */
    public int decide(double[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] < z[best]) {
                best = i;
            }
        }
        return best;
    }
}
