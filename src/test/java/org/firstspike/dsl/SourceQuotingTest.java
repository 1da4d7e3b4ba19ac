package org.firstspike.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.firstspike.diag.Diagnostic;
import org.firstspike.diag.DiagnosticPrinter;
import org.junit.jupiter.api.Test;

/** Positions and quoted lines stay right when the source holds characters that are not plain ASCII. */
class SourceQuotingTest {
    private static final Path DENSE = Path.of("src/test/resources/malformed/weights/program.ttfs");

    private static List<Diagnostic> errors(String text) {
        Frontend.Result r = Frontend.check("q.ttfs", DENSE, text);
        assertFalse(r.ok());
        return r.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    private static String program(String layerLine) {
        return "network q;\nweights w = json(\"tiny.json\");\ntime { t_max = 6; no_spike = t(6); }\n"
                + "input x = spikes(shape = [4]);\n" + layerLine + "\noutput y decode first_spike();\n";
    }

    @Test
    void columnsCountJavaCharsSoTheCaretStaysUnderTheErrorAfterAnEmoji() {
        String line = "y = dense(x, out = 2, weight = w[\"fc.weight\"], note = \"\uD83E\uDDE0\uD83E\uDDE0\", threshold = -1);";
        List<Diagnostic> e = errors(program(line));
        Diagnostic threshold = e.stream().filter(d -> d.message().contains("threshold")).findFirst().orElseThrow();
        assertEquals(5, threshold.span().line());
        assertEquals(line.indexOf("-1") + 1, threshold.span().column());
        String[] out = DiagnosticPrinter.render(threshold).split("\n");
        assertEquals("    5 | " + line, out[1]);
        assertEquals(8 + line.indexOf("-1"), out[2].indexOf('^'));
    }

    @Test
    void controlCharactersAreQuotedVisiblyWithoutMovingTheCaret() {
        String line = "y = dense(x, out = 2,\u001b[31m weight = w[\"fc.weight\"]);";
        List<Diagnostic> e = errors(program(line));
        assertEquals(1, e.size(), e.toString());
        Diagnostic d = e.get(0);
        assertEquals("unexpected character U+001B", d.message());
        assertEquals(line.indexOf('\u001b') + 1, d.span().column());
        String rendered = DiagnosticPrinter.render(d);
        assertFalse(rendered.contains("\u001b"), "an escape character reaches the terminal");
        String[] out = rendered.split("\n");
        assertEquals("    5 | " + line.replace('\u001b', '\u241b'), out[1]);
        assertEquals(8 + line.indexOf('\u001b'), out[2].indexOf('^'));
    }

    @Test
    void anInvisibleCharacterInATensorKeyIsShownInTheMessage() {
        List<Diagnostic> e = errors(program("y = dense(x, out = 2, weight = w[\"fc\u200b.weight\"]);"));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).message().startsWith("no tensor 'fc\\u200B.weight' in tiny.json; closest keys: 'fc.weight'"),
                e.get(0).message());
    }

    @Test
    void tabsAreQuotedAsSpaces() {
        String line = "y = dense(x,\tout = 2,\tweight = w[\"fc.weight\"],\tthreshold = 0);";
        Diagnostic d = errors(program(line)).get(0);
        assertEquals(line.indexOf("0)") + 1, d.span().column());
        String[] out = DiagnosticPrinter.render(d).split("\n");
        assertEquals("    5 | " + line.replace('\t', ' '), out[1]);
        assertTrue(out[2].endsWith("^"), out[2]);
        assertEquals(8 + line.indexOf("0)"), out[2].indexOf('^'));
    }
}
