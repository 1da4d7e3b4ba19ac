package org.firstspike.ir;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A readable dump of the IR, one node per paragraph, for `compile --print-after`. */
public final class IrPrinter {
    private IrPrinter() {
    }

    public static String print(IrProgram ir) {
        StringBuilder sb = new StringBuilder();
        sb.append("program ").append(ir.name());
        if (ir.grid() != null) {
            sb.append(String.format("  grid: Δ = %.6g (t_max/%d), horizon %d, Z.%d, Θ.%d", ir.grid().tickLength(),
                    ir.grid().ticksPerTMax(), ir.grid().horizon(), ir.grid().zFractionBits(),
                    ir.grid().thresholdFractionBits()));
        }
        sb.append("  output ").append(ir.output()).append('\n');
        for (IrNode n : ir.nodes()) {
            sb.append(String.format("  %-6s %-40s %s%n", n.name(), op(n.op()), shape(n.shape())));
            for (Edge e : n.inputs()) {
                sb.append(String.format("         <- %-6s %d of %d elements%s%n", e.source(), e.connected(),
                        e.map().length, delay(e.delay())));
            }
        }
        return sb.toString();
    }

    static String shape(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("×"));
    }

    private static String delay(Delay d) {
        if (d == null) {
            return "";
        }
        String unit = d.times().length == 1 ? "one delay" : d.plane() == 1 ? d.times().length + " per-element delays"
                : d.times().length + " per-channel delays";
        String range = d.quantized() ? Arrays.stream(d.ticks()).min().orElse(0) + ".." + Arrays.stream(d.ticks()).max()
                .orElse(0) + " ticks, " + d.widthBits() + "-bit registers"
                : String.format("%.4g..%.4g", Arrays.stream(d.times()).min().orElse(0), d.maxTime());
        return ", " + unit + " " + range;
    }

    private static String op(IrOp op) {
        if (op instanceof IrOp.Neuron c) {
            String w = c.weights().quantized()
                    ? "int" + c.weights().hardware().bits() + " " + c.weights().hardware().scheme()
                    : c.weights().trained().scheme();
            return c.kind() + (c.conv() ? " " + c.window() : "") + " " + w
                    + (c.noSpikeTick() >= 0 ? " ns@" + c.noSpikeTick() : "")
                    + (c.dead().length > 0 ? " dead " + c.dead().length : "");
        } else if (op instanceof IrOp.Input in) {
            return "input " + (in.noSpikeTick() >= 0 ? "ns@" + in.noSpikeTick() : "");
        } else if (op instanceof IrOp.MinPool p) {
            return "minpool " + p.window() + (p.padTick() >= 0 ? " pad@" + p.padTick() : "");
        } else if (op instanceof IrOp.Move m) {
            return "move " + m.kind();
        } else if (op instanceof IrOp.DelayLine d) {
            return "delay " + d.times().length + " ch";
        } else if (op instanceof IrOp.TimeAdd t) {
            return "time_add " + t.operands();
        }
        return op.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
