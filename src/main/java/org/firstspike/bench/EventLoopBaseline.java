package org.firstspike.bench;

import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;

/**
 * The plain-Java yardstick for the engine's event rate: one dense core's fan-out lists as flat
 * arrays (input element → its nonzero synapses into live neurons, in output order: what the
 * engine delivers), and the simplest event loop over them — counting-sort the events by tick,
 * then per event A[j] += q and B[j] += q·Z(tick) for each synapse. No firing test, no cycle
 * counting, no statistics: the same int/long accumulates and nothing else.
 */
public final class EventLoopBaseline {
    private final int neurons;
    private final int[] start;
    private final int[] target;
    private final short[] level;
    private final long[] z;
    private final int[] bucket;
    private final int[] order;
    private final int[] a;
    private final long[] b;
    private long checksum;

    /** The fan-out of dense core {@code node} (after the pass pipeline); {@code z} the Z table by tick. */
    public EventLoopBaseline(IrNode node, long[] z) {
        IrOp.Neuron c = (IrOp.Neuron) node.op();
        if (c.conv()) {
            throw new IllegalArgumentException("the baseline takes a dense core");
        }
        int in = c.fanIn();
        int out = c.outChannels();
        int[] levels = c.weights().hardware().levels();
        boolean[] dead = new boolean[out];
        for (int d : c.dead()) {
            dead[d] = true;
        }
        this.neurons = out;
        this.start = new int[in + 1];
        for (int m = 0; m < in; m++) {
            int n = 0;
            for (int o = 0; o < out; o++) {
                n += levels[o * in + m] != 0 && !dead[o] ? 1 : 0;
            }
            start[m + 1] = start[m] + n;
        }
        this.target = new int[start[in]];
        this.level = new short[start[in]];
        for (int m = 0, k = 0; m < in; m++) {
            for (int o = 0; o < out; o++) {
                if (levels[o * in + m] != 0 && !dead[o]) {
                    target[k] = o;
                    level[k++] = (short) levels[o * in + m];
                }
            }
        }
        this.z = z;
        this.bucket = new int[z.length + 1];
        this.order = new int[in];
        this.a = new int[out];
        this.b = new long[out];
    }

    /** Runs one image (input ticks; a tick outside the table is no event) and returns its accumulates. */
    public long run(int[] ticks) {
        java.util.Arrays.fill(bucket, 0);
        int events = 0;
        for (int t : ticks) {
            if (t >= 0 && t < z.length) {
                bucket[t + 1]++;
                events++;
            }
        }
        for (int t = 1; t < bucket.length; t++) {
            bucket[t] += bucket[t - 1];
        }
        for (int m = 0; m < ticks.length; m++) {
            int t = ticks[m];
            if (t >= 0 && t < z.length) {
                order[bucket[t]++] = m;
            }
        }
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(b, 0);
        final int[] tg = target;
        final short[] lv = level;
        final int[] acc = a;
        final long[] acc2 = b;
        long ops = 0;
        for (int e = 0; e < events; e++) {
            int m = order[e];
            long zt = z[ticks[m]];
            int end = start[m + 1];
            for (int k = start[m]; k < end; k++) {
                int j = tg[k];
                int q = lv[k];
                acc[j] += q;
                acc2[j] += q * zt;
            }
            ops += end - start[m];
        }
        checksum += acc[0] + acc2[neurons - 1];
        return ops;
    }

    /** Depends on every run, so the JIT cannot drop the loops. */
    public long checksum() {
        return checksum;
    }
}
