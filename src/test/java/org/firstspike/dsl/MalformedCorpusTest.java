package org.firstspike.dsl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.firstspike.diag.Diagnostic;
import org.firstspike.diag.DiagnosticPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program under {@code src/test/resources/malformed/} is wrong on purpose. Its header lines
 * {@code // expect: LINE:COL: error: MESSAGE-PART} list every error the front end must report:
 * exactly those positions (as a multiset), each message containing its part, and nothing else.
 * Weight paths in the programs are relative to that directory, so the files are read in place
 * (not from target/test-classes).
 */
class MalformedCorpusTest {
    static final Path DIR = Path.of("src/test/resources/malformed");
    private static final Pattern EXPECT = Pattern.compile("// expect: (\\d+):(\\d+): error: (.+)");
    private static final Pattern NAME = Pattern.compile("\\d\\d_[a-z0-9_]+\\.ttfs");

    record Expected(int line, int column, String message) {
        String position() {
            return line + ":" + column;
        }
    }

    static List<Path> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ttfs")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> corpus() {
        return files().stream();
    }

    /** The header's expectations; they must come first in the file, before any other line. */
    static List<Expected> expectations(String text) {
        List<Expected> out = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            Matcher m = EXPECT.matcher(line);
            if (!m.matches()) {
                break;
            }
            out.add(new Expected(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).strip()));
        }
        return out;
    }

    @Test
    void corpusIsLargeAndWellFormed() throws IOException {
        List<Path> files = files();
        assertTrue(files.size() >= 60, "only " + files.size() + " malformed programs");
        int multi = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            assertTrue(NAME.matcher(name).matches(), name + " is not named NN_short_name.ttfs");
            String text = Files.readString(f);
            List<Expected> expected = expectations(text);
            assertFalse(expected.isEmpty(), name + " has no '// expect:' header");
            long all = text.lines().filter(l -> l.startsWith("// expect:")).count();
            assertEquals(expected.size(), all, name + ": every '// expect:' line must be in the header");
            multi += expected.size() >= 2 ? 1 : 0;
        }
        assertTrue(multi >= 5, "only " + multi + " files expect two or more errors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsExactlyTheExpectedErrors(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        List<Expected> expected = expectations(text);
        Frontend.Result r = assertDoesNotThrow(() -> Frontend.check(name, file, text), name);
        String rendered = assertDoesNotThrow(() -> DiagnosticPrinter.render(r.diagnostics()), name);
        assertFalse(r.ok(), name + " was accepted");
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        for (Diagnostic d : errors) {
            assertNotNull(d.span(), name + ": error without a position: " + d.message());
        }

        List<String> want = expected.stream().map(Expected::position).sorted().toList();
        List<String> got = errors.stream().map(d -> d.span().line() + ":" + d.span().column()).sorted().toList();
        assertEquals(want, got, name + ": error positions differ; the front end said:\n" + rendered);

        List<Diagnostic> unmatched = new ArrayList<>(errors);
        for (Expected e : expected) {
            Iterator<Diagnostic> it = unmatched.iterator();
            boolean found = false;
            while (it.hasNext()) {
                Diagnostic d = it.next();
                if (d.span().line() == e.line() && d.span().column() == e.column() && d.message().contains(e.message())) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                fail(name + ": no error at " + e.position() + " containing \"" + e.message() + "\"; the front end said:\n"
                        + rendered);
            }
        }

        List<String> lines = List.of(text.split("\r?\n", -1));
        for (Diagnostic d : errors) {
            assertRendersWithCaret(name, d, lines);
        }
        assertFalse(rendered.contains("Exception") || rendered.contains("\tat "), name + ":\n" + rendered);
    }

    /** {@code file:line:col: error: message}, then the source line, then a caret under the column. */
    static void assertRendersWithCaret(String name, Diagnostic d, List<String> lines) {
        String[] out = DiagnosticPrinter.render(d).split("\n");
        int line = d.span().line();
        int col = d.span().column();
        assertEquals(name + ":" + line + ":" + col + ": error: " + d.message(), out[0]);
        String source = lines.get(line - 1).replace('\t', ' ');
        assertEquals(String.format("%5d | %s", line, source), out[1], name + ": quoted line");
        String gutter = String.format("%5d | ", line);
        assertTrue(out[2].startsWith(" ".repeat(gutter.length() - 2) + "| "), name + ": caret gutter: " + out[2]);
        assertEquals(gutter.length() + col - 1, out[2].indexOf('^'), name + ": caret column for " + d.message()
                + "\n" + out[1] + "\n" + out[2]);
        assertTrue(out[2].substring(gutter.length()).matches(" *\\^+"), name + ": caret line: " + out[2]);
    }

    /** half.pt and truncated.npy are cut from files that read fine, so their errors are the cut's. */
    @Test
    void theWeightFixturesAreIntactExceptWhereCut() {
        String program = "network ok;\nweights w = torch(\"tiny.pt\");\ntime { t_max = 6; }\n"
                + "input x = spikes(shape = [4]);\ny = dense(x, out = 2, weight = w[\"fc.weight\"]);\n"
                + "output y decode first_spike();\n";
        Frontend.Result r = Frontend.check("ok.ttfs", DIR.resolve("weights/ok.ttfs"), program);
        assertTrue(r.ok(), DiagnosticPrinter.render(r.diagnostics()));
        Frontend.Result json = Frontend.check("ok.ttfs", DIR.resolve("weights/ok.ttfs"),
                program.replace("torch(\"tiny.pt\")", "json(\"tiny.json\")"));
        assertTrue(json.ok(), DiagnosticPrinter.render(json.diagnostics()));
    }

    @Test
    void anEmptyTextReportsEveryMissingPart() {
        for (String text : new String[] {"", "\n\n", "   \t \n"}) {
            Frontend.Result r = Frontend.check("empty.ttfs", null, text);
            assertFalse(r.ok());
            List<String> got = r.diagnostics().stream().filter(Diagnostic::isError)
                    .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList();
            assertEquals(3, got.size(), got.toString());
            assertTrue(got.stream().allMatch(g -> g.startsWith("1:1 missing ")), got.toString());
            assertTrue(got.stream().anyMatch(g -> g.contains("missing time block")), got.toString());
            assertTrue(got.stream().anyMatch(g -> g.contains("missing input")), got.toString());
            assertTrue(got.stream().anyMatch(g -> g.contains("missing output")), got.toString());
            assertDoesNotThrow(() -> DiagnosticPrinter.render(r.diagnostics()));
        }
    }
}
