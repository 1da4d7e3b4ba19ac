package org.firstspike.dsl.ast;

import java.util.List;
import org.firstspike.diag.SourceSpan;

/** A top-level statement of a .ttfs program. */
public sealed interface Stmt {
    SourceSpan span();

    record Network(String name, SourceSpan span) implements Stmt {
    }

    record Const(String name, SourceSpan span, Expr value) implements Stmt {
    }

    /** {@code weights sd = torch("file.pt");} */
    record Weights(String name, SourceSpan span, Expr.Call source) implements Stmt {
    }

    /** A {@code time { ... }} or {@code neuron { ... }} block. */
    record Settings(String block, SourceSpan span, List<Setting> settings) implements Stmt {
        public Settings {
            settings = List.copyOf(settings);
        }
    }

    /** {@code input img = image(...) encoder ann { ... };} */
    record Input(String name, SourceSpan span, Expr.Call source, Encoder encoder) implements Stmt {
    }

    /** {@code a, b = op(...);} */
    record Layer(List<Expr.Name> targets, Expr.Call call) implements Stmt {
        public Layer {
            targets = List.copyOf(targets);
        }

        @Override
        public SourceSpan span() {
            return targets.get(0).span();
        }
    }

    /** {@code output y decode first_spike(...);} */
    record Output(String name, SourceSpan span, Expr.Call decode) implements Stmt {
    }
}
