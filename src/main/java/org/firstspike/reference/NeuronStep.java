package org.firstspike.reference;

import org.firstspike.model.NeuronModel;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;
import org.firstspike.model.WindowTaps;

/**
 * Evaluates a conv2d or dense layer. All output channels at one pixel share the same inputs, so
 * the patch is sorted once per pixel. Inputs at or above the layer's no-spike value (silent
 * neurons, padding) never change the result — any candidate they enter is ≥ no-spike — so only
 * real inputs are sorted, and the test after the last of them uses +∞ when silent ones follow.
 */
final class NeuronStep implements Step {
    private final int self;
    private final String name;
    private final int source;
    private final int[][] taps;
    private final int outChannels;
    private final int perRow;
    private final double[] weights;
    private final double biasZ;
    private final NeuronModel neuron;
    private final double noSpike;

    NeuronStep(int self, String name, int source, Op.NeuronLayer op, Shape in, double tauSyn) {
        this.self = self;
        this.name = name;
        this.source = source;
        this.taps = op instanceof Op.Conv2d c ? WindowTaps.allChannels(c.window(), in) : identity(in.size());
        this.outChannels = op.weights().outputs();
        int k = op.weights().perOutput();
        this.perRow = op.bias() == null ? k : k + 1;
        this.weights = new double[outChannels * perRow];
        for (int o = 0; o < outChannels; o++) {
            for (int i = 0; i < k; i++) {
                weights[o * perRow + i] = op.weights().values().get(o * k + i);
            }
            if (op.bias() != null) {
                weights[o * perRow + k] = op.bias().weights()[o];
            }
        }
        this.biasZ = op.bias() == null ? Double.NaN : Math.exp(op.bias().spikeTime() / tauSyn);
        this.neuron = op.neuron();
        this.noSpike = op.noSpikeZ();
    }

    private static int[][] identity(int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return new int[][] {t};
    }

    @Override
    public void run(double[][] values, Workspace ws) {
        if (ws.probe != null) {
            ws.probe.node = name;
        }
        double[] in = values[source];
        int positions = taps.length;
        double[] out = new double[outChannels * positions];
        ws.ensure(perRow);
        for (int p = 0; p < positions; p++) {
            int n = gather(in, taps[p], ws);
            ws.sorter.sort(ws.patch, ws.real, n, ws.order);
            double last = n < perRow ? Double.POSITIVE_INFINITY : neuron.lastInputSentinel().z();
            for (int o = 0; o < outChannels; o++) {
                out[o * positions + p] = CausalSet.fire(ws.patch, ws.order, n, weights, o * perRow,
                        neuron.threshold(), neuron.nextInputTest(), last, noSpike, ws.probe, o * positions + p);
            }
        }
        values[self] = out;
    }

    /** Fills the patch (padding is silent) and lists its real inputs; returns how many. */
    private int gather(double[] in, int[] tap, Workspace ws) {
        int n = 0;
        for (int k = 0; k < tap.length; k++) {
            double z = tap[k] < 0 ? noSpike : in[tap[k]];
            ws.patch[k] = z;
            if (z < noSpike) {
                ws.real[n++] = k;
            }
        }
        if (perRow > tap.length) {
            ws.patch[tap.length] = biasZ;
            if (biasZ < noSpike) {
                ws.real[n++] = tap.length;
            }
        }
        return n;
    }
}
