package org.firstspike.model;

/**
 * A non-leaky integrate-and-fire neuron with exponentially decaying synaptic current
 * ({@code if_exp}): V(t) = Σ w_i (1 − e^{−(t − t_i)/τ}) over inputs that arrived; it fires once,
 * when V reaches the threshold. The last two fields select the seed code's quirks.
 */
public record NeuronModel(double threshold, double tauSyn, NextInputTest nextInputTest,
        LastInputSentinel lastInputSentinel) {

    public static final String MODEL_NAME = "if_exp";

    public NeuronModel withThreshold(double t) {
        return new NeuronModel(t, tauSyn, nextInputTest, lastInputSentinel);
    }

    public NeuronModel withNextInputTest(NextInputTest n) {
        return new NeuronModel(threshold, tauSyn, n, lastInputSentinel);
    }

    public NeuronModel withLastInputSentinel(LastInputSentinel s) {
        return new NeuronModel(threshold, tauSyn, nextInputTest, s);
    }
}
