package org.firstspike.passes;

import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;

/** Checks that every node's shape follows from its op and inputs and every edge fits both ends. */
final class ResolveShapes implements Pass {
    @Override
    public String name() {
        return "resolve-shapes";
    }

    @Override
    public String description() {
        return "checks every node's shape against its op and inputs, and every edge against both ends";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        for (IrNode n : ir.nodes()) {
            for (Edge e : n.inputs()) {
                int sourceSize = ir.node(e.source()).size();
                if (e.map().length != sourceSize) {
                    ctx.error(n, "internal: edge from '" + e.source() + "' maps " + e.map().length
                            + " elements but the source has " + sourceSize);
                }
                int limit = inputSize(n);
                for (int m : e.map()) {
                    if (m >= limit) {
                        ctx.error(n, "internal: edge from '" + e.source() + "' reaches element " + m + " of " + limit);
                        break;
                    }
                }
            }
            int expected = expectedSize(ir, n);
            if (expected >= 0 && expected != n.size()) {
                ctx.error(n, "internal: '" + n.name() + "' has " + n.size() + " elements but its op gives " + expected);
            }
        }
        return ir;
    }

    /** Size of the input space edges map into. */
    static int inputSize(IrNode n) {
        if (n.op() instanceof IrOp.Neuron c) {
            int s = 1;
            for (int d : c.inShape()) {
                s *= d;
            }
            return s;
        } else if (n.op() instanceof IrOp.MinPool p) {
            return p.inShape()[0] * p.inShape()[1] * p.inShape()[2];
        }
        return n.op() instanceof IrOp.Move ? Integer.MAX_VALUE : n.size();
    }

    private static int expectedSize(IrProgram ir, IrNode n) {
        if (n.op() instanceof IrOp.Neuron c) {
            if (!c.conv()) {
                return c.outChannels();
            }
            return c.outChannels() * c.window().outHeight(c.inShape()[1]) * c.window().outWidth(c.inShape()[2]);
        } else if (n.op() instanceof IrOp.MinPool p) {
            return p.inShape()[0] * p.window().outHeight(p.inShape()[1]) * p.window().outWidth(p.inShape()[2]);
        } else if (n.op() instanceof IrOp.Move m) {
            return m.map().size();
        }
        return -1;
    }
}
