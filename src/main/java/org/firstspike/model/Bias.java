package org.firstspike.model;

/**
 * A bias as the TensorFlow seed implements it: an extra input that spikes at {@code spikeTime}
 * (usually t = 0) and reaches every output neuron through its own weight.
 */
public record Bias(double[] weights, double spikeTime, String origin) {
}
