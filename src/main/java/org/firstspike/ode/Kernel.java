package org.firstspike.ode;

import org.firstspike.model.Node;

/**
 * One node of the network compiled for event-driven simulation. Immutable; per-run state comes from
 * {@link #newState()} and lives in the {@link Run}. {@code sources[s]} is the node index of input slot s.
 */
abstract class Kernel {
    final int self;
    final Node node;
    final int size;
    final int[] sources;

    Kernel(int self, Node node, int[] sources) {
        this.self = self;
        this.node = node;
        this.size = node.shape().size();
        this.sources = sources;
    }

    Object newState() {
        return null;
    }

    /** Schedules the events the node makes by itself (pad spikes, bias spikes, capped silence). */
    void start(Run run) {
    }

    /** Element {@code elem} of input slot {@code slot} spiked at {@code t} (the current time). */
    abstract void receive(Run run, int slot, int elem, double t);

    void fire(Run run, int elem, int version, double t) {
        throw new IllegalStateException("no fire events in " + node.name());
    }

    void bias(Run run, double t) {
        throw new IllegalStateException("no bias in " + node.name());
    }

    /** The input elements element {@code elem} depends on, packed as (slot's node index) << 32 | element. */
    abstract long[] sourcesOf(int elem);

    static long pack(int node, int elem) {
        return ((long) node << 32) | (elem & 0xffffffffL);
    }
}
