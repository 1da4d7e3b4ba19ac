package org.firstspike.reference;

/**
 * A neuron decision that lies within a tiny relative margin of the other outcome: at prefix
 * {@code prefix} of its arrival-sorted inputs, the candidate firing value was within
 * {@code margin} of the input it is compared with (its last cause or the next arrival). Float32
 * rounding in a trainer can flip such a decision, changing the neuron's spike and all that follows.
 *
 * @param node   the layer
 * @param neuron flat index of the neuron in the layer's [C, H, W] (or [N]) output
 */
public record NearTie(String node, int neuron, int prefix, double margin, boolean wasValid) {

    /** Which decision: the same key finds it again when the evaluation is repeated with flips. */
    public record Decision(String node, int neuron, int prefix) {
    }

    public Decision decision() {
        return new Decision(node, neuron, prefix);
    }
}
