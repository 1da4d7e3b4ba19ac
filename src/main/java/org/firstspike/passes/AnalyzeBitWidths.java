package org.firstspike.passes;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.ir.CoreWidths;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.TimeGrid;
import org.firstspike.ir.ZTable;

/**
 * Proves that no state or accumulator can overflow for any input: it bounds every tick (the
 * horizon, which sizes the tables and tick fields), then per core the accumulators A = Σ q and
 * B = Σ q·Z(n) over any subset of its real synapses arriving at any tick, the shifted
 * A·2^G − Θ, and the firing test's products. A core whose products exceed the target's width is
 * an error at the layer's line.
 */
final class AnalyzeBitWidths implements Pass {
    @Override
    public String name() {
        return "analyze-bit-widths";
    }

    @Override
    public String description() {
        return "bounds every tick and accumulator for any input and sizes each core's state; rejects what overflows";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        int horizon = horizon(ir);
        int tableTicks = ir.nodes().stream().filter(n -> n.op() instanceof IrOp.Neuron)
                .mapToInt(n -> ((IrOp.Neuron) n.op()).noSpikeTick()).max().orElse(1);
        TimeGrid grid = ir.grid().withBounds(horizon, tableTicks);
        ZTable table;
        try {
            table = new ZTable(grid);
        } catch (ArithmeticException e) {
            ctx.error(ir.node(ir.output()), String.format("the membrane tables overflow 64-bit arithmetic with %d "
                    + "fraction bits over %d ticks (e^%.1f); use fewer --z-fraction-bits or fewer ticks",
                    grid.zFractionBits(), tableTicks, tableTicks * grid.tickLength() / grid.tauSyn()));
            return ir;
        }
        ctx.report(String.format("horizon %d ticks (%d-bit tick fields); tables Z, Zc for ticks 0..%d, %d-bit entries",
                horizon, Bits.unsigned(horizon), table.horizon(), Bits.unsigned(table.zc(table.horizon()))));
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.Neuron c) {
                CoreWidths w = widths(n, c, grid, table, ctx);
                out.add(n.with(c.withWidths(w)));
            } else {
                out.add(n);
            }
        }
        return ir.withGrid(grid).withNodes(out);
    }

    /** The largest tick any node can output or any edge can deliver. */
    static int horizon(IrProgram ir) {
        Map<String, Integer> max = new HashMap<>();
        int horizon = 0;
        for (IrNode n : ir.nodes()) {
            int arrival = 0;
            int sum = 0;
            for (Edge e : n.inputs()) {
                int a = max.get(e.source()) + maxDelay(e);
                arrival = Math.max(arrival, a);
                sum += a;
            }
            int own = arrival;
            if (n.op() instanceof IrOp.Input in) {
                own = in.noSpikeTick();
            } else if (n.op() instanceof IrOp.Neuron c) {
                own = c.noSpikeTick();
            } else if (n.op() instanceof IrOp.MinPool p) {
                // A pad only wins below the window's real inputs, so it raises the bound only for all-pad windows.
                own = allPadWindow(p) ? Math.max(arrival, p.padTick()) : arrival;
            } else if (n.op() instanceof IrOp.TimeAdd) {
                own = sum;
            }
            max.put(n.name(), own);
            horizon = Math.max(horizon, Math.max(own, arrival));
        }
        return horizon;
    }

    private static boolean allPadWindow(IrOp.MinPool p) {
        org.firstspike.model.Padding pad = p.window().padding();
        return Math.max(Math.max(pad.top(), pad.bottom()), Math.max(pad.left(), pad.right()))
                >= Math.min(p.window().kh(), p.window().kw());
    }

    private static int maxDelay(Edge e) {
        int m = 0;
        if (e.delay() != null) {
            for (int t : e.delay().ticks()) {
                m = Math.max(m, t);
            }
        }
        return m;
    }

    private static CoreWidths widths(IrNode n, IrOp.Neuron c, TimeGrid grid, ZTable table, PassContext ctx) {
        Synapses syn = Synapses.of(n, c);
        int g = grid.thresholdFractionBits();
        long aMin = 0;
        long aMax = 0;
        long absMax = 0;
        long thrMin = Long.MAX_VALUE;
        long thrMax = 0;
        for (int j = 0; j < syn.neurons(); j++) {
            aMin = Math.min(aMin, syn.maxInhibition(j));
            aMax = Math.max(aMax, syn.maxExcitation(j));
            absMax = Math.max(absMax, syn.absSum(j));
            long th = c.weights().hardware().threshold(syn.channel(j));
            thrMin = Math.min(thrMin, th);
            thrMax = Math.max(thrMax, th);
        }
        BigInteger two = BigInteger.ONE.shiftLeft(g);
        // Arrivals at or after the no-spike tick are dropped and the test runs below it, so Z(ns − 1) bounds both.
        int last = Math.min(c.noSpikeTick() - 1, table.horizon());
        BigInteger bMax = BigInteger.valueOf(absMax).multiply(BigInteger.valueOf(table.z(last)));
        BigInteger aShiftedLo = BigInteger.valueOf(aMin).multiply(two).subtract(BigInteger.valueOf(thrMax));
        BigInteger aShiftedHi = BigInteger.valueOf(aMax).multiply(two).subtract(BigInteger.valueOf(thrMin));
        BigInteger zc = BigInteger.valueOf(table.zc(last));
        int product = Math.max(Bits.signed(zc.multiply(aShiftedHi.max(BigInteger.ONE))),
                Bits.signed(bMax.multiply(two)));
        int aShifted = Math.max(Bits.signed(aShiftedLo), Bits.signed(aShiftedHi));
        CoreWidths w = new CoreWidths(Bits.signed(aMin, aMax), Bits.signed(bMax), aShifted, product,
                Bits.unsigned(grid.horizon()), Bits.unsigned(syn.maxFanIn()));
        int limit = ctx.target().engine().maxProductBits();
        if (product > limit) {
            ctx.error(n, String.format("'%s' needs %d-bit products in its firing test (A up to %d, B up to 2^%d), but "
                    + "the %s engine computes %d bits; use fewer weight bits or --z-fraction-bits", n.name(), product,
                    aMax, bMax.bitLength(), ctx.target().name(), limit));
        }
        ctx.report(String.format("%s: A %d bits, B %d bits, A·2^G−Θ %d bits, products %d bits, arrivals %d bits",
                n.name(), w.a(), w.b(), w.aShifted(), w.product(), w.arrivals()));
        return w;
    }
}
