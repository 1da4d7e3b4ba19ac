package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.TimeGrid;

/**
 * Chooses the tick Δ = t_max / ticks (the option, else the target's default) and puts every
 * spike-time constant on the grid: each core's no-spike tick and each pool's pad tick.
 */
final class ChooseTimeGrid implements Pass {
    @Override
    public String name() {
        return "choose-time-grid";
    }

    @Override
    public String description() {
        return "chooses the tick length and puts no-spike times and pool pads on the tick grid";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        int ticks = ctx.options().ticksPerTMax() > 0 ? ctx.options().ticksPerTMax()
                : ctx.target().engine().ticksPerTMax();
        TimeGrid grid = new TimeGrid(ir.time().tMax(), ir.time().tauSyn(), ticks, -1, -1, ctx.options().zFractionBits(),
                ctx.options().thresholdFractionBits());
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.Neuron c) {
                out.add(n.with(c.withNoSpikeTick(grid.tickOfZ(c.noSpikeZ()))));
            } else if (n.op() instanceof IrOp.MinPool p) {
                int pad = Double.isInfinite(p.padZ()) ? -1 : grid.tickOfZ(p.padZ());
                out.add(n.with(new IrOp.MinPool(p.window(), p.inShape(), p.padZ(), pad)));
            } else {
                out.add(n);
            }
        }
        ctx.report(String.format("Δ = t_max/%d = %.6g time units (τ = %s); no-spike at tick %d", ticks,
                grid.tickLength(), ir.time().tauSyn(), grid.tickOfZ(ir.time().noSpikeZ())));
        return ir.withGrid(grid).withNodes(out);
    }
}
