package org.firstspike.dsl.ast;

import org.firstspike.diag.SourceSpan;

/** A call argument; {@code key} is null for a positional one. */
public record Arg(String key, SourceSpan keySpan, Expr value) {

    public boolean positional() {
        return key == null;
    }

    public SourceSpan span() {
        return keySpan != null ? keySpan : value.span();
    }
}
