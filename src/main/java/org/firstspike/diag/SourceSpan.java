package org.firstspike.diag;

/**
 * A position in a source file: 1-based line, 1-based column, and the length of the
 * marked text (at least 1) so the caret line can underline a whole token.
 */
public record SourceSpan(SourceFile file, int line, int column, int length) {

    public SourceSpan {
        length = Math.max(1, length);
    }

    public String location() {
        return file.displayName() + ":" + line + ":" + column;
    }
}
