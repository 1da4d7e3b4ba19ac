package org.firstspike.diag;

import java.util.List;

/**
 * Renders diagnostics the way compilers do:
 * <pre>
 * net.ttfs:12:5: error: unknown layer 'z9'; did you mean 'z2'?
 *    12 | y = dense(z9, out = 10);
 *       |           ^^
 * </pre>
 */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {
    }

    public static String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(render(d));
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        if (errors > 1) {
            out.append(errors).append(" errors\n");
        }
        return out.toString();
    }

    public static String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        SourceSpan s = d.span();
        String where = s != null ? s.location() : d.file() != null ? d.file() : "firstspike";
        out.append(where).append(": ").append(d.severity().label()).append(": ").append(d.message()).append('\n');
        if (s != null) {
            appendQuote(out, s);
        }
        for (String note : d.notes()) {
            out.append("      = note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static void appendQuote(StringBuilder out, SourceSpan s) {
        String line = printable(s.file().line(s.line()));
        String gutter = String.format("%5d | ", s.line());
        out.append(gutter).append(line).append('\n');
        int col = Math.max(1, Math.min(s.column(), line.length() + 1));
        int len = Math.max(1, Math.min(s.length(), line.length() - col + 1));
        out.append(" ".repeat(gutter.length() - 2)).append("| ")
                .append(" ".repeat(col - 1)).append("^".repeat(len)).append('\n');
    }

    /**
     * The source line as it can be shown: a tab as a space, and other control characters (which could
     * move the cursor or recolour the terminal) as their visible "control pictures" (U+2400…), each
     * still one char so the caret stays under its column.
     */
    private static String printable(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                sb.append(' ');
            } else if (c < 0x20) {
                sb.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                sb.append('\u2421');
            } else if (Character.isISOControl(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
