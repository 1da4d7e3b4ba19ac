package org.firstspike.sim;

/**
 * What one stage did for one image: events gathered, and the nonempty ticks they fall on; synaptic
 * events (every spike's arrival at each of its nonzero synapses, neurons that fired already
 * included: the lanes' work); synaptic
 * operations (NeuroBench's effective accumulates: the updates of neurons still integrating);
 * neurons that fired (cores); spikes through delay registers; cycles (for the output core with
 * early exit, also those spent up to the decision).
 */
public record StageStats(String name, String kind, int neurons, int fired, long events, int ticks, long synapticEvents,
        long synapticEventsBeforeDecision, long synapticOps, long synapticOpsBeforeDecision, long delayWrites,
        long cycles, long cyclesBeforeDecision) {

    /** NeuroBench activation sparsity: the fraction of neurons that did not spike. */
    public double activationSparsity() {
        return neurons == 0 ? 0 : 1.0 - (double) fired / neurons;
    }
}
