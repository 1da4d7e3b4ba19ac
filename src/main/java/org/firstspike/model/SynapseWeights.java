package org.firstspike.model;

import org.firstspike.diag.SourceSpan;
import org.firstspike.tensor.Tensor;

/**
 * A layer's weights in canonical layout — conv {@code [out, in, kh, kw]}, dense {@code [out, in]} —
 * as the trained model uses them ({@code values}, after QAT where it applies), with how they were
 * quantized, where they came from, and where the program bound them.
 */
public record SynapseWeights(Tensor values, Quantization quantization, String origin, SourceSpan span) {

    public int outputs() {
        return values.dim(0);
    }

    /** Weights per output neuron (the fan-in of a dense layer, in·kh·kw of a conv). */
    public int perOutput() {
        return values.size() / values.dim(0);
    }
}
