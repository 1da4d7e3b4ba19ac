package org.firstspike.ir;

/** A bias input spiking at {@code time} (tick {@code tick} once quantized) with a weight per output. */
public record Bias(double[] weights, double time, int[] levels, int tick) {
}
