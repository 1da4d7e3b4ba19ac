package org.firstspike.dsl.ast;

import java.util.List;
import org.firstspike.diag.SourceSpan;

/** The {@code encoder kind(args) { steps }} clause of an input. */
public record Encoder(String kind, SourceSpan span, List<Arg> args, List<Expr.Call> steps) {
    public Encoder {
        args = List.copyOf(args);
        steps = List.copyOf(steps);
    }
}
