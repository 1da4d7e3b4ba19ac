package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.firstspike.testing.CliRun;

/**
 * `firstspike check` on broken programs, as a user runs it: exit code 1, every error positioned
 * with its source line and a caret on stderr, and never a Java stack trace.
 */
class CheckErrorsTest {
    private static final Path MALFORMED = Path.of("src/test/resources/malformed");
    private static final Pattern EXPECT = Pattern.compile("// expect: (\\d+):(\\d+): error: (.+)");


    private static void assertNoStackTrace(CliRun r) {
        for (String s : List.of(r.out(), r.err())) {
            assertFalse(s.contains("at org.") || s.contains("Exception") || s.contains("internal error"),
                    "looks like a stack trace:\n" + s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing_semicolon", "unknown_layer", "truncated_npy", "errors_in_parallel_branches"})
    void brokenProgramsExitOneWithPositionedErrors(String name) throws IOException {
        Path file = corpusFile(name);
        List<String> source = Files.readAllLines(file, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("check", file.toString());
        assertEquals(1, r.code(), r.err());
        assertNoStackTrace(r);
        assertFalse(r.out().contains(": ok"), r.out());
        List<String> err = List.of(r.err().split("\n"));
        int expected = 0;
        for (String header : source) {
            Matcher m = EXPECT.matcher(header);
            if (!m.matches()) {
                break;
            }
            expected++;
            int line = Integer.parseInt(m.group(1));
            int col = Integer.parseInt(m.group(2));
            String head = file + ":" + line + ":" + col + ": error: ";
            int at = indexOf(err, head, m.group(3));
            assertTrue(at >= 0, "no '" + head + "…" + m.group(3) + "' in:\n" + r.err());
            String gutter = String.format("%5d | ", line);
            assertEquals(gutter + source.get(line - 1), err.get(at + 1), "source line after the message");
            String caret = err.get(at + 2);
            assertTrue(caret.startsWith(" ".repeat(gutter.length() - 2) + "| "), caret);
            assertEquals(gutter.length() + col - 1, caret.indexOf('^'), "caret under column " + col + ":\n"
                    + err.get(at + 1) + "\n" + caret);
        }
        assertTrue(expected >= 1);
        long errors = err.stream().filter(l -> l.startsWith(file + ":") && l.contains(": error: ")).count();
        assertEquals(expected, errors, "every error, and only those, is reported:\n" + r.err());
        if (expected > 1) {
            assertTrue(r.err().contains(expected + " errors"), r.err());
        }
    }

    /** The corpus file NN_{@code name}.ttfs, whatever its number. */
    private static Path corpusFile(String name) throws IOException {
        try (var files = Files.list(MALFORMED)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d_" + name + "\\.ttfs")).findFirst()
                    .orElseThrow(() -> new AssertionError("no corpus file *_" + name + ".ttfs"));
        }
    }

    private static int indexOf(List<String> lines, String head, String message) {
        for (int i = 0; i + 2 < lines.size(); i++) {
            if (lines.get(i).startsWith(head) && lines.get(i).contains(message)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void jsonOutputListsTheErrorsToo() throws IOException {
        Path file = corpusFile("errors_in_parallel_branches");
        CliRun r = CliRun.of("check", file.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        assertNoStackTrace(r);
        assertTrue(r.out().contains("\"ok\" : false") || r.out().contains("\"ok\":false"), r.out());
        assertTrue(r.err().contains(file + ":40:13: error: unknown layer 'z22'"), r.err());
    }

    @Test
    void unreadableFilesAreErrorsNotCrashes(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("check", dir.resolve("nope.ttfs").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.ttfs: error: no such file"), missing.err());
        assertNoStackTrace(missing);

        CliRun directory = CliRun.of("check", dir.toString());
        assertEquals(1, directory.code());
        assertTrue(directory.err().contains("is a directory"), directory.err());
        assertNoStackTrace(directory);

        Path latin1 = dir.resolve("latin1.ttfs");
        Files.write(latin1, "network caf\u00e9;\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun notUtf8 = CliRun.of("check", latin1.toString());
        assertEquals(1, notUtf8.code());
        assertTrue(notUtf8.err().startsWith(latin1 + ":1:12: error: the file is not UTF-8 text: byte 0xE9"),
                notUtf8.err());
        assertTrue(notUtf8.err().contains("    1 | network caf\uFFFD;"), notUtf8.err());
        assertNoStackTrace(notUtf8);
    }
}
