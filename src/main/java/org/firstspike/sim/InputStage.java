package org.firstspike.sim;

/** The host's spike ticks: nothing to process; the host writes them in {@code ceil(size / lanes)} cycles. */
final class InputStage extends Stage {
    final int silentFrom;
    final int noSpikeTick;

    InputStage(String name, int size, int silentFrom, int noSpikeTick) {
        super(name, size, new Feed[0]);
        this.silentFrom = silentFrom;
        this.noSpikeTick = noSpikeTick;
    }

    @Override
    int inputSize() {
        return 0;
    }

    @Override
    long process(Engine e, int[] evTick, int[] evElement, int events, int[] out) {
        return 0;
    }
}
