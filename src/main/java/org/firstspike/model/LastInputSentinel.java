package org.firstspike.model;

/**
 * The "next input" a neuron compares against after its last input. The exact ODE uses
 * {@link #INFINITY} (it may fire after its last input); the seed's PyTorch code uses z = 1
 * (seed-models.md §1.2), so the all-inputs prefix is never a valid causal set.
 */
public enum LastInputSentinel {
    INFINITY("inf", Double.POSITIVE_INFINITY),
    ONE("one", 1.0);

    private final String word;
    private final double z;

    LastInputSentinel(String word, double z) {
        this.word = word;
        this.z = z;
    }

    public String word() {
        return word;
    }

    public double z() {
        return z;
    }
}
