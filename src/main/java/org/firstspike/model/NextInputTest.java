package org.firstspike.model;

/**
 * When a neuron's candidate firing time counts as "after the next input" and is rejected.
 * The exact neuron ODE does not care (ties have measure zero); the seed code differs by layer
 * type (seed-models.md §1.2): its dense layer uses {@link #GE}, its conv kernel {@link #GT}.
 */
public enum NextInputTest {
    /** Reject a candidate z ≥ z_next: the neuron must fire strictly before the next input. */
    GE("ge"),
    /** Reject only z > z_next: firing exactly when the next input arrives is accepted. */
    GT("gt");

    private final String word;

    NextInputTest(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public boolean rejects(double candidate, double next) {
        return this == GE ? candidate >= next : candidate > next;
    }
}
