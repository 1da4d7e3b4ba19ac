package org.firstspike.dsl;

import java.util.List;
import java.util.Map;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.model.InputEncoding.AnnStep;
import org.firstspike.model.Shape;
import org.firstspike.model.Window;
import org.firstspike.tensor.Tensor;

/** The steps of an {@code ann} encoder, each checked against the shape flowing into it. */
final class AnnSteps {
    private AnnSteps() {
    }

    record Built(AnnStep step, Shape shape) {
    }

    static final List<String> NAMES = List.of("normalize", "conv2d", "batchnorm", "relu", "maxpool", "clamp");

    /** The named arguments of each step. */
    private static final Map<String, List<String>> ARGUMENTS = Map.of(
            "normalize", List.of("mean", "std"),
            "conv2d", List.of("out", "kernel", "stride", "padding", "weight", "bias"),
            "batchnorm", List.of("gamma", "beta", "mean", "var", "eps"),
            "relu", List.of(),
            "maxpool", List.of("kernel", "stride", "padding"),
            "clamp", List.of("min", "max"));

    static Built build(Expr.Call call, Shape in, Context ctx) {
        Args a = Args.of(call, ctx.ev());
        LayerOps.noExtraPositional(a, 0);
        if (ARGUMENTS.containsKey(call.fn())) {
            a.expect(ARGUMENTS.get(call.fn()).toArray(String[]::new));
        }
        Built b = switch (call.fn()) {
            case "normalize" -> normalize(a, in);
            case "conv2d" -> conv(a, in);
            case "batchnorm" -> batchnorm(a, in);
            case "relu" -> new Built(new AnnStep.Relu(), in);
            case "maxpool" -> maxpool(a, in);
            case "clamp" -> clamp(a, in);
            default -> {
                ctx.diagnostics().error(call.fnSpan(), "unknown encoder step '" + call.fn() + "'; the ann encoder has "
                        + String.join(", ", NAMES) + org.firstspike.diag.Suggest.didYouMean(call.fn(), NAMES));
                yield null;
            }
        };
        if (!ARGUMENTS.containsKey(call.fn())) {
            return null; // the arguments of an unknown step cannot be judged
        }
        return a.finish() ? b : null;
    }

    private static Built normalize(Args a, Shape in) {
        double[] mean = perChannel(a, "mean", in.channels(), null);
        double[] std = perChannel(a, "std", in.channels(), null);
        if (mean == null || std == null) {
            return null;
        }
        for (double s : std) {
            if (!(s > 0)) {
                a.error("std", "std must be positive");
                return null;
            }
        }
        return new Built(new AnnStep.Normalize(mean, std), in);
    }

    private static Built conv(Args a, Shape in) {
        Integer out = a.integer("out", null, 1);
        Window win = Windows.read(a, in.height(), in.width(), false);
        Value.TensorRef w = a.tensor("weight", true);
        Value.TensorRef b = a.tensor("bias", false);
        if (out == null || win == null || w == null) {
            return null;
        }
        Map<String, Integer> sizes = Map.of("out", out, "in", in.channels(), "kh", win.kh(), "kw", win.kw());
        Tensor weight = WeightBinding.canonical(a, "weight", w, Windows.CONV_AXES, sizes);
        Tensor bias = b == null ? null : WeightBinding.canonical(a, "bias", b, List.of("out"), Map.of("out", out));
        if (weight == null || b != null && bias == null || !WeightBinding.finite(a, "weight", w.origin(), weight)) {
            return null;
        }
        Shape shape = Shape.chw(out, win.outHeight(in.height()), win.outWidth(in.width()));
        return new Built(new AnnStep.Conv(win, weight, bias == null ? null : bias.toArray()), shape);
    }

    private static Built batchnorm(Args a, Shape in) {
        int c = in.channels();
        double[] gamma = perChannel(a, "gamma", c, null);
        double[] beta = perChannel(a, "beta", c, null);
        double[] mean = perChannel(a, "mean", c, null);
        double[] var = perChannel(a, "var", c, null);
        Double eps = a.positive("eps", 1e-5);
        if (gamma == null || beta == null || mean == null || var == null || eps == null) {
            return null;
        }
        for (int i = 0; i < var.length; i++) {
            if (var[i] < 0) {
                a.error("var", "a variance cannot be negative; channel " + i + " has " + Format.number(var[i]));
                return null;
            }
        }
        return new Built(new AnnStep.BatchNorm(gamma, beta, mean, var, eps), in);
    }

    private static Built maxpool(Args a, Shape in) {
        Window win = Windows.read(a, in.height(), in.width(), true);
        if (win == null) {
            return null;
        }
        return new Built(new AnnStep.MaxPool(win), Shape.chw(in.channels(), win.outHeight(in.height()),
                win.outWidth(in.width())));
    }

    private static Built clamp(Args a, Shape in) {
        Double min = a.number("min", Double.NEGATIVE_INFINITY);
        Double max = a.number("max", Double.POSITIVE_INFINITY);
        if (min == null || max == null) {
            return null;
        }
        if (!a.has("min") && !a.has("max")) {
            a.diagnostics().error(a.ownerSpan(), "clamp needs min, max or both");
            return null;
        }
        if (min > max) {
            a.error("min", "clamp min " + Format.number(min) + " is above max " + Format.number(max));
            return null;
        }
        return new Built(new AnnStep.Clamp(min, max), in);
    }

    /** One number for all channels, a list of C numbers, or a tensor of C values; all finite. */
    private static double[] perChannel(Args a, String key, int channels, Double dflt) {
        Value v = a.value(key, dflt == null);
        double[] out = null;
        if (v == null) {
            return dflt == null ? null : new double[] {dflt};
        } else if (v instanceof Value.Num n) {
            out = new double[] {n.value()};
        } else if (v instanceof Value.ListOf l && l.items().stream().allMatch(i -> i instanceof Value.Num)) {
            out = l.items().stream().mapToDouble(i -> ((Value.Num) i).value()).toArray();
        } else if (v instanceof Value.TensorRef t) {
            out = t.tensor().toArray();
        } else if (v instanceof Value.Word w) {
            a.evaluator().unknownName(w);
        } else if (!(v instanceof Value.Invalid)) {
            a.error(key, "'" + key + "' must be a number, a list or a tensor, not " + v.describe());
        }
        if (out == null) {
            return null;
        }
        if (out.length != 1 && out.length != channels) {
            a.error(key, "'" + key + "' has " + out.length + " values but the input has " + channels
                    + (channels == 1 ? " channel" : " channels"));
            return null;
        }
        for (double x : out) {
            if (!Double.isFinite(x)) {
                a.error(key, "'" + key + "' holds " + x + "; values must be finite");
                return null;
            }
        }
        return out;
    }
}
