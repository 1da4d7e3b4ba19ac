package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceSpan;
import org.firstspike.diag.Suggest;
import org.firstspike.dsl.ast.Arg;
import org.firstspike.dsl.ast.Expr;

/**
 * Typed access to the named arguments of a call ({@code conv2d(x, out = 32, kernel = 3)}) or an
 * option value ({@code qat_tanh(bits = 8)}). Every getter reports a positioned error and returns
 * null when the argument is missing or has the wrong kind; {@link #finish()} reports arguments no
 * getter asked for, with the closest known name.
 */
final class Args {
    private record Entry(Supplier<Value> value, SourceSpan keySpan, SourceSpan valueSpan) {
    }

    private final String owner;
    private final SourceSpan ownerSpan;
    private final Evaluator ev;
    private final List<Expr> positional = new ArrayList<>();
    private final Map<String, Entry> named = new LinkedHashMap<>();
    private final Map<String, Value> evaluated = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    /** A {@code time} or {@code neuron} block read as arguments: messages speak of settings. */
    private boolean block;

    private Args(String owner, SourceSpan ownerSpan, Evaluator ev) {
        this.owner = owner;
        this.ownerSpan = ownerSpan;
        this.ev = ev;
    }

    static Args of(Expr.Call call, Evaluator ev) {
        Args a = new Args(call.fn(), call.fnSpan(), ev);
        for (Arg arg : call.args()) {
            if (arg.positional()) {
                if (!a.named.isEmpty()) {
                    // Reported once here; it does not also count against the op's positional arguments.
                    ev.diagnostics().error(arg.value().span(), "positional argument after named ones in "
                            + call.fn() + "()");
                    continue;
                }
                a.positional.add(arg.value());
            } else if (a.named.containsKey(arg.key())) {
                ev.diagnostics().error(arg.keySpan(), "argument '" + arg.key() + "' is given twice");
            } else {
                a.named.put(arg.key(), new Entry(() -> ev.eval(arg.value()), arg.keySpan(), arg.value().span()));
            }
        }
        return a;
    }

    static Args of(Value.Option option, Evaluator ev) {
        Args a = new Args(option.name(), option.span(), ev);
        option.args().forEach((k, v) -> {
            SourceSpan span = option.argSpans().get(k);
            if (k.startsWith("#")) {
                ev.diagnostics().error(span, option.name() + "() takes named arguments only");
            } else {
                a.named.put(k, new Entry(() -> v, span, span));
            }
        });
        return a;
    }

    /** Marks these as the settings of a block, e.g. "the time block needs 't_max'". */
    Args asBlock() {
        block = true;
        return this;
    }

    /**
     * Declares every argument the owner takes, so {@link #finish()} judges names correctly even when a
     * builder stops early (an error in one argument must not make the later ones look unknown).
     */
    void expect(String... keys) {
        known.addAll(List.of(keys));
    }

    String owner() {
        return owner;
    }

    SourceSpan ownerSpan() {
        return ownerSpan;
    }

    List<Expr> positional() {
        return positional;
    }

    Diagnostics diagnostics() {
        return ev.diagnostics();
    }

    Evaluator evaluator() {
        return ev;
    }

    boolean has(String key) {
        known.add(key);
        return named.containsKey(key);
    }

    /** Where to point for a message about {@code key}: its value, or the call when absent. */
    SourceSpan span(String key) {
        Entry e = named.get(key);
        return e == null ? ownerSpan : e.valueSpan();
    }

    void error(String key, String message) {
        ev.diagnostics().error(span(key), message);
    }

    /** The evaluated value, or null when absent (reporting it if {@code required}). */
    Value value(String key, boolean required) {
        known.add(key);
        Entry e = named.get(key);
        if (e == null) {
            if (required) {
                ev.diagnostics().error(ownerSpan, block ? "the " + owner + " block needs '" + key + "'"
                        : owner + "() needs argument '" + key + "'");
            }
            return null;
        }
        return evaluated.computeIfAbsent(key, k -> e.value().get());
    }

    Double number(String key, Double dflt) {
        Value v = value(key, dflt == null);
        if (v == null) {
            return dflt;
        }
        Double d = ev.number(v, span(key), "'" + key + "'");
        if (d != null && !Double.isFinite(d)) {
            error(key, "'" + key + "' must be finite, not " + Format.number(d));
            return null;
        }
        return d;
    }

    Double positive(String key, Double dflt) {
        Double d = number(key, dflt);
        if (d != null && d <= 0) {
            error(key, "'" + key + "' must be positive, not " + Format.number(d));
            return null;
        }
        return d;
    }

    Integer integer(String key, Integer dflt, int min) {
        Value v = value(key, dflt == null);
        return v == null ? dflt : toInt(v, key, min);
    }

