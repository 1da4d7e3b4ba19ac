package org.firstspike.sim;

import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.TimeGrid;
import org.firstspike.model.Shape;
import org.firstspike.model.WindowTaps;

/**
 * Builds a core's fan-out lists — for every input element, its nonzero synapses into live neurons,
 * by position then output channel — and the engine's schedule of them (docs/architecture.md §4.3):
 * an input element's event walks its window positions and, at each, the kernel row of its tap, all
 * output channels, `lanes` consecutive channels per cycle (a zero level or a dead neuron leaves its
 * lane idle); the bias list likewise, one (position, chunk of `lanes` channels) per cycle, skipping
 * those without a synapse (bank = output channel mod lanes). The lists are built in flat arrays: one
 * counting pass sizes them, a second fills them in the same order.
 */
final class CoreCompiler {
    private CoreCompiler() {
    }

    /** Output channels filled together, tap by tap (see pass 2). */
    private static final int FILL_BLOCK = 64;

    static CoreStage compile(IrNode n, IrOp.Neuron c, Feed[] feeds, TimeGrid grid, int lanes) {
        Shape in = Shape.of(c.inShape());
        int[][] taps = c.conv() ? WindowTaps.allChannels(c.window(), in) : identity(c.fanIn());
        int positions = taps.length;
        int outs = c.outChannels();
        int neurons = outs * positions;
        int inputs = in.size();
        boolean[] dead = new boolean[neurons];
        for (int d : c.dead()) {
            dead[d] = true;
        }
        int[] levels = c.weights().hardware().levels();
        int perOut = levels.length / outs;
        boolean bias = c.bias() != null;
        int lists = inputs + (bias ? 1 : 0);

        // Pass 1: list lengths. start[m + 1] counts input m's synapses, posStart[m + 1] its positions.
        int[] start = new int[lists + 1];
        int[] posStart = new int[lists + 1];
        int[] lastPos = new int[inputs];
        java.util.Arrays.fill(lastPos, -1);
        for (int p = 0; p < positions; p++) {
            int[] tap = taps[p];
            for (int m : tap) {
                if (m >= 0 && lastPos[m] != p) {
                    lastPos[m] = p;
                    posStart[m + 1]++;
                }
            }
            for (int o = 0; o < outs; o++) {
                if (dead[o * positions + p]) {
                    continue;
                }
                for (int k = 0, base = o * perOut; k < tap.length; k++) {
                    if (tap[k] >= 0 && levels[base + k] != 0) {
                        start[tap[k] + 1]++;
                    }
                }
            }
        }
        if (bias) {
            // The bias input is one more tap of every window (the seed quirk counts it), even at level 0.
            posStart[inputs + 1] = positions;
            for (int j = 0; j < neurons; j++) {
                if (c.bias().levels()[j / positions] != 0 && !dead[j]) {
                    start[inputs + 1]++;
                }
            }
        }
        for (int m = 0; m < lists; m++) {
            start[m + 1] += start[m];
            posStart[m + 1] += posStart[m];
        }

        // Pass 2: fill. Positions ascend in the outer loop and channels within each input element's
        // run, so every list is ordered by position, then output channel (a window holds an input
        // element at most once). Channels go in blocks, tap by tap: a block's writes to one list are
        // contiguous and its level reads advance along a few rows, which keeps large dense cores in cache.
        int[] target = new int[start[lists]];
        short[] level = new short[target.length];
        int[] posList = new int[posStart[lists]];
        int[] posTap = new int[posList.length];
        int[] at = java.util.Arrays.copyOf(start, lists);
        int[] posAt = java.util.Arrays.copyOf(posStart, lists);
        int[] live = new int[outs];
        java.util.Arrays.fill(lastPos, -1);
        for (int p = 0; p < positions; p++) {
            int[] tap = taps[p];
            for (int k = 0; k < tap.length; k++) {
                int m = tap[k];
                if (m >= 0 && lastPos[m] != p) {
                    lastPos[m] = p;
                    posTap[posAt[m]] = k;
                    posList[posAt[m]++] = p;
                }
            }
            int alive = 0;
            for (int o = 0; o < outs; o++) {
                if (!dead[o * positions + p]) {
                    live[alive++] = o * perOut;
                }
            }
            for (int from = 0; from < alive; from += FILL_BLOCK) {
                int to = Math.min(alive, from + FILL_BLOCK);
                for (int k = 0; k < tap.length; k++) {
                    int m = tap[k];
                    if (m < 0) {
                        continue;
                    }
                    int w = at[m];
                    for (int i = from; i < to; i++) {
                        int q = levels[live[i] + k];
                        if (q != 0) {
                            target[w] = live[i] / perOut * positions + p;
                            level[w++] = (short) q;
                        }
                    }
                    at[m] = w;
                }
            }
        }
        if (bias) {
            for (int p = 0; p < positions; p++) {
                posList[posAt[inputs]++] = p;
            }
            for (int j = 0; j < neurons; j++) {
                int q = c.bias().levels()[j / positions];
                if (q != 0 && !dead[j]) {
                    target[at[inputs]] = j;
                    level[at[inputs]++] = (short) q;
                }
            }
        }
        long[] theta = new long[neurons];
        for (int j = 0; j < neurons; j++) {
            theta[j] = c.weights().hardware().threshold(j / positions);
        }
        int[] eventCycles = new int[lists];
        int[] positionSteps = new int[lists];
        int rowCycles = (outs + lanes - 1) / lanes;
        for (int m = 0; m < inputs; m++) {
            int npos = posStart[m + 1] - posStart[m];
            eventCycles[m] = Math.max(1, npos * rowCycles);
            positionSteps[m] = Math.max(0, npos - 1);
        }
        if (bias) {
            eventCycles[inputs] = biasCycles(target, start[inputs], start[lists], positions, lanes);
            positionSteps[inputs] = eventCycles[inputs] - 1;
        }
        int windowTaps = (c.conv() ? c.inShape()[0] * c.window().kh() * c.window().kw() : c.fanIn()) + (bias ? 1 : 0);
        boolean quirk = c.lastInputSentinel() == org.firstspike.model.LastInputSentinel.ONE;
        CoreStage.Kernel kernel = kernel(c, in, levels, outs);
        return new CoreStage(n.name(), neurons, feeds, c.outChannels(), positions, windowTaps, c.noSpikeTick(), quirk,
                theta, dead, start, target, level, eventCycles, positionSteps, posStart, posList, posTap, kernel, biasTick(c));
    }

