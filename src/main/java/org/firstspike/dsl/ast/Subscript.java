package org.firstspike.dsl.ast;

import org.firstspike.diag.SourceSpan;

/** One subscript: a point {@code i} ({@code start} only) or a slice {@code start:stop} (either may be null). */
public record Subscript(Expr start, Expr stop, boolean slice, SourceSpan span) {
}
