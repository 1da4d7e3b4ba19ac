package org.firstspike.sim;

import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.model.Shape;
import org.firstspike.model.WindowTaps;

/**
 * For every pool input element, the output elements whose window holds it (in output order); which
 * windows have pad taps. Built in flat arrays: a counting pass, then a fill in the same order.
 */
final class PoolCompiler {
    private PoolCompiler() {
    }

    static MinPoolStage compile(IrNode n, IrOp.MinPool p, Feed[] feeds) {
        Shape in = Shape.of(p.inShape());
        int oh = p.window().outHeight(in.height());
        int ow = p.window().outWidth(in.width());
        int inputs = in.size();
        boolean[] padded = new boolean[n.size()];
        int[] start = new int[inputs + 1];
        int[] list = null;
        int[] at = null;
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < in.channels(); c++) {
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        int j = (c * oh + y) * ow + x;
                        for (int t : WindowTaps.oneChannel(p.window(), in, c, y, x)) {
                            if (t < 0) {
                                padded[j] = true;
                            } else if (pass == 0) {
                                start[t + 1]++;
                            } else {
                                list[at[t]++] = j;
                            }
                        }
                    }
                }
            }
            if (pass == 0) {
                for (int m = 0; m < inputs; m++) {
                    start[m + 1] += start[m];
                }
                list = new int[start[inputs]];
                at = java.util.Arrays.copyOf(start, inputs);
            }
        }
        return new MinPoolStage(n.name(), n.size(), feeds, start, list, padded, p.padTick(),
                in.height() * in.width(), oh * ow);
    }
}
