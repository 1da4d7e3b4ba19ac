package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.Delay;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.TimeGrid;

/**
 * Quantizes every delay register to ticks (nearest) and sizes it; a delay beyond what the target's
 * delay registers hold is an error at the delay's source line, never silently clamped.
 */
final class QuantizeDelays implements Pass {
    @Override
    public String name() {
        return "quantize-delays";
    }

    @Override
    public String description() {
        return "rounds delays to ticks, sizes the delay registers, rejects delays the target cannot hold";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        TimeGrid g = ir.grid();
        int limit = ctx.target().engine().maxDelayTicks();
        double worst = 0;
        int registers = 0;
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            List<Edge> edges = new ArrayList<>();
            for (Edge e : n.inputs()) {
                Delay d = e.delay();
                if (d == null) {
                    edges.add(e);
                    continue;
                }
                int[] ticks = new int[d.times().length];
                int max = 0;
                for (int i = 0; i < ticks.length; i++) {
                    ticks[i] = g.tickOf(d.times()[i]);
                    max = Math.max(max, ticks[i]);
                    worst = Math.max(worst, Math.abs(ticks[i] * g.tickLength() - d.times()[i]));
                }
                if (max > limit) {
                    IrNode at = d.origin() == null ? n : new IrNode(n.name(), n.op(), List.of(), n.shape(), d.origin());
                    ctx.error(at, String.format("a delay of %.4g time units is %d ticks, but %s's delay registers hold "
                            + "%d bits (at most %d ticks); use fewer ticks per t_max (--ticks) or a target with "
                            + "wider delay registers", d.maxTime(), max, ctx.target().name(),
                            ctx.target().engine().delayBits(), limit));
                }
                registers += ticks.length;
                edges.add(e.withDelay(d.withTicks(ticks, Math.max(1, 32 - Integer.numberOfLeadingZeros(max)))));
            }
            out.add(n.withInputs(edges));
        }
        if (registers > 0) {
            ctx.report(String.format("%d delay registers; worst timing error %.4g time units (%.3f ticks, bound Δ/2)",
                    registers, worst, worst / g.tickLength()));
        }
        return ir.withNodes(out);
    }
}
