package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.CoreWidths;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.Placement;
import org.firstspike.device.Target;

/**
 * Places the engine's memories on the target (docs/architecture.md §3): per-core weights and
 * thresholds, the neuron-state memory shared by the cores (they run one after another, so it is
 * sized by the largest), every node's tick array, the event queue and the tables. Large memories
 * go to SPRAM where the device has it, the rest to block RAM; a design that does not fit is an error.
 */
final class PlaceCores implements Pass {
    @Override
    public String name() {
        return "place-cores";
    }

    @Override
    public String description() {
        return "places weights, neuron state, tick arrays and queues in the target's RAM; rejects what does not fit";
    }

    /** SPRAM is worth it only for memories at least this large. */
    private static final long SPRAM_MIN_BITS = 32_768;

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        Target.Resources r = ctx.target().resources();
        Budget budget = new Budget(r);
        int tickBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(ir.grid().horizon()));
        long stateBits = 0;
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.Neuron c) {
                long weights = (long) c.weights().hardware().levels().length * c.weights().hardware().bits()
                        + (long) c.outChannels() * c.widths().aShifted();
                String where = budget.take(weights);
                stateBits = Math.max(stateBits, (long) n.size() * stateWidth(c.widths(), tickBits));
                out.add(n.with(c.withPlacement(new Placement(where, budget.lastBlocks, weights, "shared", 0, 0))));
            } else {
                out.add(n);
            }
        }
        long ticks = 0;
        long events = 0;
        for (IrNode n : ir.nodes()) {
            ticks += (long) n.size() * tickBits;
            long in = 0;
            for (Edge e : n.inputs()) {
                in += e.connected();
            }
            events = Math.max(events, in);
        }
        int ptr = Math.max(1, 64 - Long.numberOfLeadingZeros(events));
        long queue = (ir.grid().horizon() + 1L) * ptr + events * (ptr + 2L * tickBits);
        budget.take(stateBits);
        budget.take(ticks);
        budget.take(queue);
        ctx.report(String.format("weights %,d bits; neuron state %,d bits (shared); tick arrays %,d bits; event queue "
                + "%,d bits; RAM used: %d of %d blocks, SPRAM %d of %d", out.stream().filter(x -> x.op()
                instanceof IrOp.Neuron).mapToLong(x -> ((IrOp.Neuron) x.op()).placement().weightBits()).sum(),
                stateBits, ticks, queue, budget.ramUsed, r.ramBlocks(), budget.spramUsed, r.spramBlocks()));
        if (budget.ramUsed > r.ramBlocks() || budget.spramUsed > r.spramBlocks()) {
            ctx.error(ir.node(ir.output()), String.format("the design does not fit %s: it needs %d RAM blocks (%d "
                    + "available) and %d SPRAM (%d available); use a larger target or fewer ticks", ctx.target().name(),
                    budget.ramUsed, r.ramBlocks(), budget.spramUsed, r.spramBlocks()));
        }
        return ir.withTarget(ctx.target().name()).withNodes(out);
    }

    /** A, B, the tick of the last arrival, the arrival count and two flags (fired, seen this tick). */
    static int stateWidth(CoreWidths w, int tickBits) {
        return w.a() + w.b() + tickBits + w.arrivals() + 2;
    }

    /** Greedy allocation: large memories to SPRAM while it lasts, everything else to RAM blocks. */
    private static final class Budget {
        private final Target.Resources r;
        int ramUsed;
        int spramUsed;
        int lastBlocks;

        Budget(Target.Resources r) {
            this.r = r;
        }

        String take(long bits) {
            if (bits >= SPRAM_MIN_BITS && r.spramBlocks() > 0) {
                int blocks = (int) ((bits + r.spramBlockBits() - 1) / r.spramBlockBits());
                if (spramUsed + blocks <= r.spramBlocks()) {
                    spramUsed += blocks;
                    lastBlocks = blocks;
                    return "spram";
                }
            }
            int blocks = (int) ((bits + r.ramBlockBits() - 1) / r.ramBlockBits());
            ramUsed += blocks;
            lastBlocks = blocks;
            return "ram";
        }
    }
}
