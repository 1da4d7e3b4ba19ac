package org.firstspike.diag;

import java.nio.file.Path;
import java.util.List;

/** A source text with its display name, split into lines so diagnostics can quote them. */
public record SourceFile(String displayName, Path path, String text, List<String> lines) {

    public static SourceFile of(String displayName, Path path, String text) {
        return new SourceFile(displayName, path, text, List.of(text.split("\r?\n", -1)));
    }

    /** The 1-based line, or an empty string when out of range. */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
