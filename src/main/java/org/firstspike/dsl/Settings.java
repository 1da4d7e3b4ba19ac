package org.firstspike.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.firstspike.diag.Diagnostics;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Setting;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.model.LastInputSentinel;
import org.firstspike.model.NextInputTest;
import org.firstspike.model.NeuronModel;
import org.firstspike.model.TimeBase;

/** The {@code time} and {@code neuron} blocks. */
final class Settings {
    private Settings() {
    }

    static final Map<String, NextInputTest> NEXT_INPUT_TESTS = Map.of("ge", NextInputTest.GE, "gt", NextInputTest.GT);
    static final Map<String, LastInputSentinel> SENTINELS =
            Map.of("inf", LastInputSentinel.INFINITY, "one", LastInputSentinel.ONE);

    /** Reads a block as if it were the named arguments of a call, so it shares all checks. */
    static Args asArgs(Stmt.Settings block, Evaluator ev) {
        Map<String, Setting> seen = new LinkedHashMap<>();
        java.util.List<org.firstspike.dsl.ast.Arg> args = new java.util.ArrayList<>();
        for (Setting s : block.settings()) {
            if (seen.containsKey(s.key())) {
                ev.diagnostics().error(s.keySpan(), "'" + s.key() + "' is set twice in the " + block.block() + " block");
                continue;
            }
            seen.put(s.key(), s);
            args.add(new org.firstspike.dsl.ast.Arg(s.key(), s.keySpan(), s.value()));
        }
        return Args.of(new Expr.Call(block.block(), block.span(), args, block.span()), ev).asBlock();
    }

    static NeuronModel neuron(Stmt.Settings block, Evaluator ev) {
        Diagnostics d = ev.diagnostics();
        if (block == null) {
            return new NeuronModel(1.0, 1.0, NextInputTest.GE, LastInputSentinel.INFINITY);
        }
        Args a = asArgs(block, ev);
        a.word("model", Map.of(NeuronModel.MODEL_NAME, NeuronModel.MODEL_NAME), NeuronModel.MODEL_NAME);
        Double threshold = a.positive("threshold", 1.0);
        Double tau = a.positive("tau_syn", 1.0);
        NextInputTest next = a.word("next_input_test", NEXT_INPUT_TESTS, NextInputTest.GE);
        LastInputSentinel last = a.word("last_input_sentinel", SENTINELS, LastInputSentinel.INFINITY);
        a.finish();
        if (threshold == null || tau == null || next == null || last == null) {
            d.note(block.span(), "the neuron block has errors; using defaults for the rest of the check");
            return new NeuronModel(1.0, 1.0, NextInputTest.GE, LastInputSentinel.INFINITY);
        }
        return new NeuronModel(threshold, tau, next, last);
    }

    /** The time base; {@code no_spike} defaults to the spike time t_max. */
    static TimeBase time(Stmt.Settings block, double tauSyn, Evaluator ev) {
        Args a = asArgs(block, ev);
        Double tMax = a.positive("t_max", null);
        Value.Time noSpike = a.time("no_spike", tMax == null ? null : new Value.Time(false, tMax));
        a.finish();
        if (tMax == null || noSpike == null) {
            return null;
        }
        double z = noSpike.zDomain() ? noSpike.value() : Math.exp(noSpike.value() / tauSyn);
        if (z < Math.exp(tMax / tauSyn) * (1 - 1e-6)) {
            a.error("no_spike", "no_spike must not come before t_max: it is t = "
                    + Format.number(tauSyn * Math.log(z)) + ", t_max = " + Format.number(tMax));
            return null;
        }
        if (Double.isInfinite(z)) {
            a.error("no_spike", "no_spike must be a finite time: the reference compares and multiplies it");
            return null;
        }
        return new TimeBase(tMax, z, tauSyn);
    }
}
