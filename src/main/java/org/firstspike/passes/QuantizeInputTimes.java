package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.TimeGrid;

/**
 * Puts the host encoder's spike times on the grid: the host sends tick round(t/Δ) for t < t_max;
 * a spike at or after t_max is no spike and carries the no-spike tick.
 */
final class QuantizeInputTimes implements Pass {
    @Override
    public String name() {
        return "quantize-input-times";
    }

    @Override
    public String description() {
        return "quantizes the host encoder's spike times to ticks (nearest tick; t >= t_max is no spike)";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        TimeGrid g = ir.grid();
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.Input in) {
                out.add(n.with(new IrOp.Input(in.sampleShape(), in.encoding(), in.noSpikeZ(), g.tickOf(g.tMax()),
                        g.tickOfZ(in.noSpikeZ()))));
                ctx.report(String.format("input spike times to the nearest tick: error at most Δ/2 = %.3g",
                        g.tickLength() / 2));
            } else {
                out.add(n);
            }
        }
        return ir.withNodes(out);
    }
}