    /**
     * The shared kernel as the engine reads it: row k = (input channel, tap) holds the levels of every
     * output channel. A dense core is one window over all its inputs, one channel of fanIn taps.
     */
    private static CoreStage.Kernel kernel(IrOp.Neuron c, Shape in, int[] levels, int outs) {
        int perOut = levels.length / outs;
        int[] rows = new int[levels.length];
        for (int o = 0; o < outs; o++) {
            for (int k = 0; k < perOut; k++) {
                rows[k * outs + o] = levels[o * perOut + k];
            }
        }
        int channels = c.conv() ? in.channels() : 1;
        return new CoreStage.Kernel(channels, perOut / channels, in.size() / channels, rows);
    }

    private static int biasTick(IrOp.Neuron c) {
        return c.bias() != null ? c.bias().tick() : -1;
    }

    private static int[][] identity(int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return new int[][] {t};
    }

    /**
     * Cycles to deliver the bias list targets[from, to) with `lanes` lanes: one per (position, chunk
     * of `lanes` output channels) holding a synapse of the list — the lanes take a chunk's channels
     * side by side, one per state bank (bank = output channel mod lanes), as for an input's event —
     * and at least one. With one lane that is the list's length.
     */
    static int biasCycles(int[] targets, int from, int to, int positions, int lanes) {
        return Math.max(1, biasGroups(targets, from, to, positions, lanes).cardinality());
    }

    /** The (position, chunk) groups of targets[from, to), each as its bank address chunk · positions + position. */
    static java.util.BitSet biasGroups(int[] targets, int from, int to, int positions, int lanes) {
        java.util.BitSet groups = new java.util.BitSet();
        for (int i = from; i < to; i++) {
            groups.set(targets[i] / positions / lanes * positions + targets[i] % positions);
        }
        return groups;
    }
}
