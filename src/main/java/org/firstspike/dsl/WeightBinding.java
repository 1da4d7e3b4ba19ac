package org.firstspike.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.model.Bias;
import org.firstspike.model.Granularity;
import org.firstspike.model.QatTanh;
import org.firstspike.model.Quantization;
import org.firstspike.model.SynapseWeights;
import org.firstspike.tensor.Shapes;
import org.firstspike.tensor.Tensor;

/**
 * Binds {@code weight = ...}, {@code quant = ...} and {@code bias = ...} of a neuron layer: puts the
 * stored tensor into canonical layout, checks its values and applies the trained quantization.
 */
final class WeightBinding {
    private WeightBinding() {
    }

    static final Set<String> QUANT_SCHEMES = Set.of("none", "qat_tanh", "scaled_int");
    private static final Map<String, Granularity> GRANULARITY =
            Map.of("tensor", Granularity.PER_TENSOR, "channel", Granularity.PER_CHANNEL);

    static SynapseWeights bind(Args a, List<String> axes, Map<String, Integer> sizes) {
        Value.TensorRef ref = a.tensor("weight", true);
        Value.Option quant = a.option("quant", QUANT_SCHEMES, new Value.Option("none", Map.of(), Map.of(), null));
        if (ref == null || quant == null) {
            return null;
        }
        Tensor canonical = canonical(a, "weight", ref, axes, sizes);
        if (canonical == null || !finite(a, "weight", ref.origin(), canonical)) {
            return null;
        }
        Quantization q = quantization(a, quant, canonical);
        if (q == null) {
            return null;
        }
        Tensor values = q.quantized() ? QatTanh.effective(q, canonical.shape()) : canonical;
        return new SynapseWeights(values, q, ref.origin(), a.span("weight"));
    }

    /** The tensor in canonical order: through its layout, or as stored when it already fits. */
    static Tensor canonical(Args a, String key, Value.TensorRef ref, List<String> axes, Map<String, Integer> sizes) {
        if (ref.layout() != null) {
            return Layouts.apply(ref, axes, sizes, a.diagnostics());
        }
        int[] expected = axes.stream().mapToInt(sizes::get).toArray();
        if (Arrays.equals(ref.tensor().shape(), expected)) {
            return ref.tensor();
        }
        a.error(key, ref.origin() + " has shape " + Shapes.format(ref.tensor().shape()) + " but " + a.owner()
                + " needs " + Shapes.format(expected) + " (" + Layouts.describe(axes, sizes) + ")"
                + (Shapes.size(ref.tensor().shape()) == Shapes.size(expected)
                        ? "; if the file stores it differently, say how with 'as', e.g. as ["
                                + axes.get(0) + ", " + String.join("*", axes.subList(1, axes.size())) + "]"
                        : ""));
        return null;
    }

    static boolean finite(Args a, String key, String origin, Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.get(i))) {
                a.error(key, origin + " holds " + t.get(i) + " at flat index " + i + "; weights must be finite");
                return false;
            }
        }
        return true;
    }

    private static Quantization quantization(Args a, Value.Option opt, Tensor canonical) {
        if (opt.name().equals("none")) {
            return Quantization.FLOAT;
        }
        Args q = Args.of(opt, a.evaluator());
        q.expect("bits", "per");
        if (opt.name().equals("scaled_int")) {
            q.expect("scale");
        }
        Integer bits = q.integer("bits", 8, 2);
        Granularity per = q.word("per", GRANULARITY, Granularity.PER_TENSOR);
        Quantization result = null;
        if (bits != null && bits > 16) {
            q.error("bits", "at most 16 bits are supported, not " + bits);
        } else if (bits != null && per != null) {
            result = opt.name().equals("qat_tanh") ? QatTanh.quantize(canonical, bits, per)
                    : scaledInt(a, q, canonical, bits, per);
        }
        return q.finish() ? result : null;
    }

    /**
     * Integer levels stored in the file, with {@code scale} per tensor (1 value) or channel (out values).
     * A level that is not an integer of {@code bits} bits is reported at the layer's weight: the tensor is wrong.
     */
    private static Quantization scaledInt(Args layer, Args q, Tensor levels, int bits, Granularity per) {
        int out = levels.dim(0);
        double[] scales = scales(q, per == Granularity.PER_TENSOR ? 1 : out, per);
        if (scales == null) {
            return null;
        }
        long lo = -(1L << (bits - 1));
        long hi = (1L << (bits - 1)) - 1;
        int[] ints = new int[levels.size()];
        for (int i = 0; i < ints.length; i++) {
            double v = levels.get(i);
            if (v != Math.rint(v) || v < lo || v > hi) {
                layer.error("weight", "scaled_int weights must be integers in [" + lo + ", " + hi + "] for " + bits
                        + " bits; flat index " + i + " holds " + Format.number(v));
                return null;
            }
            ints[i] = (int) v;
        }
        return new Quantization(Quantization.Scheme.SCALED_INT, bits, per, ints, scales);
    }

    private static double[] scales(Args q, int count, Granularity per) {
        Value v = q.value("scale", true);
        double[] s = null;
        if (v instanceof Value.Num n) {
            s = new double[] {n.value()};
        } else if (v instanceof Value.TensorRef t) {
            s = t.tensor().toArray();
        } else if (v instanceof Value.ListOf l && l.items().stream().allMatch(i -> i instanceof Value.Num)) {
            s = l.items().stream().mapToDouble(i -> ((Value.Num) i).value()).toArray();
        } else if (v != null && !(v instanceof Value.Invalid)) {
            q.error("scale", "scale must be a number, a list or a tensor, not " + v.describe());
        }
        if (s == null) {
            return null;
        }
        if (s.length != count) {
            q.error("scale", "per-" + per.word() + " quantization needs " + count + " scale"
                    + (count == 1 ? "" : "s") + ", found " + s.length);
            return null;
        }
        for (double x : s) {
            if (!(x > 0) || Double.isInfinite(x)) {
                q.error("scale", "scales must be positive and finite, found " + x);
                return null;
            }
        }
        return s;
    }

    /** A bias input spiking at {@code bias_time} (default t = 0) with one weight per output. */
    static Bias bias(Args a, int out, Context ctx) {
        Value.TensorRef ref = a.tensor("bias", false);
        Value.Time time = a.time("bias_time", new Value.Time(false, 0));
        if (ref == null || time == null) {
            return null;
        }
        Tensor t = canonical(a, "bias", ref, List.of("out"), Map.of("out", out));
        if (t == null || !finite(a, "bias", ref.origin(), t)) {
            return null;
        }
        double spikeT = time.zDomain() ? ctx.time().toT(time.value()) : time.value();
        if (!(spikeT >= 0) || ctx.timeKnown() && spikeT > ctx.time().tMax()) {
            a.error("bias_time", "the bias spike time must lie in [0, t_max]");
            return null;
        }
        return new Bias(t.toArray(), spikeT, ref.origin());
    }
}
