package org.firstspike.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.ir.Delay;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;

/**
 * Lowers the concatenation skip with a learned delay: each delay node disappears and its delay
 * becomes delay registers on every edge that read it, so a consumer of a concat receives one
 * synapse group per branch, the skip branch's with its own delays. Chained delays add up.
 */
final class LowerConcatSkip implements Pass {
    @Override
    public String name() {
        return "lower-concat-skip";
    }

    @Override
    public String description() {
        return "turns learned delays into per-channel delay registers on the synapse groups that read them";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        Map<String, IrNode> delays = new HashMap<>();
        List<IrNode> kept = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            List<Edge> inputs = new ArrayList<>();
            for (Edge e : n.inputs()) {
                IrNode d = delays.get(e.source());
                if (d == null) {
                    inputs.add(e);
                    continue;
                }
                for (Edge in : d.inputs()) {
                    inputs.add(through(e, in, d, ir));
                }
            }
            IrNode rewired = n.withInputs(inputs);
            if (n.op() instanceof IrOp.DelayLine) {
                delays.put(n.name(), rewired);
            } else {
                kept.add(rewired);
            }
        }
        return ir.withNodes(kept);
    }

    /**
     * Edge e reads delay node d, which reads edge in (one of several when d delays a concat): bypass d
     * for in's source, composing the index maps and adding d's delay to in's own.
     */
    private static Edge through(Edge e, Edge in, IrNode d, IrProgram ir) {
        IrOp.DelayLine line = (IrOp.DelayLine) d.op();
        int n = in.map().length;
        int[] map = new int[n];
        double[] perElement = new double[n];
        for (int x = 0; x < n; x++) {
            int at = in.map()[x];
            map[x] = at < 0 ? -1 : e.map()[at];
            double before = in.delay() == null ? 0 : in.delay().timeOf(x);
            perElement[x] = at < 0 ? 0 : before + line.times()[line.times().length == 1 ? 0 : at / line.plane()];
        }
        int[] shape = ir.node(in.source()).shape();
        return new Edge(in.source(), map, compress(perElement, shape, d));
    }

    /** One delay for all, one per channel, or one per element — the coarsest that is exact. */
    static Delay compress(double[] perElement, int[] shape, IrNode origin) {
        int plane = shape.length == 3 ? shape[1] * shape[2] : 1;
        if (uniform(perElement, perElement.length)) {
            return Delay.ofTimes(new double[] {perElement[0]}, perElement.length, origin.origin());
        }
        if (uniform(perElement, plane)) {
            double[] perChannel = new double[perElement.length / plane];
            for (int c = 0; c < perChannel.length; c++) {
                perChannel[c] = perElement[c * plane];
            }
            return Delay.ofTimes(perChannel, plane, origin.origin());
        }
        return Delay.ofTimes(perElement, 1, origin.origin());
    }

    private static boolean uniform(double[] v, int block) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] != v[i - i % block]) {
                return false;
            }
        }
        return true;
    }
}
