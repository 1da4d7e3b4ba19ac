package org.firstspike.model;

/**
 * Spike times t live in [0, tMax] in units where the synaptic time constant is τ; the
 * reference works with z = e^{t/τ}. {@code noSpikeZ} is the value a silent neuron carries
 * (the seed uses float32(e^6)); layers may override it.
 */
public record TimeBase(double tMax, double noSpikeZ, double tauSyn) {

    public double toZ(double t) {
        return Math.exp(t / tauSyn);
    }

    public double toT(double z) {
        return tauSyn * Math.log(z);
    }
}
