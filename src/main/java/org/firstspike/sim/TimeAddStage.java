package org.firstspike.sim;

/**
 * The time-add unit: each element sums the ticks of its operands and spikes at the sum once all
 * have arrived (never if one never does). One cycle per nonempty tick and per event (two operands
 * of one element may arrive in the same tick, so the adders take one event at a time), then the
 * output array in {@code ceil(size / lanes)} cycles.
 */
final class TimeAddStage extends Stage {
    static final int NEVER = Integer.MAX_VALUE;

    private final int operands;

    TimeAddStage(String name, int size, Feed[] feeds, int operands) {
        super(name, size, feeds);
        this.operands = operands;
    }

    int operands() {
        return operands;
    }

    @Override
    int inputSize() {
        return size;
    }

    @Override
    long process(Engine e, int[] evTick, int[] evElement, int events, int[] out) {
        int[] count = e.scratchInts(size);
        java.util.Arrays.fill(out, 0, size, 0);
        long ticks = 0;
        for (int i = 0; i < events; i++) {
            out[evElement[i]] += evTick[i];
            count[evElement[i]]++;
            ticks += i == 0 || evTick[i] != evTick[i - 1] ? 1 : 0;
        }
        for (int j = 0; j < size; j++) {
            if (count[j] < operands) {
                out[j] = NEVER;
            }
        }
        return ticks + events + e.wide(size);
    }
}
