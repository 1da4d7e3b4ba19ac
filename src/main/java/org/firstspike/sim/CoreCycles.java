package org.firstspike.sim;

/**
 * A core's cycles by what they do, where the Verilog engine spends different clocks on them
 * (docs/architecture.md §6.1): each event's first cycle ({@code starts}), of which {@code followOns}
 * follow another event of the same tick (the queue entry is read ahead); the cycles that move an event
 * to its next window position or bias entry ({@code positionSteps}), or to the next chunk of output
 * channels at the same position ({@code chunkSteps}) — a step keeps the reads that do not change; and
 * the neuron unit's cycles ({@code unitCycles}: probes of the output neurons, the searches they start,
 * each neuron's resolution and every binary-search step), of which {@code quickResolutions} need no
 * firing test: the neuron is dead, known to have fired already, or untouched (no arrival), so its
 * range comes from its state alone, and {@code searchSteps} are the binary-search steps (the
 * state is read in the cycle that sets the range, and each step's Zc can be read ahead: the first's
 * in that cycle, the next one's for both possible outcomes in the step before). The search steps
 * count every neuron's searches, as one neuron unit runs them.
 */
public record CoreCycles(long starts, long followOns, long positionSteps, long chunkSteps, long unitCycles,
        long quickResolutions, long searchSteps) {
    public static final CoreCycles NONE = new CoreCycles(0, 0, 0, 0, 0, 0, 0);

    public CoreCycles plus(CoreCycles o) {
        return new CoreCycles(starts + o.starts, followOns + o.followOns, positionSteps + o.positionSteps,
                chunkSteps + o.chunkSteps, unitCycles + o.unitCycles, quickResolutions + o.quickResolutions,
                searchSteps + o.searchSteps);
    }

    /** The event cycles: starts and steps. */
    public long eventCycles() {
        return starts + positionSteps + chunkSteps;
    }
}
