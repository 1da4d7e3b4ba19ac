package org.firstspike.ir;

import org.firstspike.diag.SourceFile;
import org.firstspike.diag.SourceSpan;

/** Where in the .ttfs source an IR node came from, kept so later passes can report positioned errors. */
public record Origin(int line, int column, int length) {

    public static Origin of(SourceSpan span) {
        return span == null ? null : new Origin(span.line(), span.column(), span.length());
    }

    public SourceSpan span(SourceFile file) {
        return new SourceSpan(file, line, column, length);
    }
}