    private Integer toInt(Value v, String key, int min) {
        Double d = ev.number(v, span(key), "'" + key + "'");
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > 1e9) {
            error(key, "'" + key + "' must be an integer, not " + Format.number(d));
            return null;
        }
        if (d < min) {
            error(key, "'" + key + "' must be at least " + min + ", not " + Format.number(d));
            return null;
        }
        return (int) (double) d;
    }

    /** An integer or a list of integers whose length is one of {@code lengths}; a single one repeats. */
    int[] ints(String key, int[] dflt, int min, int... lengths) {
        Value v = value(key, dflt == null);
        if (v == null) {
            return dflt;
        }
        List<Value> items = v instanceof Value.ListOf l ? l.items() : List.of(v);
        boolean lengthOk = !(v instanceof Value.ListOf) || java.util.Arrays.stream(lengths).anyMatch(n -> n == items.size());
        if (!lengthOk) {
            error(key, "'" + key + "' must be an integer or a list of " + lengthsText(lengths)
                    + " integers, not a list of " + items.size());
            return null;
        }
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            Integer n = toInt(items.get(i), key, min);
            if (n == null) {
                return null;
            }
            out[i] = n;
        }
        return out;
    }

    private static String lengthsText(int[] lengths) {
        return String.join(" or ", java.util.Arrays.stream(lengths).mapToObj(Integer::toString).toList());
    }

    /** One of a fixed set of option words, e.g. {@code order = nchw}. */
    <E> E word(String key, Map<String, E> options, E dflt) {
        Value v = value(key, dflt == null);
        if (v == null || v instanceof Value.Invalid) {
            return v == null ? dflt : null;
        }
        if (v instanceof Value.Word w && options.containsKey(w.name())) {
            return options.get(w.name());
        }
        String shown = v instanceof Value.Word w ? "'" + w.name() + "'" : v.describe();
        String hint = v instanceof Value.Word w ? Suggest.didYouMean(w.name(), options.keySet()) : "";
        error(key, "'" + key + "' must be one of " + String.join(", ", new java.util.TreeSet<>(options.keySet()))
                + ", not " + shown + hint);
        return null;
    }

    Value.TensorRef tensor(String key, boolean required) {
        Value v = value(key, required);
        if (v == null || v instanceof Value.Invalid) {
            return null;
        }
        if (v instanceof Value.TensorRef t) {
            return t;
        }
        if (v instanceof Value.Word w) {
            ev.unknownName(w);
            return null;
        }
        error(key, "'" + key + "' must be a tensor from a weights file, e.g. sd[\"key\"], not " + v.describe());
        return null;
    }

    /** A spike time: {@code t(x)}, {@code z(x)} or the word {@code never}. */
    Value.Time time(String key, Value.Time dflt) {
        Value v = value(key, dflt == null);
        if (v == null || v instanceof Value.Invalid) {
            return v == null ? dflt : null;
        }
        if (v instanceof Value.Time t) {
            return t;
        }
        if (v instanceof Value.Word w && w.name().equals("never")) {
            return new Value.Time(true, Double.POSITIVE_INFINITY);
        }
        error(key, "'" + key + "' is a spike time: write t(...), z(...) or never, not " + v.describe());
        return null;
    }

    /** An option value such as {@code qat_tanh(bits = 8)}; a bare word counts as one without arguments. */
    Value.Option option(String key, Set<String> names, Value.Option dflt) {
        Value v = value(key, dflt == null);
        if (v == null || v instanceof Value.Invalid) {
            return v == null ? dflt : null;
        }
        Value.Option o = v instanceof Value.Word w
                ? new Value.Option(w.name(), Map.of(), Map.of(), w.span()) : v instanceof Value.Option op ? op : null;
        if (o == null || !names.contains(o.name())) {
            String shown = o != null ? "'" + o.name() + "'" : v.describe();
            String hint = o != null ? Suggest.didYouMean(o.name(), names) : "";
            error(key, "'" + key + "' must be one of " + String.join(", ", new java.util.TreeSet<>(names)) + ", not "
                    + shown + hint);
            return null;
        }
        return o;
    }

    /** Reports named arguments that are neither expected nor asked for; true if there were none. */
    boolean finish() {
        boolean clean = true;
        for (Map.Entry<String, Entry> e : named.entrySet()) {
            if (!known.contains(e.getKey())) {
                ev.diagnostics().error(e.getValue().keySpan(), (block ? "unknown setting '" + e.getKey() + "' in the "
                        + owner + " block" : "unknown argument '" + e.getKey() + "' for " + owner + "()")
                        + Suggest.didYouMean(e.getKey(), known));
                clean = false;
            }
        }
        return clean;
    }
}
