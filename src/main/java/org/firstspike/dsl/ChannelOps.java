package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.model.FlattenOrder;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;

/** Ops that only move spikes between positions: chunk, split, concat, shuffle, flatten. */
final class ChannelOps {
    private ChannelOps() {
    }

    static List<Node> build(Stmt.Layer stmt, List<Node> inputs, Args a, Context ctx) {
        return switch (stmt.call().fn()) {
            case "chunk" -> chunk(stmt, inputs.get(0), a, ctx);
            case "split" -> split(stmt, inputs.get(0), a, ctx);
            case "concat" -> concat(stmt, inputs, a, ctx);
            case "shuffle" -> shuffle(stmt, inputs.get(0), a, ctx);
            default -> flatten(stmt, inputs.get(0), a, ctx);
        };
    }

    /** {@code a, b = chunk(x, 2)}: equal channel parts, as torch.chunk. */
    private static List<Node> chunk(Stmt.Layer stmt, Node in, Args a, Context ctx) {
        Integer parts = parts(a);
        if (parts == null) {
            return List.of();
        }
        int c = in.shape().channels();
        if (c % parts != 0) {
            a.diagnostics().error(stmt.call().fnSpan(), "cannot chunk " + c + " channels of '" + in.name()
                    + "' into " + parts + " equal parts; use split(" + in.name() + ", sizes = [...])");
            return List.of();
        }
        int[] sizes = new int[parts];
        java.util.Arrays.fill(sizes, c / parts);
        return slices(stmt, in, sizes, ctx);
    }

    private static Integer parts(Args a) {
        List<Expr> pos = a.positional();
        LayerOps.noExtraPositional(a, 2);
        if (pos.size() >= 2) {
            if (a.has("parts")) {
                a.error("parts", "the number of parts is given twice");
                return null;
            }
            Double n = a.evaluator().number(a.evaluator().eval(pos.get(1)), pos.get(1).span(), "the number of parts");
            if (n == null || n != Math.rint(n) || n < 1 || n > 1e6) {
                if (n != null) {
                    a.diagnostics().error(pos.get(1).span(), "the number of parts must be a positive integer");
                }
                return null;
            }
            return (int) (double) n;
        }
        return a.integer("parts", null, 1);
    }

    /** {@code a, b = split(x, sizes = [16, 48])}. */
    private static List<Node> split(Stmt.Layer stmt, Node in, Args a, Context ctx) {
        LayerOps.noExtraPositional(a, 1);
        Value v = a.value("sizes", true);
        if (!(v instanceof Value.ListOf)) {
            if (v != null && !(v instanceof Value.Invalid)) {
                a.error("sizes", "sizes must be a list of channel counts, e.g. [16, 48]");
            }
            return List.of();
        }
        int[] sizes = a.ints("sizes", null, 1, ((Value.ListOf) v).items().size());
        if (sizes == null) {
            return List.of();
        }
        int total = java.util.Arrays.stream(sizes).sum();
        if (total != in.shape().channels()) {
            a.error("sizes", "sizes add up to " + total + " but '" + in.name() + "' has " + in.shape().channels()
                    + " channels");
            return List.of();
        }
        return slices(stmt, in, sizes, ctx);
    }

    private static List<Node> slices(Stmt.Layer stmt, Node in, int[] sizes, Context ctx) {
        if (!LayerOps.expectTargets(stmt, sizes.length, ctx)) {
            return List.of();
        }
        List<Node> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < sizes.length; i++) {
            List<Integer> dims = new ArrayList<>(in.shape().dims());
            dims.set(0, sizes[i]);
            out.add(LayerOps.node(stmt, i, new Op.ChannelSlice(from, from + sizes[i]), List.of(in), new Shape(dims)));
            from += sizes[i];
        }
        return out;
    }

    /** Concatenation along channels; feature maps must agree in height and width. */
    private static List<Node> concat(Stmt.Layer stmt, List<Node> inputs, Args a, Context ctx) {
        if (!LayerOps.expectTargets(stmt, 1, ctx)) {
            return List.of();
        }
        if (inputs.size() < 2) {
            a.diagnostics().error(stmt.call().fnSpan(), "concat needs at least two inputs");
            return List.of();
        }
        Node first = inputs.get(0);
        int channels = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Shape s = inputs.get(i).shape();
            if (s.rank() != first.shape().rank() || s.isMap() && (s.height() != first.shape().height()
                    || s.width() != first.shape().width())) {
                a.diagnostics().error(a.positional().get(i).span(), "concat needs equal spatial sizes: '"
                        + inputs.get(i).name() + "' is " + s + " but '" + first.name() + "' is " + first.shape());
                return List.of();
            }
            channels += s.channels();
        }
        List<Integer> dims = new ArrayList<>(first.shape().dims());
        dims.set(0, channels);
        return List.of(LayerOps.node(stmt, 0, new Op.Concat(), inputs, new Shape(dims)));
    }

    /** Channel shuffle with {@code groups}, as ShuffleNet. */
    private static List<Node> shuffle(Stmt.Layer stmt, Node in, Args a, Context ctx) {
        LayerOps.noExtraPositional(a, 1);
        Integer groups = a.integer("groups", null, 1);
        if (groups == null || !LayerOps.expectTargets(stmt, 1, ctx)) {
            return List.of();
        }
        if (in.shape().channels() % groups != 0) {
            a.error("groups", "'" + in.name() + "' has " + in.shape().channels() + " channels, not divisible into "
                    + groups + " groups");
            return List.of();
        }
        return List.of(LayerOps.node(stmt, 0, new Op.Shuffle(groups), List.of(in), in.shape()));
    }

    private static List<Node> flatten(Stmt.Layer stmt, Node in, Args a, Context ctx) {
        LayerOps.noExtraPositional(a, 1);
        FlattenOrder order = a.word("order", Map.of("nchw", FlattenOrder.NCHW, "nhwc", FlattenOrder.NHWC), null);
        if (order == null || !LayerOps.expectTargets(stmt, 1, ctx)) {
            return List.of();
        }
        if (!in.shape().isMap()) {
            a.diagnostics().error(stmt.call().fnSpan(), "flatten needs a [C, H, W] input; '" + in.name()
                    + "' is already a vector");
            return List.of();
        }
        return List.of(LayerOps.node(stmt, 0, new Op.Flatten(order), List.of(in), Shape.vector(in.shape().size())));
    }
}
