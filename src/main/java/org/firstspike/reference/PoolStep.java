package org.firstspike.reference;

import org.firstspike.model.Shape;
import org.firstspike.model.Window;
import org.firstspike.model.WindowTaps;

/**
 * First-spike pooling (min of z over the window) or the seed's z-average pooling; padded taps
 * take the pad value, which a min-pool's pad should make lose (e.g. z = 1e5 in the seed).
 */
final class PoolStep implements Step {
    private final int self;
    private final int source;
    private final int[][] taps;
    private final double padZ;
    private final boolean average;

    PoolStep(int self, int source, Window win, Shape in, double padZ, boolean average) {
        this.self = self;
        this.source = source;
        this.padZ = padZ;
        this.average = average;
        int oh = win.outHeight(in.height());
        int ow = win.outWidth(in.width());
        this.taps = new int[in.channels() * oh * ow][];
        for (int c = 0; c < in.channels(); c++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    taps[(c * oh + oy) * ow + ox] = WindowTaps.oneChannel(win, in, c, oy, ox);
                }
            }
        }
    }

    @Override
    public void run(double[][] values, Workspace ws) {
        double[] in = values[source];
        double[] out = new double[taps.length];
        for (int j = 0; j < taps.length; j++) {
            double acc = average ? 0 : Double.POSITIVE_INFINITY;
            for (int t : taps[j]) {
                double z = t < 0 ? padZ : in[t];
                acc = average ? acc + z : Math.min(acc, z);
            }
            out[j] = average ? acc / taps[j].length : acc;
        }
        values[self] = out;
    }
}
