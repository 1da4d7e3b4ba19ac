package org.firstspike.passes;

import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;

/** Refuses ops no spiking hardware can compute, saying why. */
final class RejectFloatOnlyOps implements Pass {
    @Override
    public String name() {
        return "reject-float-only-ops";
    }

    @Override
    public String description() {
        return "rejects ops that are not spike-time operations (avgpool_z), with the reason";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.AvgPoolZ) {
                ctx.error(n, "avgpool_z cannot be compiled to hardware: the mean of z = e^t over a window is not the "
                        + "time of any input spike, so no event-driven unit can produce it; use minpool (first-spike "
                        + "pooling), or evaluate this network with the float reference only");
            }
        }
        return ir;
    }
}
