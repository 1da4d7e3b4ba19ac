package org.firstspike.dsl;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.firstspike.diag.SourceFile;
import org.firstspike.diag.SourceSpan;

/** Turns ANTLR tokens and rule contexts into {@link SourceSpan}s. */
final class Spans {
    private Spans() {
    }

    static SourceSpan of(SourceFile file, Token t) {
        int len = t.getType() == Token.EOF ? 1 : Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
        return new SourceSpan(file, t.getLine(), t.getCharPositionInLine() + 1, firstLine(file, t, len));
    }

    /** The whole text of a rule, clipped to its first line so the caret stays on one line. */
    static SourceSpan of(SourceFile file, ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() != null ? ctx.getStop() : start;
        int len = Math.max(1, stop.getStopIndex() - start.getStartIndex() + 1);
        return new SourceSpan(file, start.getLine(), start.getCharPositionInLine() + 1, firstLine(file, start, len));
    }

    /** Just after the end of token {@code t}: where a missing ';' belongs. */
    static SourceSpan after(SourceFile file, Token t) {
        String text = t.getText() == null ? "" : t.getText();
        int nl = text.lastIndexOf('\n');
        int line = t.getLine() + (int) text.chars().filter(c -> c == '\n').count();
        int col = nl >= 0 ? text.length() - nl : t.getCharPositionInLine() + text.length() + 1;
        return new SourceSpan(file, line, col, 1);
    }

    private static int firstLine(SourceFile file, Token t, int len) {
        int room = file.line(t.getLine()).length() - t.getCharPositionInLine();
        return Math.max(1, Math.min(len, room));
    }
}
