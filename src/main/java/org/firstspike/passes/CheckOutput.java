package org.firstspike.passes;

import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;

/**
 * Requires the decoded output to be a layer of neurons: the output decoder reads a core's spike
 * times, and moves, delays, pools and time-adds have no core of their own.
 */
final class CheckOutput implements Pass {
    @Override
    public String name() {
        return "check-output";
    }

    @Override
    public String description() {
        return "requires the output to be a layer of neurons, whose core the output decoder reads";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        IrNode out = ir.node(ir.output());
        if (!(out.op() instanceof IrOp.Neuron)) {
            ctx.error(out, "the output '" + out.name() + "' must be a layer of neurons for hardware, not "
                    + kind(out.op()) + "; decode a dense or conv layer that reads it");
        }
        return ir;
    }

    private static String kind(IrOp op) {
        if (op instanceof IrOp.Move m) {
            return "a " + m.kind();
        }
        if (op instanceof IrOp.Input) {
            return "the input";
        }
        if (op instanceof IrOp.DelayLine) {
            return "a delay";
        }
        if (op instanceof IrOp.Add || op instanceof IrOp.TimeAdd) {
            return "an add";
        }
        return op instanceof IrOp.MinPool ? "a minpool" : "an avgpool_z";
    }
}
