package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceSpan;
import org.firstspike.diag.Suggest;
import org.firstspike.dsl.ast.Arg;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.readers.TensorFile;

/** Folds expressions to {@link Value}s; errors are reported once and become {@link Value#INVALID}. */
final class Evaluator {
    private final Scope scope;
    private final Diagnostics diagnostics;

    Evaluator(Scope scope, Diagnostics diagnostics) {
        this.scope = scope;
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Scope scope() {
        return scope;
    }

    Value eval(Expr e) {
        if (e instanceof Expr.Num n) {
            return new Value.Num(n.value());
        } else if (e instanceof Expr.Str s) {
            return new Value.Str(s.value());
        } else if (e instanceof Expr.Name n) {
            return name(n);
        } else if (e instanceof Expr.Neg n) {
            return negate(n);
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.ListOf l) {
            return new Value.ListOf(l.items().stream().map(this::eval).toList());
        } else if (e instanceof Expr.Call c) {
            return call(c);
        } else if (e instanceof Expr.Index i) {
            return index(i);
        }
        return layout((Expr.As) e);
    }

    private Value name(Expr.Name n) {
        Value v = scope.constants.get(n.name());
        if (v != null) {
            return v;
        }
        if (scope.laterConstants.contains(n.name())) {
            return error(n.span(), "constant '" + n.name() + "' is used before its definition");
        }
        if (scope.weights.containsKey(n.name())) {
            return error(n.span(), "'" + n.name() + "' is a weights file; pick a tensor with " + n.name()
                    + "[\"key\"]");
        }
        return new Value.Word(n.name(), n.span());
    }

    /** A number from a value, reporting unknown names (bare words) with suggestions. */
    Double number(Value v, SourceSpan span, String what) {
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Word w) {
            unknownName(w);
        } else if (!(v instanceof Value.Invalid)) {
            diagnostics.error(span, what + " must be a number, not " + v.describe());
        }
        return null;
    }

    void unknownName(Value.Word w) {
        if (w.name().equals("never")) {
            diagnostics.error(w.span(), "'never' is a spike time (t = ∞) and does not fit here");
            return;
        }
        diagnostics.error(w.span(), "unknown name '" + w.name() + "'" + Suggest.didYouMean(w.name(),
                allNames()));
    }

    private java.util.Set<String> allNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(scope.valueNames());
        names.addAll(scope.weights.keySet());
        return names;
    }

    private Value negate(Expr.Neg n) {
        Double v = number(eval(n.operand()), n.operand().span(), "the operand of '-'");
        return v == null ? Value.INVALID : new Value.Num(-v);
    }

    private Value binary(Expr.Binary b) {
        Double l = number(eval(b.left()), b.left().span(), "the left side of '" + b.op() + "'");
        Double r = number(eval(b.right()), b.right().span(), "the right side of '" + b.op() + "'");
        if (l == null || r == null) {
            return Value.INVALID;
        }
        if (b.op() == '/' && r == 0) {
            return error(b.span(), "division by zero");
        }
        return new Value.Num(switch (b.op()) {
            case '+' -> l + r;
            case '-' -> l - r;
            case '*' -> l * r;
            default -> l / r;
        });
    }

    private Value call(Expr.Call c) {
        Builtins.Function f = Builtins.FUNCTIONS.get(c.fn());
        if (f == null) {
            return option(c);
        }
        List<Double> args = new ArrayList<>();
        for (Arg a : c.args()) {
            if (!a.positional()) {
                return error(a.keySpan(), c.fn() + "() takes no named arguments");
            }
            args.add(number(eval(a.value()), a.value().span(), "the argument of " + c.fn() + "()"));
        }
        if (args.contains(null)) {
            return Value.INVALID;
        }
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            return error(c.fnSpan(), c.fn() + "() takes " + f.arity() + ", not " + args.size());
        }
        return f.apply(c, args, this);
    }

    Value error(SourceSpan span, String message) {
        diagnostics.error(span, message);
        return Value.INVALID;
    }

    /** Calls that are not arithmetic are option values, e.g. {@code qat_tanh(bits = 8)}. */
    private Value option(Expr.Call c) {
        Map<String, Value> args = new LinkedHashMap<>();
        Map<String, SourceSpan> spans = new LinkedHashMap<>();
        int position = 0;
        for (Arg a : c.args()) {
            String key = a.positional() ? "#" + position++ : a.key();
            if (args.containsKey(key)) {
                diagnostics.error(a.span(), "argument '" + key + "' is given twice");
                continue;
            }
            args.put(key, eval(a.value()));
            spans.put(key, a.value().span());
        }
        return new Value.Option(c.fn(), args, spans, c.fnSpan());
    }

    private Value index(Expr.Index i) {
        if (i.target() instanceof Expr.Name n && scope.weights.containsKey(n.name())) {
            return TensorKeys.lookup(scope.weights.get(n.name()), n.name(), i, this);
        }
        Value target = eval(i.target());
        if (target instanceof Value.TensorRef t) {
            return TensorSlicing.slice(t, i, this);
        }
        if (target instanceof Value.Word w && !scope.weights.containsKey(w.name())) {
            return error(w.span(), "unknown weights file '" + w.name() + "'"
                    + Suggest.didYouMean(w.name(), scope.weights.keySet()));
        }
        if (target instanceof Value.Invalid) {
            return target;
        }
        return error(i.target().span(), "only tensors can be indexed, not " + target.describe());
    }

    private Value layout(Expr.As a) {
        Value v = eval(a.value());
        if (v instanceof Value.Invalid) {
            return v;
        }
        if (!(v instanceof Value.TensorRef t)) {
            return error(a.value().span(), "'as' gives a tensor its layout, but this is " + v.describe());
        }
        Layout layout = Layouts.parse(a.layout(), diagnostics);
        return layout == null ? Value.INVALID : new Value.TensorRef(t.tensor(), t.origin(), layout);
    }

    TensorFile weightsFile(String name) {
        return scope.weights.get(name);
    }
}
