package org.firstspike.dsl.ast;

import org.firstspike.diag.SourceSpan;

/** {@code key = value;} inside a {@code time} or {@code neuron} block. */
public record Setting(String key, SourceSpan keySpan, Expr value) {
}
