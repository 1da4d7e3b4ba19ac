package org.firstspike.dsl;

import java.util.List;
import java.util.Map;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;
import org.firstspike.model.Window;
import org.firstspike.tensor.Tensor;

/** Ops on spike times that are not neurons: first-spike pooling, z-average pooling, add skips, delays. */
final class SpikeOps {
    private SpikeOps() {
    }

    static List<Node> build(Stmt.Layer stmt, List<Node> inputs, Args a, Context ctx) {
        if (!LayerOps.expectTargets(stmt, 1, ctx)) {
            return List.of();
        }
        return switch (stmt.call().fn()) {
            case "minpool", "avgpool_z" -> pool(stmt, inputs.get(0), a, ctx);
            case "add" -> add(stmt, inputs, a);
            default -> delay(stmt, inputs.get(0), a);
        };
    }

    /** minpool: the earliest spike in each window; the pad value is a spike time that should never win. */
    private static List<Node> pool(Stmt.Layer stmt, Node in, Args a, Context ctx) {
        LayerOps.noExtraPositional(a, 1);
        if (!in.shape().isMap()) {
            a.diagnostics().error(stmt.call().fnSpan(), stmt.call().fn() + " needs a [C, H, W] input; '" + in.name()
                    + "' has shape " + in.shape());
            return List.of();
        }
        Window win = Windows.read(a, in.shape().height(), in.shape().width(), true);
        boolean avg = stmt.call().fn().equals("avgpool_z");
        Value.Time pad = a.time("pad", avg ? null : new Value.Time(true, Double.POSITIVE_INFINITY));
        if (win == null || pad == null) {
            return List.of();
        }
        double padZ = ctx.toZ(pad);
        Shape shape = Shape.chw(in.shape().channels(), win.outHeight(in.shape().height()),
                win.outWidth(in.shape().width()));
        Op op = avg ? new Op.AvgPoolZ(win, padZ) : new Op.MinPool(win, padZ);
        return List.of(LayerOps.node(stmt, 0, op, List.of(in), shape));
    }

    /** Addition skip: t = t_a + t_b, so shapes must be identical. */
    private static List<Node> add(Stmt.Layer stmt, List<Node> inputs, Args a) {
        if (inputs.size() < 2) {
            a.diagnostics().error(stmt.call().fnSpan(), "add needs at least two inputs");
            return List.of();
        }
        for (int i = 1; i < inputs.size(); i++) {
            if (!inputs.get(i).shape().equals(inputs.get(0).shape())) {
                a.diagnostics().error(a.positional().get(i).span(), "add needs equal shapes: '" + inputs.get(i).name()
                        + "' is " + inputs.get(i).shape() + " but '" + inputs.get(0).name() + "' is "
                        + inputs.get(0).shape());
                return List.of();
            }
        }
        return List.of(LayerOps.node(stmt, 0, new Op.Add(), inputs, inputs.get(0).shape()));
    }

    /**
     * delay(x, by = d, negative = clamp): t ← t + d_c per channel. A negative delay is an error
     * unless the program says the trainer clamps it ({@code negative = clamp}, i.e. max(d, 0)).
     */
    private static List<Node> delay(Stmt.Layer stmt, Node in, Args a) {
        LayerOps.noExtraPositional(a, 1);
        Value by = a.value("by", true);
        Boolean clamp = a.word("negative", Map.of("clamp", true, "error", false), false);
        double[] raw = delays(a, by, in);
        if (raw == null || clamp == null) {
            return List.of();
        }
        double[] applied = new double[raw.length];
        for (int c = 0; c < raw.length; c++) {
            if (Double.isNaN(raw[c]) || Double.isInfinite(raw[c])) {
                a.error("by", "the delay of channel " + c + " is " + raw[c] + "; delays must be finite");
                return List.of();
            }
            if (raw[c] < 0 && !clamp) {
                a.error("by", "the delay of channel " + c + " is " + Format.number(raw[c])
                        + ", but a delay cannot be negative; if the trainer applies max(d, 0), say negative = clamp");
                return List.of();
            }
            applied[c] = Math.max(raw[c], 0);
        }
        String origin = by instanceof Value.TensorRef t ? t.origin() : Format.number(raw[0]);
        Op op = new Op.Delay(raw, applied, clamp, origin);
        return List.of(LayerOps.node(stmt, 0, op, List.of(in), in.shape()));
    }

    /** One delay for all channels (a number) or one per channel (a tensor with layout [c]). */
    private static double[] delays(Args a, Value by, Node in) {
        if (by == null || by instanceof Value.Invalid) {
            return null;
        }
        if (by instanceof Value.Num n) {
            return new double[] {n.value()};
        }
        if (!(by instanceof Value.TensorRef ref)) {
            if (by instanceof Value.Word w) {
                a.evaluator().unknownName(w);
            } else {
                a.error("by", "'by' must be a number or a tensor of per-channel delays, not " + by.describe());
            }
            return null;
        }
        int c = in.shape().channels();
        Tensor t = ref.layout() == null && ref.tensor().size() == 1 ? ref.tensor().reshape(1)
                : WeightBinding.canonical(a, "by", ref, List.of("c"), Map.of("c", c));
        return t == null ? null : t.toArray();
    }
}
