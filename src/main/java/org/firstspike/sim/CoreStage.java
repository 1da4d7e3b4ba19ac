package org.firstspike.sim;

/**
 * A core of neurons (docs/semantics.md §4, docs/architecture.md §4). Events arrive in tick order;
 * each delivers its input element's fan-out (nonzero synapses into live neurons) through the lanes.
 * The first touch of a neuron in a tick first asks whether it already fired since its last
 * arrival (one multiply: Zc(g−1)·A' ≥ B·2^G); if so it is done and ignores the rest. At the end
 * each neuron's tick is found by binary search below the tick that detected it, or below its limit.
 */
final class CoreStage extends Stage {
    final int outputs;
    final int positions;
    final int windowTaps;
    final int noSpikeTick;
    final boolean lastInputQuirk;
    final long[] theta;
    final boolean[] dead;
    final int[] fanStart;
    final int[] fanTarget;
    final short[] fanLevel;
    /** Per input element (and the bias): the lanes' cycles for its event (docs/architecture.md §4.3). */
    final int[] eventCycles;
    /** Per input element (and the bias): how many of its event's cycles move to a new position or bias entry (CoreCycles). */
    final int[] positionSteps;
    final int[] posStart;
    final int[] posList;
    /** Per entry of posList: the tap (index into the window's taps over all channels) of the element there. */
    final int[] posTap;
    final Kernel kernel;
    final int biasTick;

    /**
     * The shared kernel: {@code rows[k · outputs + o]} is output channel o's level at tap k = (input
     * channel c, spatial tap t) = c · taps + t. Input element m is channel m / spatial, pixel m % spatial.
     */
    record Kernel(int channels, int taps, int spatial, int[] rows) {
    }

    CoreStage(String name, int size, Feed[] feeds, int outputs, int positions, int windowTaps, int noSpikeTick,
            boolean lastInputQuirk, long[] theta, boolean[] dead, int[] fanStart, int[] fanTarget, short[] fanLevel,
            int[] eventCycles, int[] positionSteps, int[] posStart, int[] posList, int[] posTap, Kernel kernel, int biasTick) {
        super(name, size, feeds);
        this.outputs = outputs;
        this.positions = positions;
        this.windowTaps = windowTaps;
        this.noSpikeTick = noSpikeTick;
        this.lastInputQuirk = lastInputQuirk;
        this.theta = theta;
        this.dead = dead;
        this.fanStart = fanStart;
        this.fanTarget = fanTarget;
        this.fanLevel = fanLevel;
        this.eventCycles = eventCycles;
        this.positionSteps = positionSteps;
        this.posStart = posStart;
        this.posList = posList;
        this.posTap = posTap;
        this.kernel = kernel;
        this.biasTick = biasTick;
    }

    @Override
    int dropFrom() {
        return noSpikeTick;
    }

    /** Input elements, plus one virtual element for the bias input when there is one. */
    @Override
    int inputSize() {
        return fanStart.length - 1 - (biasTick >= 0 ? 1 : 0);
    }

    int biasElement() {
        return fanStart.length - 2;
    }

    @Override
    long process(Engine e, int[] evTick, int[] evElement, int events, int[] out) {
        return new CoreRun(this, e, out).run(evTick, evElement, events);
    }
}
