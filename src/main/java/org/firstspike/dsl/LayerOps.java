package org.firstspike.dsl;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.firstspike.dsl.ast.Arg;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.model.Node;

/** The layer operations of the language and which of their positional arguments are inputs. */
final class LayerOps {
    private LayerOps() {
    }

    private static final Set<String> MULTI_INPUT = Set.of("concat", "add");

    private static final List<String> NEURON_ARGS = List.of("out", "in", "weight", "quant", "bias", "bias_time",
            "threshold", "next_input_test", "last_input_sentinel", "no_spike");
    private static final List<String> WINDOW_ARGS = List.of("kernel", "stride", "padding");

    /** The named arguments of each op, so a misspelled one is caught even when a build stops early. */
    private static final Map<String, List<String>> ARGUMENTS = Map.ofEntries(
            Map.entry("conv2d", concat(NEURON_ARGS, WINDOW_ARGS)),
            Map.entry("dense", NEURON_ARGS),
            Map.entry("minpool", concat(WINDOW_ARGS, List.of("pad"))),
            Map.entry("avgpool_z", concat(WINDOW_ARGS, List.of("pad"))),
            Map.entry("flatten", List.of("order")),
            Map.entry("chunk", List.of("parts")),
            Map.entry("split", List.of("sizes")),
            Map.entry("concat", List.of()),
            Map.entry("shuffle", List.of("groups")),
            Map.entry("add", List.of()),
            Map.entry("delay", List.of("by", "negative")));

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static boolean known(String fn) {
        return names().contains(fn);
    }

    static Set<String> names() {
        return new TreeSet<>(org.firstspike.model.Op.KEYWORDS);
    }

    /** Input names of a call: every positional argument of concat/add, else the first one. */
    static List<Expr> inputExprs(Expr.Call call) {
        List<Expr> positional = call.args().stream().filter(Arg::positional).map(Arg::value).toList();
        if (MULTI_INPUT.contains(call.fn()) || positional.isEmpty()) {
            return positional;
        }
        return positional.subList(0, 1);
    }

    static List<Node> build(Stmt.Layer stmt, List<Node> inputs, Context ctx) {
        Args args = Args.of(stmt.call(), ctx.ev());
        args.expect(ARGUMENTS.getOrDefault(stmt.call().fn(), List.of()).toArray(String[]::new));
        if (inputs.isEmpty()) {
            ctx.diagnostics().error(stmt.call().fnSpan(), stmt.call().fn() + "() needs its input layer as the first argument");
            return List.of();
        }
        List<Node> made = switch (stmt.call().fn()) {
            case "conv2d", "dense" -> NeuronLayers.build(stmt, inputs.get(0), args, ctx);
            case "chunk", "split", "concat", "shuffle", "flatten" -> ChannelOps.build(stmt, inputs, args, ctx);
            default -> SpikeOps.build(stmt, inputs, args, ctx);
        };
        // A layer with a misspelled argument is not used further: its shape may not be what was meant.
        return args.finish() ? made : List.of();
    }

    /** Reports when the left side names a different number of values than the op produces. */
    static boolean expectTargets(Stmt.Layer stmt, int count, Context ctx) {
        if (stmt.targets().size() == count) {
            return true;
        }
        ctx.diagnostics().error(stmt.targets().get(0).span(), stmt.call().fn() + "() produces " + count
                + (count == 1 ? " value" : " values") + " but " + stmt.targets().size()
                + (stmt.targets().size() == 1 ? " name is" : " names are") + " on the left");
        return false;
    }

    static Node node(Stmt.Layer stmt, int target, org.firstspike.model.Op op, List<Node> inputs,
            org.firstspike.model.Shape shape) {
        return new Node(stmt.targets().get(target).name(), op, inputs.stream().map(Node::name).toList(), shape,
                stmt.call().span());
    }

    /** Reports a positional argument an op does not take. */
    static void noExtraPositional(Args a, int allowed) {
        List<Expr> p = a.positional();
        for (int i = allowed; i < p.size(); i++) {
            a.diagnostics().error(p.get(i).span(), allowed == 0 ? a.owner() + "() takes named arguments only"
                    : a.owner() + "() takes " + allowed + " positional argument" + (allowed == 1 ? "" : "s")
                    + "; pass the others by name, as key = value");
        }
    }
}
