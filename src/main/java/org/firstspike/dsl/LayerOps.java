package org.firstspike.dsl;

import java.util.List;
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
        if (inputs.isEmpty()) {
            ctx.diagnostics().error(stmt.call().fnSpan(), stmt.call().fn() + "() needs its input layer as the first argument");
            return List.of();
        }
        List<Node> made = switch (stmt.call().fn()) {
            case "conv2d", "dense" -> NeuronLayers.build(stmt, inputs.get(0), args, ctx);
            case "chunk", "split", "concat", "shuffle", "flatten" -> ChannelOps.build(stmt, inputs, args, ctx);
            default -> SpikeOps.build(stmt, inputs, args, ctx);
        };
        args.finish();
        return made;
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
            a.diagnostics().error(p.get(i).span(), a.owner() + "() takes " + allowed
                    + " positional argument" + (allowed == 1 ? "" : "s") + "; name the others, e.g. out = 10");
        }
    }
}
