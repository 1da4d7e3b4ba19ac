package org.firstspike.passes;

import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.model.Shape;
import org.firstspike.model.WindowTaps;

/**
 * The real synapses of a quantized core: taps inside the input and on an input element some edge
 * feeds (padding and unfed elements never deliver a spike), with per-neuron level sums the
 * analyses need.
 */
final class Synapses {
    private final IrOp.Neuron core;
    private final int[][] taps;
    private final boolean[] fed;
    private final int perOut;
    private long[] positive;
    private long[] negative;
    private long realSynapses;
    private long zeroSynapses;
    private int maxFanIn;

    private Synapses(IrOp.Neuron core, int[][] taps, boolean[] fed) {
        this.core = core;
        this.taps = taps;
        this.fed = fed;
        this.perOut = core.weights().hardware().levels().length / core.outChannels();
    }

    static Synapses of(IrNode n, IrOp.Neuron c) {
        int[][] taps = c.conv() ? WindowTaps.allChannels(c.window(), Shape.of(c.inShape())) : dense(c.fanIn());
        boolean[] fed = new boolean[c.conv() ? c.inShape()[0] * c.inShape()[1] * c.inShape()[2] : c.fanIn()];
        for (Edge e : n.inputs()) {
            for (int m : e.map()) {
                if (m >= 0) {
                    fed[m] = true;
                }
            }
        }
        return new Synapses(c, taps, fed);
    }

    private static int[][] dense(int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return new int[][] {t};
    }

    int neurons() {
        return core.outChannels() * taps.length;
    }

    /** Output channel of neuron j (neurons are [C, H, W] or [N] flat). */
    int channel(int j) {
        return j / taps.length;
    }

    private boolean real(int[] tap, int k) {
        return tap[k] >= 0 && fed[tap[k]];
    }

    /** Σ of the positive levels of neuron j's real synapses and bias: the largest A it can reach. */
    long maxExcitation(int j) {
        sums();
        return positive[j];
    }

    /** Σ of the negative levels: the smallest A it can reach. */
    long maxInhibition(int j) {
        sums();
        return negative[j];
    }

    /** Σ |level| over real synapses and bias. */
    long absSum(int j) {
        sums();
        return positive[j] - negative[j];
    }

    long realSynapses() {
        sums();
        return realSynapses;
    }

    long zeroSynapses() {
        sums();
        return zeroSynapses;
    }

    /** The most real synapses any neuron has: the arrival counter's range. */
    int maxFanIn() {
        sums();
        return maxFanIn + (core.bias() != null ? 1 : 0);
    }

    /**
     * One pass over every real synapse: per neuron the sums of its positive and negative levels (bias
     * included), and the counts. Neuron j = o·positions + p reads row o of the levels at p's real taps.
     */
    private void sums() {
        if (positive != null) {
            return;
        }
        int positions = taps.length;
        int outs = core.outChannels();
        int[] levels = core.weights().hardware().levels();
        long[] pos = new long[outs * positions];
        long[] neg = new long[outs * positions];
        int[] realTaps = new int[0];
        long real = 0;
        long zero = 0;
        int widest = 0;
        for (int p = 0; p < positions; p++) {
            int[] tap = taps[p];
            if (realTaps.length < tap.length) {
                realTaps = new int[tap.length];
            }
            int n = 0;
            for (int k = 0; k < tap.length; k++) {
                if (real(tap, k)) {
                    realTaps[n++] = k;
                }
            }
            widest = Math.max(widest, n);
            real += (long) n * outs;
            for (int o = 0; o < outs; o++) {
                int base = o * perOut;
                long sp = 0;
                long sn = 0;
                for (int i = 0; i < n; i++) {
                    int q = levels[base + realTaps[i]];
                    if (q > 0) {
                        sp += q;
                    } else if (q < 0) {
                        sn += q;
                    } else {
                        zero++;
                    }
                }
                if (core.bias() != null) {
                    int b = core.bias().levels()[o];
                    sp += Math.max(b, 0);
                    sn += Math.min(b, 0);
                }
                pos[o * positions + p] = sp;
                neg[o * positions + p] = sn;
            }
        }
        this.realSynapses = real;
        this.zeroSynapses = zero;
        this.maxFanIn = widest;
        this.negative = neg;
        this.positive = pos;
    }
}
