package org.firstspike.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every diagnostic of a run so all errors are reported together. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void error(SourceSpan span, String message) {
        add(Diagnostic.error(span, message));
    }

    public void warning(SourceSpan span, String message) {
        add(Diagnostic.warning(span, message));
    }

    /** Context for other diagnostics (e.g. how the check carries on after an error); never fails a run. */
    public void note(SourceSpan span, String message) {
        add(new Diagnostic(Severity.NOTE, span, null, message, java.util.List.of()));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) items.stream().filter(Diagnostic::isError).count();
    }

    /** In source order (line, column), file-level ones first, so output is deterministic. */
    public List<Diagnostic> sorted() {
        Comparator<Diagnostic> byPos = Comparator.comparingInt(d -> d.span() == null ? 0 : d.span().line());
        byPos = byPos.thenComparingInt(d -> d.span() == null ? 0 : d.span().column());
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(byPos);
        return copy;
    }

    /** Throws a {@link DiagnosticException} carrying everything collected, if any error was. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new DiagnosticException(sorted());
        }
    }
}
