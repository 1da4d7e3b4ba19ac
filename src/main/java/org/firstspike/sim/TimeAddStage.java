package org.firstspike.sim;

/**
 * The time-add unit: each element sums the ticks of its operands and spikes at the sum once all
 * have arrived (never if one never does). One cycle per event, then the output array.
 */
final class TimeAddStage extends Stage {
    static final int NEVER = Integer.MAX_VALUE;

    private final int operands;

    TimeAddStage(String name, int size, Feed[] feeds, int operands) {
        super(name, size, feeds);
        this.operands = operands;
    }

    @Override
    int inputSize() {
        return size;
    }

    @Override
    long process(Engine e, int[] evTick, int[] evElement, int events, int[] out) {
        int[] count = e.scratchInts(size);
        java.util.Arrays.fill(out, 0, size, 0);
        for (int i = 0; i < events; i++) {
            out[evElement[i]] += evTick[i];
            count[evElement[i]]++;
        }
        for (int j = 0; j < size; j++) {
            if (count[j] < operands) {
                out[j] = NEVER;
            }
        }
        return events + e.wide(size);
    }
}
