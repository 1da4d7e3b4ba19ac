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
        return levelSum(j, true);
    }

    /** Σ of the negative levels: the smallest A it can reach. */
    long maxInhibition(int j) {
        return levelSum(j, false);
    }

    /** Σ |level| over real synapses and bias. */
    long absSum(int j) {
        return levelSum(j, true) - levelSum(j, false);
    }

    private long levelSum(int j, boolean positive) {
        int o = channel(j);
        int[] tap = taps[j % taps.length];
        int[] levels = core.weights().hardware().levels();
        long s = 0;
        for (int k = 0; k < tap.length; k++) {
            int q = levels[o * perOut + k];
            if (real(tap, k) && (positive ? q > 0 : q < 0)) {
                s += q;
            }
        }
        if (core.bias() != null) {
            int b = core.bias().levels()[o];
            s += positive ? Math.max(b, 0) : Math.min(b, 0);
        }
        return s;
    }

    long realSynapses() {
        long n = 0;
        for (int[] tap : taps) {
            for (int k = 0; k < tap.length; k++) {
                n += real(tap, k) ? core.outChannels() : 0;
            }
        }
        return n;
    }

    long zeroSynapses() {
        int[] levels = core.weights().hardware().levels();
        long n = 0;
        for (int[] tap : taps) {
            for (int k = 0; k < tap.length; k++) {
                if (real(tap, k)) {
                    for (int o = 0; o < core.outChannels(); o++) {
                        n += levels[o * perOut + k] == 0 ? 1 : 0;
                    }
                }
            }
        }
        return n;
    }

    /** The most real synapses any neuron has: the arrival counter's range. */
    int maxFanIn() {
        int best = 0;
        for (int[] tap : taps) {
            int n = 0;
            for (int k = 0; k < tap.length; k++) {
                n += real(tap, k) ? 1 : 0;
            }
            best = Math.max(best, n);
        }
        return best + (core.bias() != null ? 1 : 0);
    }
}
