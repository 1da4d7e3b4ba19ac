package org.firstspike.sim;

/**
 * First-spike pooling: events arrive in tick order, so the first event that reaches an output
 * element is its spike; an element whose window has pad taps takes the pad tick if nothing came
 * earlier. The unit takes `lanes` events of one tick per cycle (events of one tick can only write
 * that tick, so they never conflict), then writes the output array in {@code ceil(size / lanes)}.
 */
final class MinPoolStage extends Stage {
    static final int NEVER = Integer.MAX_VALUE;

    final int[] windowStart;
    final int[] windows;
    final boolean[] padded;
    final int padTick;
    /** Pixels of one input channel and of one output channel: every channel has the same windows. */
    final int inPixels;
    final int outPixels;

    MinPoolStage(String name, int size, Feed[] feeds, int[] windowStart, int[] windows, boolean[] padded,
            int padTick, int inPixels, int outPixels) {
        super(name, size, feeds);
        this.inPixels = inPixels;
        this.outPixels = outPixels;
        this.windowStart = windowStart;
        this.windows = windows;
        this.padded = padded;
        this.padTick = padTick;
    }

    @Override
    int inputSize() {
        return windowStart.length - 1;
    }

    @Override
    long process(Engine e, int[] evTick, int[] evElement, int events, int[] out) {
        java.util.Arrays.fill(out, 0, size, NEVER);
        long cycles = 0;
        int groupStart = 0;
        for (int i = 0; i <= events; i++) {
            if (i == events || evTick[i] != evTick[groupStart]) {
                cycles += e.wide(i - groupStart) + (i > groupStart ? 1 : 0);
                groupStart = i;
            }
            if (i == events) {
                break;
            }
            int m = evElement[i];
            for (int k = windowStart[m]; k < windowStart[m + 1]; k++) {
                if (out[windows[k]] == NEVER) {
                    out[windows[k]] = evTick[i];
                }
            }
        }
        for (int j = 0; j < size; j++) {
            if (padded[j] && padTick >= 0 && padTick < out[j]) {
                out[j] = padTick;
            }
        }
        return cycles + e.wide(size);
    }
}
