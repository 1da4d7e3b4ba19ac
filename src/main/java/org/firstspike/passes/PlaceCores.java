package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.device.Target;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.MemoryMap;
import org.firstspike.ir.Placement;

/**
 * Places the engine's memories (ir.MemoryMap: per-core weights and thresholds, the neuron state the
 * cores share, tick arrays, the event queue, delay registers) on the target: large memories to SPRAM
 * where the device has it, the rest to block RAM. A design that does not fit is an error.
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
        MemoryMap map = MemoryMap.of(ir);
        int ram = 0;
        int spram = 0;
        List<String> where = new ArrayList<>();
        List<Integer> blocks = new ArrayList<>();
        for (MemoryMap.Item item : map.items()) {
            int sp = r.spramBlocks() == 0 ? 0 : (int) ((item.bits() + r.spramBlockBits() - 1) / r.spramBlockBits());
            if (item.bits() >= SPRAM_MIN_BITS && sp > 0 && spram + sp <= r.spramBlocks()) {
                spram += sp;
                where.add("spram");
                blocks.add(sp);
            } else {
                int b = (int) ((item.bits() + r.ramBlockBits() - 1) / r.ramBlockBits());
                ram += b;
                where.add("ram");
                blocks.add(b);
            }
        }
        List<IrNode> out = new ArrayList<>();
        int i = 0;
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.Neuron c) {
                MemoryMap.Item item = map.items().get(i);
                out.add(n.with(c.withPlacement(new Placement(where.get(i), blocks.get(i), item.bits(), "shared", 0, 0))));
                i++;
            } else {
                out.add(n);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < map.items().size(); k++) {
            sb.append(String.format("%s%s %,d bits (%s)", k == 0 ? "" : "; ", map.items().get(k).name(),
                    map.items().get(k).bits(), where.get(k)));
        }
        ctx.report(sb + String.format("; total %,d bits: %d of %d RAM blocks, %d of %d SPRAM", map.totalBits(), ram,
                r.ramBlocks(), spram, r.spramBlocks()));
        if (ram > r.ramBlocks() || spram > r.spramBlocks()) {
            ctx.error(ir.node(ir.output()), String.format("the design does not fit %s: it needs %d RAM blocks (%d "
                    + "available) and %d SPRAM (%d available); use a larger target or fewer ticks", ctx.target().name(),
                    ram, r.ramBlocks(), spram, r.spramBlocks()));
        }
        return ir.withTarget(ctx.target().name()).withNodes(out);
    }
}
