package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.diag.Suggest;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.model.Node;

/**
 * Builds nodes in dependency order. A definition whose inputs failed is skipped without a
 * message of its own, so one mistake is reported once, not once per layer downstream.
 */
final class GraphBuilder {
    private final Context ctx;
    private final List<Stmt> definitions;
    private final Map<String, Integer> definitionOf;
    private final Map<String, Node> built = new HashMap<>();

    GraphBuilder(Context ctx, List<Stmt> definitions, Map<String, Integer> definitionOf) {
        this.ctx = ctx;
        this.definitions = definitions;
        this.definitionOf = definitionOf;
    }

    List<Node> build(List<Integer> order, Stmt.Input input) {
        List<Node> nodes = new ArrayList<>();
        for (int i : order) {
            Stmt def = definitions.get(i);
            List<Node> made = def == input ? single(InputBuilder.build(input, ctx)) : layer((Stmt.Layer) def);
            for (Node n : made) {
                if (n.shape().elements() > org.firstspike.model.Shape.MAX_ELEMENTS) {
                    ctx.diagnostics().error(n.span(), "'" + n.name() + "' would hold " + n.shape() + " = "
                            + n.shape().elements() + " neurons; at most " + org.firstspike.model.Shape.MAX_ELEMENTS
                            + " are supported");
                    continue;
                }
                built.put(n.name(), n);
                nodes.add(n);
            }
        }
        return nodes;
    }

    private static List<Node> single(Node n) {
        return n == null ? List.of() : List.of(n);
    }

    private List<Node> layer(Stmt.Layer stmt) {
        Expr.Call call = stmt.call();
        if (!LayerOps.known(call.fn())) {
            ctx.diagnostics().error(call.fnSpan(), "unknown operation '" + call.fn() + "'"
                    + Suggest.didYouMean(call.fn(), LayerOps.names()));
            return List.of();
        }
        List<Node> inputs = new ArrayList<>();
        boolean ok = true;
        for (Expr e : LayerOps.inputExprs(call)) {
            Node n = resolve(e);
            ok &= n != null;
            inputs.add(n);
        }
        if (!ok) {
            return List.of();
        }
        return LayerOps.build(stmt, inputs, ctx);
    }

    /** The node an input expression names; null (reported unless it failed upstream) otherwise. */
    private Node resolve(Expr e) {
        if (!(e instanceof Expr.Name n)) {
            ctx.diagnostics().error(e.span(), "expected the name of a layer or the input here");
            return null;
        }
        Node node = built.get(n.name());
        if (node == null && !definitionOf.containsKey(n.name())) {
            Scope scope = ctx.ev().scope();
            String what = scope.constants.containsKey(n.name()) || scope.laterConstants.contains(n.name())
                    ? "a constant" : scope.weights.containsKey(n.name()) ? "a weights file" : null;
            ctx.diagnostics().error(n.span(), what != null ? "'" + n.name() + "' is " + what + ", not a layer"
                    : "unknown layer '" + n.name() + "'" + Suggest.didYouMean(n.name(), definitionOf.keySet()));
        }
        return node;
    }
}
