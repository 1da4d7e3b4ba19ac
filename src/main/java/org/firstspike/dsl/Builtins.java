package org.firstspike.dsl;

import java.util.List;
import java.util.Map;
import org.firstspike.dsl.ast.Expr;

/** The arithmetic functions of the language and the time constructors {@code t()} and {@code z()}. */
final class Builtins {
    private Builtins() {
    }

    @FunctionalInterface
    interface Body {
        Value apply(Expr.Call call, List<Double> args, Evaluator ev);
    }

    record Function(int minArgs, int maxArgs, Body body) {
        String arity() {
            return minArgs == maxArgs ? minArgs + (minArgs == 1 ? " argument" : " arguments")
                    : minArgs + " or more arguments";
        }

        Value apply(Expr.Call call, List<Double> args, Evaluator ev) {
            return body.apply(call, args, ev);
        }
    }

    static final Map<String, Function> FUNCTIONS = Map.ofEntries(
            Map.entry("exp", unary(Math::exp)),
            Map.entry("sqrt", new Function(1, 1, (c, a, ev) -> a.get(0) < 0
                    ? ev.error(c.span(), "sqrt of a negative number") : new Value.Num(Math.sqrt(a.get(0))))),
            Map.entry("ln", new Function(1, 1, Builtins::ln)),
            Map.entry("abs", unary(Math::abs)),
            // Rounds to the nearest float32: the trainer's constants (e.g. float32(e^6)) exactly.
            Map.entry("f32", unary(v -> (double) (float) v)),
            Map.entry("min", new Function(2, Integer.MAX_VALUE,
                    (c, a, ev) -> new Value.Num(a.stream().mapToDouble(Double::doubleValue).min().orElseThrow()))),
            Map.entry("max", new Function(2, Integer.MAX_VALUE,
                    (c, a, ev) -> new Value.Num(a.stream().mapToDouble(Double::doubleValue).max().orElseThrow()))),
            Map.entry("t", new Function(1, 1, (c, a, ev) -> time(c, false, a.get(0), ev))),
            Map.entry("z", new Function(1, 1, (c, a, ev) -> time(c, true, a.get(0), ev))));

    private static Function unary(java.util.function.DoubleUnaryOperator f) {
        return new Function(1, 1, (c, a, ev) -> new Value.Num(f.applyAsDouble(a.get(0))));
    }

    private static Value ln(Expr.Call c, List<Double> a, Evaluator ev) {
        return a.get(0) <= 0 ? ev.error(c.span(), "ln of a number that is not positive")
                : new Value.Num(Math.log(a.get(0)));
    }

    private static Value time(Expr.Call c, boolean z, double v, Evaluator ev) {
        if (Double.isNaN(v)) {
            return ev.error(c.span(), "a spike time cannot be NaN");
        }
        if (z && v <= 0) {
            return ev.error(c.span(), "z = e^t must be positive, not " + Format.number(v));
        }
        return new Value.Time(z, v);
    }
}
