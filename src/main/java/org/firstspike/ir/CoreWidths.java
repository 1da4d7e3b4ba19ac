package org.firstspike.ir;

/**
 * Bit widths AnalyzeBitWidths proved sufficient for every input: the signed accumulators
 * A = Σ levels and B = Σ levels·Z(n), the threshold-shifted A' = A·2^G − Θ, the firing test's
 * products, the tick counter and the per-neuron arrival counter.
 */
public record CoreWidths(int a, int b, int aShifted, int product, int tick, int arrivals) {
}
