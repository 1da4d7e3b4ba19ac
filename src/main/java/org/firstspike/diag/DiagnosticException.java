package org.firstspike.diag;

import java.util.List;

/**
 * Carries user-facing diagnostics up to the CLI, which prints them and exits 1. It is the
 * one exception type any stage throws for bad input; anything else is a FirstSpike bug.
 */
public final class DiagnosticException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public DiagnosticException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).message(), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public DiagnosticException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public static DiagnosticException fileError(String file, String message) {
        return new DiagnosticException(Diagnostic.fileError(file, message));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
