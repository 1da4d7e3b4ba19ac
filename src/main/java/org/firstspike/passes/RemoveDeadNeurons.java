package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;

/**
 * Finds neurons that can never fire — even if every excitatory synapse delivered, Σ q ≤ θ/s — so
 * hardware skips them and their synapses (they only ever carry the no-spike tick), and counts the
 * synapses whose level is zero, which the engine's fan-out lists leave out.
 */
final class RemoveDeadNeurons implements Pass {
    @Override
    public String name() {
        return "remove-dead-neurons";
    }

    @Override
    public String description() {
        return "marks neurons that can never fire and drops zero-weight synapses from the fan-out";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            if (!(n.op() instanceof IrOp.Neuron c)) {
                out.add(n);
                continue;
            }
            Synapses syn = Synapses.of(n, c);
            int g = ir.grid().thresholdFractionBits();
            int[] dead = new int[syn.neurons()];
            int count = 0;
            for (int j = 0; j < syn.neurons(); j++) {
                if (syn.maxExcitation(j) << g <= c.weights().hardware().threshold(syn.channel(j))) {
                    dead[count++] = j;
                }
            }
            ctx.report(String.format("%s: %d of %d neurons can never fire; %d of %d synapses have zero weight",
                    n.name(), count, syn.neurons(), syn.zeroSynapses(), syn.realSynapses()));
            out.add(n.with(c.withDead(java.util.Arrays.copyOf(dead, count))));
        }
        return ir.withNodes(out);
    }
}
