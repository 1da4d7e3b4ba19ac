package org.firstspike.sim;

/**
 * What one stage did for one image: events gathered, synaptic operations (effective accumulates:
 * nonzero-weight updates of live neurons), neurons that fired (cores), spikes through delay
 * registers, and cycles (those spent before the decision, for the output core with early exit).
 */
public record StageStats(String name, String kind, int neurons, int fired, long events, long synapticOps,
        long synapticOpsBeforeDecision, long delayWrites, long cycles, long cyclesBeforeDecision) {

    /** NeuroBench activation sparsity: the fraction of neurons that did not spike. */
    public double activationSparsity() {
        return neurons == 0 ? 0 : 1.0 - (double) fired / neurons;
    }
}
