package org.firstspike.passes;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.ir.Bias;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.Weights;
import org.firstspike.model.Granularity;

/**
 * Gives every core integer weights and folds the scale into its threshold: with w = q·s the
 * firing test Σ w(…) ≥ θ becomes Σ q(…) ≥ θ/s, so the hardware works in levels and θ/s is the
 * threshold, kept with G fraction bits (error ≤ 2^−G−1 levels). Layers trained with QAT keep their
 * trained levels exactly; layers trained in float get post-training quantization (PTQ), reported
 * as such, at the chosen width and granularity.
 */
final class QuantizeWeights implements Pass {
    @Override
    public String name() {
        return "quantize-weights";
    }

    @Override
    public String description() {
        return "uses QAT levels as trained (PTQ for float layers) and folds each scale exactly into the threshold";
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        List<IrNode> out = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.Neuron c) {
                IrOp.Neuron q = quantize(n, c, ir, ctx);
                out.add(q == null ? n : n.with(q));
            } else {
                out.add(n);
            }
        }
        return ir.withNodes(out);
    }

    private static IrOp.Neuron quantize(IrNode n, IrOp.Neuron c, IrProgram ir, PassContext ctx) {
        Weights.Trained t = c.weights().trained();
        int wanted = ctx.options().weightBits();
        boolean keep = t.levels() != null && (wanted == 0 || wanted == t.bits());
        int bits = keep ? t.bits() : wanted > 0 ? wanted : ctx.options().ptqBits();
        if (bits < 2 || bits > 16) {
            ctx.error(n, "cannot quantize '" + n.name() + "' to " + bits + " bits: weights take 2 to 16 bits");
            return null;
        }
        Granularity per = keep ? t.granularity() : ctx.options().ptqGranularity();
        int[] levels;
        double[] scales;
        if (keep) {
            levels = t.levels().clone();
            scales = t.scales().clone();
        } else {
            scales = ptqScales(t.values(), c.outChannels(), bits, per);
            levels = ptqLevels(t.values(), c.outChannels(), scales);
        }
        long[] thresholds = thresholds(c.threshold(), scales, ir.grid().thresholdFractionBits());
        Weights.Hardware hw = new Weights.Hardware(levels, bits, per, scales, thresholds, keep ? "qat" : "ptq");
        Bias bias = c.bias() == null ? null : new Bias(c.bias().weights(), c.bias().time(),
                ptqLevels(c.bias().weights(), c.outChannels(), scales), ir.grid().tickOf(c.bias().time()));
        ctx.report(describe(n.name(), hw, t, c.threshold(), ir.grid().thresholdFractionBits()));
        return c.with(c.weights().withHardware(hw), bias);
    }

    /** max |w| / (2^(b−1) − 1) per tensor or output channel; 1 for an all-zero group. */
    static double[] ptqScales(double[] w, int out, int bits, Granularity per) {
        int groups = per == Granularity.PER_TENSOR ? 1 : out;
        int perGroup = w.length / groups;
        double[] s = new double[groups];
        int qmax = (1 << (bits - 1)) - 1;
        for (int g = 0; g < groups; g++) {
            double max = 0;
            for (int i = g * perGroup; i < (g + 1) * perGroup; i++) {
                max = Math.max(max, Math.abs(w[i]));
            }
            s[g] = max == 0 ? 1 : max / qmax;
        }
        return s;
    }

    /** round_half_even(w / scale of its output channel). */
    static int[] ptqLevels(double[] w, int out, double[] scales) {
        int perOut = w.length / out;
        int[] q = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            double s = scales.length == 1 ? scales[0] : scales[i / perOut];
            q[i] = (int) Math.rint(w[i] / s);
        }
        return q;
    }

    /** θ/s per scale, with G fraction bits. */
    static long[] thresholds(double theta, double[] scales, int g) {
        long[] t = new long[scales.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.round(theta / scales[i] * (1L << g));
        }
        return t;
    }

    private static String describe(String name, Weights.Hardware hw, Weights.Trained t, double theta, int g) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (long th : hw.thresholds()) {
            min = Math.min(min, th / (double) (1L << g));
            max = Math.max(max, th / (double) (1L << g));
        }
        String thr = min == max ? String.format("θ/s = %.6g levels", min) : String.format("θ/s = %.6g..%.6g", min, max);
        if (hw.scheme().equals("qat")) {
            return String.format("%s: int%d levels as trained (%s, per %s); %s", name, hw.bits(), t.scheme(),
                    hw.granularity().word(), thr);
        }
        double err = 0;
        int perScale = t.values().length / hw.scales().length;
        for (int i = 0; i < t.values().length; i++) {
            err = Math.max(err, Math.abs(hw.levels()[i] * hw.scales()[i / perScale] - t.values()[i]));
        }
        return String.format("%s: PTQ to int%d per %s (trained in %s); max |Δw| = %.3g; %s", name, hw.bits(),
                hw.granularity().word(), t.scheme(), err, thr);
    }
}
