package org.firstspike.dsl;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.firstspike.diag.SourceFile;
import org.firstspike.diag.SourceSpan;

/**
 * Turns ANTLR tokens and rule contexts into {@link SourceSpan}s. ANTLR counts code points; spans
 * count Java chars (UTF-16 units) like the quoted line, so a caret after an emoji stays in place.
 */
final class Spans {
    private Spans() {
    }

    static SourceSpan of(SourceFile file, Token t) {
        int len = t.getType() == Token.EOF ? 1 : Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
        return span(file, t, len);
    }

    /** The whole text of a rule, clipped to its first line so the caret stays on one line. */
    static SourceSpan of(SourceFile file, ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() != null ? ctx.getStop() : start;
        return span(file, start, Math.max(1, stop.getStopIndex() - start.getStartIndex() + 1));
    }

    /** Just after the end of token {@code t}: where a missing ';' belongs. */
    static SourceSpan after(SourceFile file, Token t) {
        String text = t.getText() == null || t.getType() == Token.EOF ? "" : t.getText();
        int nl = text.lastIndexOf('\n');
        int line = t.getLine() + (int) text.chars().filter(c -> c == '\n').count();
        int col = nl >= 0 ? text.length() - nl : charIndex(file.line(t.getLine()), t.getCharPositionInLine())
                + text.length() + 1;
        return new SourceSpan(file, line, col, 1);
    }

    /** {@code codePoints} code points from {@code t}'s start, in chars and clipped to its first line. */
    private static SourceSpan span(SourceFile file, Token t, int codePoints) {
        String line = file.line(t.getLine());
        int start = charIndex(line, t.getCharPositionInLine());
        int end = start < line.length() ? charIndex(line.substring(start), codePoints) + start : start + 1;
        return new SourceSpan(file, t.getLine(), start + 1, Math.max(1, Math.min(end, line.length()) - start));
    }

    /** The char index of code point {@code cp} of {@code line}; past the end, counted on as if one char each. */
    private static int charIndex(String line, int cp) {
        int count = line.codePointCount(0, line.length());
        return cp <= count ? line.offsetByCodePoints(0, cp) : line.length() + (cp - count);
    }
}
