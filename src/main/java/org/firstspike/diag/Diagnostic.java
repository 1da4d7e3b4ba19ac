package org.firstspike.diag;

import java.util.List;

/**
 * One message about the user's input. {@code span} may be null for problems that have no
 * place in a source file (then only {@code file} names where it happened).
 */
public record Diagnostic(Severity severity, SourceSpan span, String file, String message, List<String> notes) {

    public Diagnostic {
        notes = List.copyOf(notes);
    }

    public static Diagnostic error(SourceSpan span, String message) {
        return new Diagnostic(Severity.ERROR, span, null, message, List.of());
    }

    public static Diagnostic warning(SourceSpan span, String message) {
        return new Diagnostic(Severity.WARNING, span, null, message, List.of());
    }

    /** An error about a file that is not a source file (a data set, an output directory). */
    public static Diagnostic fileError(String file, String message) {
        return new Diagnostic(Severity.ERROR, null, file, message, List.of());
    }

    public Diagnostic withNote(String note) {
        var all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new Diagnostic(severity, span, file, message, all);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
