package org.firstspike.sim;

/**
 * A core's cycles by what they do, where the Verilog engine spends different clocks on them
 * (docs/architecture.md §6.1): each event's first cycle ({@code starts}); the cycles that move an event
 * to its next window position or bias entry ({@code positionSteps}), or to the next chunk of output
 * channels at the same position ({@code chunkSteps}) — a step keeps the reads that do not change; and
 * the neuron unit's cycles ({@code unitCycles}: probes of the output neurons, the searches they start,
 * each neuron's resolution and every binary-search step).
 */
public record CoreCycles(long starts, long positionSteps, long chunkSteps, long unitCycles) {
    public static final CoreCycles NONE = new CoreCycles(0, 0, 0, 0);

    public CoreCycles plus(CoreCycles o) {
        return new CoreCycles(starts + o.starts, positionSteps + o.positionSteps, chunkSteps + o.chunkSteps,
                unitCycles + o.unitCycles);
    }

    /** The event cycles: starts and steps. */
    public long eventCycles() {
        return starts + positionSteps + chunkSteps;
    }
}
