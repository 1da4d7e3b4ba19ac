package org.firstspike.sim;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.model.Shape;
import org.firstspike.model.WindowTaps;

/** For every pool input element, the output elements whose window holds it; which windows have pad taps. */
final class PoolCompiler {
    private PoolCompiler() {
    }

    static MinPoolStage compile(IrNode n, IrOp.MinPool p, Feed[] feeds) {
        Shape in = Shape.of(p.inShape());
        int oh = p.window().outHeight(in.height());
        int ow = p.window().outWidth(in.width());
        List<List<Integer>> windows = new ArrayList<>();
        for (int m = 0; m < in.size(); m++) {
            windows.add(new ArrayList<>());
        }
        boolean[] padded = new boolean[n.size()];
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int j = (c * oh + y) * ow + x;
                    for (int t : WindowTaps.oneChannel(p.window(), in, c, y, x)) {
                        if (t < 0) {
                            padded[j] = true;
                        } else {
                            windows.get(t).add(j);
                        }
                    }
                }
            }
        }
        int[] start = new int[in.size() + 1];
        for (int m = 0; m < in.size(); m++) {
            start[m + 1] = start[m] + windows.get(m).size();
        }
        int[] list = windows.stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
        return new MinPoolStage(n.name(), n.size(), feeds, start, list, padded, p.padTick());
    }
}
