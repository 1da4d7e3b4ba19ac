package org.firstspike.sim;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.TimeGrid;
import org.firstspike.model.Shape;
import org.firstspike.model.WindowTaps;

/**
 * Builds a core's fan-out lists — for every input element, its nonzero synapses into live neurons,
 * by position then output channel — and packs each list into lane bundles: a cycle takes at most
 * `lanes` synapses, each in a different state-memory bank (bank = output channel mod lanes). That
 * packing is the engine's schedule.
 */
final class CoreCompiler {
    private CoreCompiler() {
    }

    static CoreStage compile(IrNode n, IrOp.Neuron c, Feed[] feeds, TimeGrid grid, int lanes) {
        Shape in = Shape.of(c.inShape());
        int[][] taps = c.conv() ? WindowTaps.allChannels(c.window(), in) : identity(c.fanIn());
        int positions = taps.length;
        int neurons = c.outChannels() * positions;
        int inputs = in.size();
        boolean[] dead = new boolean[neurons];
        for (int d : c.dead()) {
            dead[d] = true;
        }
        int perOut = c.weights().hardware().levels().length / c.outChannels();
        List<List<int[]>> fan = new ArrayList<>();
        List<List<Integer>> pos = new ArrayList<>();
        for (int m = 0; m <= inputs; m++) {
            fan.add(new ArrayList<>());
            pos.add(new ArrayList<>());
        }
        for (int p = 0; p < positions; p++) {
            for (int k = 0; k < taps[p].length; k++) {
                int m = taps[p][k];
                if (m < 0) {
                    continue;
                }
                if (pos.get(m).isEmpty() || pos.get(m).get(pos.get(m).size() - 1) != p) {
                    pos.get(m).add(p);
                }
                for (int o = 0; o < c.outChannels(); o++) {
                    int level = c.weights().hardware().levels()[o * perOut + k];
                    int j = o * positions + p;
                    if (level != 0 && !dead[j]) {
                        fan.get(m).add(new int[] {j, level});
                    }
                }
            }
        }
        int biasTick = -1;
        if (c.bias() != null) {
            biasTick = c.bias().tick();
            for (int j = 0; j < neurons; j++) {
                int level = c.bias().levels()[j / positions];
                if (level != 0 && !dead[j]) {
                    fan.get(inputs).add(new int[] {j, level});
                }
            }
        } else {
            fan.remove(inputs);
            pos.remove(inputs);
        }
        long[] theta = new long[neurons];
        for (int j = 0; j < neurons; j++) {
            theta[j] = c.weights().hardware().threshold(j / positions);
        }
        int[] start = new int[fan.size() + 1];
        for (int m = 0; m < fan.size(); m++) {
            start[m + 1] = start[m] + fan.get(m).size();
        }
        int[] target = new int[start[fan.size()]];
        short[] level = new short[target.length];
        int[] bundles = new int[fan.size()];
        for (int m = 0; m < fan.size(); m++) {
            for (int i = 0; i < fan.get(m).size(); i++) {
                target[start[m] + i] = fan.get(m).get(i)[0];
                level[start[m] + i] = (short) fan.get(m).get(i)[1];
            }
            bundles[m] = bundleCount(target, start[m], start[m + 1], lanes, positions);
        }
        int[] posStart = new int[pos.size() + 1];
        for (int m = 0; m < pos.size(); m++) {
            posStart[m + 1] = posStart[m] + pos.get(m).size();
        }
        int[] posList = pos.stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
        int windowTaps = c.conv() ? c.inShape()[0] * c.window().kh() * c.window().kw() : c.fanIn();
        boolean quirk = c.lastInputSentinel() == org.firstspike.model.LastInputSentinel.ONE;
        return new CoreStage(n.name(), neurons, feeds, c.outChannels(), positions, windowTaps, c.noSpikeTick(), quirk,
                theta, dead, start, target, level, bundles, posStart, posList, biasTick);
    }

    private static int[][] identity(int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return new int[][] {t};
    }

    /**
     * Cycles to deliver targets[from, to) with `lanes` lanes: greedy, in list order, each synapse goes
     * to the first cycle that has a free lane and does not yet use its bank. Neuron state is banked by
     * output channel (bank = channel mod lanes), so the channels of one position fill a cycle. At
     * least one cycle.
     */
    static int bundleCount(int[] targets, int from, int to, int lanes, int positions) {
        if (lanes == 1) {
            return Math.max(1, to - from);
        }
        List<long[]> cycles = new ArrayList<>();
        List<int[]> used = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int bank = targets[i] / positions % lanes;
            int placed = -1;
            for (int k = 0; k < cycles.size() && placed < 0; k++) {
                if (used.get(k)[0] < lanes && (cycles.get(k)[bank >>> 6] & (1L << bank)) == 0) {
                    placed = k;
                }
            }
            if (placed < 0) {
                cycles.add(new long[(lanes + 63) >>> 6]);
                used.add(new int[1]);
                placed = cycles.size() - 1;
            }
            cycles.get(placed)[bank >>> 6] |= 1L << bank;
            used.get(placed)[0]++;
        }
        return Math.max(1, cycles.size());
    }
}
