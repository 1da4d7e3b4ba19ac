package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;

/**
 * Lowers the addition skip to a time-add unit: it emits at t_a + t_b once both operands have
 * spiked. That is the skip's latency cost (the seed paper's drawback of addition skips): the merged
 * spike comes later than either input, by the whole skip time.
 */
final class LowerAddSkip implements Pass {
    @Override
    public String name() {
        return "lower-add-skip";
    }

    @Override
    public String description() {
        return "turns addition skips into time-add units (output at t_a + t_b: the skip's latency cost)";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.Add) {
                int operands = operands(n);
                if (operands < 0) {
                    ctx.error(n, "internal: the elements of add '" + n.name() + "' have different operand counts");
                    continue;
                }
                out.add(n.with(new IrOp.TimeAdd(operands)));
                ctx.report(n.name() + ": time-add of " + operands + " operands; its spikes come t_skip later "
                        + "than the conv branch's, and every layer after it waits for them");
            } else {
                out.add(n);
            }
        }
        return ir.withNodes(out);
    }

    /** Operands per element: how many edges feed each element (a concat of a skip with itself adds edges, not operands). */
    static int operands(IrNode n) {
        int[] feeders = new int[n.size()];
        for (org.firstspike.ir.Edge e : n.inputs()) {
            for (int m : e.map()) {
                if (m >= 0) {
                    feeders[m]++;
                }
            }
        }
        int k = feeders.length == 0 ? 0 : feeders[0];
        for (int f : feeders) {
            if (f != k) {
                return -1;
            }
        }
        return k;
    }
}
