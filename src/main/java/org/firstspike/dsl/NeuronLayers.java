package org.firstspike.dsl;

import java.util.List;
import java.util.Map;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.model.Bias;
import org.firstspike.model.NeuronModel;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;
import org.firstspike.model.SynapseWeights;
import org.firstspike.model.Window;

/** {@code conv2d} and {@code dense}: layers of TTFS neurons with bound weights. */
final class NeuronLayers {
    private NeuronLayers() {
    }

    static List<Node> build(Stmt.Layer stmt, Node input, Args a, Context ctx) {
        LayerOps.noExtraPositional(a, 1);
        if (!LayerOps.expectTargets(stmt, 1, ctx)) {
            return List.of();
        }
        return stmt.call().fn().equals("conv2d") ? conv(stmt, input, a, ctx) : dense(stmt, input, a, ctx);
    }

    private static List<Node> conv(Stmt.Layer stmt, Node input, Args a, Context ctx) {
        Shape in = input.shape();
        if (!in.isMap()) {
            a.diagnostics().error(stmt.call().fnSpan(), "conv2d needs a [C, H, W] input, but '" + input.name()
                    + "' has shape " + in);
            return List.of();
        }
        Integer out = a.integer("out", null, 1);
        checkIn(a, in.channels(), input.name());
        Window win = Windows.read(a, in.height(), in.width(), false);
        Tail tail = tail(a, ctx);
        if (out == null || win == null) {
            return List.of();
        }
        Map<String, Integer> sizes = Map.of("out", out, "in", in.channels(), "kh", win.kh(), "kw", win.kw());
        SynapseWeights w = WeightBinding.bind(a, Windows.CONV_AXES, sizes);
        Bias bias = WeightBinding.bias(a, out, ctx);
        if (w == null || tail == null || a.has("bias") && bias == null) {
            return List.of();
        }
        Op op = new Op.Conv2d(win, w, bias, tail.neuron, tail.noSpikeZ);
        Shape shape = Shape.chw(out, win.outHeight(in.height()), win.outWidth(in.width()));
        return List.of(LayerOps.node(stmt, 0, op, List.of(input), shape));
    }

    private static List<Node> dense(Stmt.Layer stmt, Node input, Args a, Context ctx) {
        Shape in = input.shape();
        if (in.rank() != 1) {
            a.diagnostics().error(stmt.call().fnSpan(), "dense needs a vector input, but '" + input.name()
                    + "' has shape " + in + "; flatten it first, e.g. flatten(" + input.name() + ", order = nchw)");
            return List.of();
        }
        Integer out = a.integer("out", null, 1);
        checkIn(a, in.size(), input.name());
        Tail tail = tail(a, ctx);
        if (out == null) {
            return List.of();
        }
        SynapseWeights w = WeightBinding.bind(a, List.of("out", "in"), Map.of("out", out, "in", in.size()));
        Bias bias = WeightBinding.bias(a, out, ctx);
        if (w == null || tail == null || a.has("bias") && bias == null) {
            return List.of();
        }
        Op op = new Op.Dense(w, bias, tail.neuron, tail.noSpikeZ);
        return List.of(LayerOps.node(stmt, 0, op, List.of(input), Shape.vector(out)));
    }

    private static void checkIn(Args a, int actual, String inputName) {
        Integer declared = a.integer("in", -1, 1);
        if (declared != null && declared != -1 && declared != actual) {
            a.error("in", "in = " + declared + " but '" + inputName + "' provides " + actual);
        }
    }

    /** The per-layer neuron settings and no-spike value, defaulting to the network's. */
    private record Tail(NeuronModel neuron, double noSpikeZ) {
    }

    private static Tail tail(Args a, Context ctx) {
        NeuronModel n = ctx.neuron();
        Double threshold = a.positive("threshold", n.threshold());
        var next = a.word("next_input_test", Settings.NEXT_INPUT_TESTS, n.nextInputTest());
        var last = a.word("last_input_sentinel", Settings.SENTINELS, n.lastInputSentinel());
        Value.Time noSpike = a.time("no_spike", new Value.Time(true, ctx.time().noSpikeZ()));
        if (threshold == null || next == null || last == null || noSpike == null) {
            return null;
        }
        double z = ctx.toZ(noSpike);
        if (Double.isInfinite(z) || ctx.timeKnown() && !(z >= ctx.time().toZ(ctx.time().tMax()) * (1 - 1e-6))) {
            a.error("no_spike", ctx.timeKnown() ? "a layer's no_spike must be finite and not before t_max = "
                    + Format.number(ctx.time().tMax()) : "a layer's no_spike must be finite");
            return null;
        }
        return new Tail(n.withThreshold(threshold).withNextInputTest(next).withLastInputSentinel(last), z);
    }
}
