package org.firstspike.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.firstspike.diag.Diagnostic;
import org.firstspike.diag.DiagnosticPrinter;
import org.firstspike.diag.SourceSpan;
import org.firstspike.dsl.parser.TtfsLexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of broken programs derived from the two example programs by seeded random edits of
 * their tokens and text. For every mutant the front end must not throw, must give at least one
 * error when it rejects the program, must place every diagnostic inside the mutant's text, and
 * its diagnostics must render. Cheap oracles catch bad messages too: no diagnostic twice, no
 * syntax error that expects the very token it found, no error at 1:1 unless it is about the
 * whole file (or the mutant's text really starts there).
 *
 * <p>Replay: the failure message names the seed and the mutant's index; run with
 * {@code -Dfirstspike.mutation.seed=S} (and {@code -Dfirstspike.mutation.index=I} for that mutant
 * alone). {@code -Dfirstspike.mutation.count=N} changes how many mutants are made, and
 * {@code -Dfirstspike.mutation.maxEdits=K} lets a quarter of them take up to K edits (default 2).
 */
class MutationTest {
    private static final long DEFAULT_SEED = 0x7_7F5_2024L;
    private static final int DEFAULT_COUNT = 3000;
    private static final int MIN_BROKEN = 2000;
    private static final List<Path> EXAMPLES = List.of(Path.of("examples/fmnist_shuffle_delay.ttfs"),
            Path.of("examples/fmnist_res_add.ttfs"));

    enum Op {
        DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, REPLACE_BY_FILE_TOKEN, REPLACE_BY_SYMBOL, CHANGE_NUMBER,
        RENAME_IDENTIFIER, DELETE_LINE, INSERT_OTHER_LINE, TRUNCATE, INSERT_GARBAGE
    }

    private static final String[] SYMBOLS = {";", ",", "(", ")", "[", "]", "{", "}", "=", "+", "-", "*", "/", ":",
        "as", "network", "const", "weights", "time", "neuron", "input", "output", "decode", "encoder", "\"", "\"x\"",
        "..", "@", "0", "x", "/*", "*/", "//"};

    private static final String[] NUMBERS = {"0", "-1", "1e308", "1e999", "-1e999", "1e-400", "99999999999999999999",
        "2147483648", "999999999", "1000000000", "0.5", "2.5", "1e-9", "NaN", "nan", "inf", "Infinity", "-0", "0x1F",
        "1_000", "1__0", "1.2.3", "2e", ".5", "5.", "1e+", "00007", "3.0000000001"};

    private static final String[] GARBAGE = {"\u0000", "\u0001", "\u0007", "\b", "\u001b[31m", "\u007f", "\u0085",
        "\u009f", "\r", "\t", "\f", "\u000b", "\uFFFD", "\uFFFD\uFFFD", "\uD800", "\uDC00", "\uFEFF", "\u00a0",
        "\u2028", "\u200b", "\uD83D\uDE00", "\u00e9", "\u202e", "\\", "\\n", "\"", "'", "`", "#", "$", "%", "&", "|",
        "~", "?", "!", "<", ">", "^"};

    /** "expected ';' or ',', found ';'" would be nonsense. */
    private static final Pattern CONTRADICTION = Pattern.compile("expected (.*), found '(.*)'$");

    record Tok(int start, int end, int type, String text) {
    }

    record Source(String name, Path path, String text, List<Tok> tokens, List<String> lines) {
    }

    record Mutant(long seed, int index, Source source, List<Op> ops, String text) {
        String describe() {
            return "mutant " + index + " of seed " + seed + " (" + source.name + ", " + ops + "); replay with -Dfirstspike"
                    + ".mutation.seed=" + seed + " -Dfirstspike.mutation.index=" + index + "\n--- mutant text (control"
                    + " characters as \\uXXXX) ---\n" + visible(text) + "\n--- end ---";
        }

        private static String visible(String s) {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                boolean plain = c == '\n' || c >= 0x20 && c < 0x7f || c > 0xa0 && !Character.isSurrogate(c)
                        && Character.getType(c) != Character.FORMAT;
                sb.append(plain ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
            return sb.toString();
        }
    }

    @Test
    void brokenProgramsNeverCrashTheFrontEnd() throws IOException {
        long seed = Long.getLong("firstspike.mutation.seed", DEFAULT_SEED);
        int count = Integer.getInteger("firstspike.mutation.count", DEFAULT_COUNT);
        int only = Integer.getInteger("firstspike.mutation.index", -1);
        List<Source> sources = new ArrayList<>();
        for (Path p : EXAMPLES) {
            String text = Files.readString(p);
            sources.add(new Source(p.getFileName().toString(), p, text, tokens(text), List.of(text.split("\n", -1))));
        }
        // The unmutated examples are fine; otherwise "broken" would count nothing.
        for (Source s : sources) {
            Frontend.Result r = Frontend.check(s.name, s.path, s.text);
            assertTrue(r.ok(), s.name + " does not check:\n" + DiagnosticPrinter.render(r.diagnostics()));
        }

        long t0 = System.nanoTime();
        int broken = 0;
        int checked = 0;
        Map<Op, int[]> byOp = new EnumMap<>(Op.class);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < count && problems.size() < 5; i++) {
            if (only >= 0 && i != only) {
                continue;
            }
            Mutant m = mutate(seed, i, sources);
            String problem = check(m);
            checked++;
            if (problem == null) {
                continue;
            }
            if (problem.isEmpty()) {
                broken++;
                for (Op op : m.ops) {
                    byOp.computeIfAbsent(op, k -> new int[1])[0]++;
                }
            } else {
                problems.add(problem + "\n" + m.describe());
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("MutationTest: seed %d, %d mutants checked, %d broken, %d ms (%.2f ms each); broken by op: %s%n",
                seed, checked, broken, ms, ms / (double) Math.max(1, checked), summary(byOp));
        if (!problems.isEmpty()) {
            fail(problems.size() + " mutant(s) broke the front end (seed " + seed + "):\n\n"
                    + String.join("\n\n", problems));
        }
        if (only < 0) {
            assertTrue(broken >= MIN_BROKEN, "only " + broken + " of " + checked + " mutants were rejected (seed " + seed
                    + "); the mutations are too gentle to test error handling");
        }
    }

    private static String summary(Map<Op, int[]> byOp) {
        List<String> parts = new ArrayList<>();
        byOp.forEach((op, n) -> parts.add(op.name().toLowerCase(Locale.ROOT) + "=" + n[0]));
        return String.join(", ", parts);
    }

    /**
     * Checks one mutant: null if it was accepted, "" if it was rejected properly, otherwise what went wrong.
     */
    static String check(Mutant m) {
        Frontend.Result r;
        String rendered;
        try {
            r = Frontend.check(m.source.name, m.source.path, m.text);
            rendered = DiagnosticPrinter.render(r.diagnostics());
        } catch (Throwable t) {
            java.io.StringWriter w = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(w));
            return "the front end threw " + w;
        }
        String[] lines = m.text.split("\r?\n", -1);
        for (Diagnostic d : r.diagnostics()) {
            SourceSpan s = d.span();
            if (s == null) {
                return "diagnostic without a position: " + d.message();
            }
            if (s.line() < 1 || s.line() > lines.length) {
                return "line " + s.line() + " is outside the mutant's 1.." + lines.length + ": " + d.message();
            }
            int max = lines[s.line() - 1].length() + 1;
            if (s.column() < 1 || s.column() > max) {
                return "column " + s.column() + " of line " + s.line() + " is outside 1.." + max + ": " + d.message();
            }
        }
        Set<String> seen = new HashSet<>();
        for (Diagnostic d : r.diagnostics()) {
            if (!seen.add(d.span().line() + ":" + d.span().column() + ":" + d.message())) {
                return "the same diagnostic twice:\n" + rendered;
            }
            if (d.isError() && d.span().line() == 1 && d.span().column() == 1 && !d.message().startsWith("missing ")
                    && (m.text.isEmpty() || " \t\r\n\f".indexOf(m.text.charAt(0)) >= 0 || m.text.startsWith("//"))) {
                return "an error at 1:1 that is not about the whole file:\n" + rendered;
            }
            Matcher c = CONTRADICTION.matcher(d.message());
            if (c.find() && List.of(c.group(1).split(", | or ")).contains("'" + c.group(2) + "'")) {
                return "a message that contradicts itself:\n" + rendered;
            }
        }
        if (rendered.contains("Exception") || rendered.contains("\tat org.")) {
            return "the rendered diagnostics look like a stack trace:\n" + rendered;
        }
        if (r.ok()) {
            return null;
        }
        if (r.diagnostics().stream().noneMatch(Diagnostic::isError)) {
            return "rejected without an error:\n" + rendered;
        }
        return "";
    }

    /** Mutant {@code index} of {@code seed}: one edit, sometimes two, of one of the examples. */
    static Mutant mutate(long seed, int index, List<Source> sources) {
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + index);
        int which = rnd.nextInt(sources.size());
        Source src = sources.get(which);
        Source other = sources.get((which + 1) % sources.size());
        List<Op> ops = new ArrayList<>();
        String text = src.text;
        int maxEdits = Integer.getInteger("firstspike.mutation.maxEdits", 2);
        int edits = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(Math.max(1, maxEdits - 1)) : 1;
        for (int e = 0; e < edits; e++) {
            Op op = Op.values()[rnd.nextInt(Op.values().length)];
            // Later edits work on the text as it is, so tokens are re-lexed.
            List<Tok> toks = e == 0 ? src.tokens : tokens(text);
            if (toks.size() < 2) {
                op = Op.INSERT_GARBAGE;
            }
            ops.add(op);
            text = apply(op, text, toks, other, rnd);
        }
        return new Mutant(seed, index, src, ops, text);
    }

    static String apply(Op op, String text, List<Tok> toks, Source other, Random rnd) {
        Tok t = toks.isEmpty() ? null : toks.get(rnd.nextInt(toks.size()));
        switch (op) {
            case DELETE_TOKEN:
                return text.substring(0, t.start) + text.substring(t.end);
            case DUPLICATE_TOKEN:
                return text.substring(0, t.end) + (rnd.nextBoolean() ? " " : "") + t.text + text.substring(t.end);
            case SWAP_TOKENS: {
                int i = rnd.nextInt(toks.size() - 1);
                Tok a = toks.get(i);
                Tok b = toks.get(i + 1);
                return text.substring(0, a.start) + b.text + text.substring(a.end, b.start) + a.text + text.substring(b.end);
            }
            case REPLACE_BY_FILE_TOKEN:
                return replace(text, t, toks.get(rnd.nextInt(toks.size())).text);
            case REPLACE_BY_SYMBOL:
                return replace(text, t, SYMBOLS[rnd.nextInt(SYMBOLS.length)]);
            case CHANGE_NUMBER: {
                Tok n = pick(toks, TtfsLexer.NUMBER, rnd, t);
                String[] variants = {"-" + n.text, n.text + ".5", n.text + "e400", n.text + n.text,
                    NUMBERS[rnd.nextInt(NUMBERS.length)], NUMBERS[rnd.nextInt(NUMBERS.length)]};
                return replace(text, n, variants[rnd.nextInt(variants.length)]);
            }
            case RENAME_IDENTIFIER: {
                Tok id = pick(toks, TtfsLexer.ID, rnd, t);
                String name = id.text;
                String[] variants = {name + "x", name.length() > 1 ? name.substring(0, name.length() - 1) : "q",
                    name.toUpperCase(Locale.ROOT), pick(toks, TtfsLexer.ID, rnd, t).text, "_", "z" + rnd.nextInt(99),
                    name + "_" + name, "a".repeat(1 + rnd.nextInt(300))};
                return replace(text, id, variants[rnd.nextInt(variants.length)]);
            }
            case DELETE_LINE: {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                lines.remove(rnd.nextInt(lines.size()));
                return String.join("\n", lines);
            }
            case INSERT_OTHER_LINE: {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                lines.add(rnd.nextInt(lines.size() + 1), other.lines.get(rnd.nextInt(other.lines.size())));
                return String.join("\n", lines);
            }
            case TRUNCATE:
                return text.substring(0, rnd.nextInt(text.length() + 1));
            case INSERT_GARBAGE: {
                int at = rnd.nextInt(text.length() + 1);
                return text.substring(0, at) + garbage(rnd) + text.substring(at);
            }
            default:
                throw new AssertionError(op);
        }
    }

    /** Control characters, what undecodable bytes turn into, lone surrogates, and stray punctuation. */
    private static String garbage(Random rnd) {
        switch (rnd.nextInt(3)) {
            case 0: {
                byte[] b = new byte[1 + rnd.nextInt(6)];
                rnd.nextBytes(b);
                // Random bytes read leniently: as UTF-8 (invalid sequences become U+FFFD) or as Latin-1.
                return new String(b, rnd.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            }
            case 1: {
                StringBuilder sb = new StringBuilder();
                for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                    sb.append((char) rnd.nextInt(0x20));
                }
                return sb.toString();
            }
            default:
                return GARBAGE[rnd.nextInt(GARBAGE.length)];
        }
    }

    private static String replace(String text, Tok t, String with) {
        return text.substring(0, t.start) + with + text.substring(t.end);
    }

    /** A random token of {@code type}, or {@code fallback} when there is none. */
    private static Tok pick(List<Tok> toks, int type, Random rnd, Tok fallback) {
        List<Tok> of = toks.stream().filter(x -> x.type == type).toList();
        return of.isEmpty() ? fallback : of.get(rnd.nextInt(of.size()));
    }

    /** The tokens of {@code text} with char (UTF-16) offsets; the lexer counts code points. */
    static List<Tok> tokens(String text) {
        int[] charOf = new int[text.codePointCount(0, text.length()) + 1];
        for (int cp = 0, ch = 0; cp < charOf.length; cp++) {
            charOf[cp] = ch;
            if (ch < text.length()) {
                ch += Character.charCount(text.codePointAt(ch));
            }
        }
        TtfsLexer lexer = new TtfsLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Tok> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int start = charOf[t.getStartIndex()];
            int end = charOf[t.getStopIndex() + 1];
            out.add(new Tok(start, end, t.getType(), text.substring(start, end)));
        }
        return out;
    }

    /**
     * Inputs no mutation makes: thousands of nested brackets or operators, huge lines. Checked on a
     * thread with a small (512 KB) stack: the front end must answer with a positioned error, not overflow.
     */
    @Test
    void pathologicalInputsGetPositionedErrors() throws InterruptedException {
        // Each constant, and what the first error on its line (2) must say; null: no error on line 2.
        String[][] cases = {
            {"(".repeat(20_000) + "1" + ")".repeat(20_000), "brackets nested more than 100 deep"},
            {"[".repeat(20_000) + "]".repeat(20_000), "brackets nested more than 100 deep"},
            {"f32(".repeat(5_000) + "1" + ")".repeat(5_000), "brackets nested more than 100 deep"},
            {"-".repeat(50_000) + "1", "more than 500 operators in one statement"},
            {String.join("+", Collections.nCopies(100_000, "1")), "more than 500 operators in one statement"},
            {"\"" + "x".repeat(1_000_000) + "\"", null},
            {"(".repeat(90) + "1" + ")".repeat(90) + " + " + String.join("*", Collections.nCopies(400, "2")), null}};
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(null, () -> {
            for (String[] c : cases) {
                String text = "network p;\nconst A = " + c[0] + ";\n";
                String shown = c[0].substring(0, Math.min(40, c[0].length())) + "…";
                String problem = check(new Mutant(0, 0, new Source("p.ttfs", null, text, List.of(), List.of()),
                        List.of(), text));
                if (problem == null || !problem.isEmpty()) {
                    problems.add((problem == null ? "accepted" : problem) + " for const A = " + shown);
                    continue;
                }
                Frontend.Result r = Frontend.check("p.ttfs", null, text);
                List<String> onLine2 = r.diagnostics().stream().filter(d -> d.isError() && d.span().line() == 2)
                        .map(Diagnostic::message).toList();
                boolean ok = c[1] == null ? onLine2.isEmpty() : onLine2.size() == 1 && onLine2.get(0).equals(c[1]);
                if (!ok) {
                    problems.add("const A = " + shown + ": expected " + (c[1] == null ? "no error" : c[1])
                            + " on line 2, got " + onLine2);
                }
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Non-UTF-8 bytes in a file on disk: a positioned error at the first bad byte, never an exception. */
    @Test
    void filesThatAreNotUtf8GetAPositionedError(@TempDir Path dir) throws IOException {
        byte[] example = Files.readAllBytes(EXAMPLES.get(1));
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0x20}, {(byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        Random rnd = new Random(Long.getLong("firstspike.mutation.seed", DEFAULT_SEED));
        for (int i = 0; i < 60; i++) {
            byte[] insert = bad[i % bad.length];
            int at = i == 0 ? example.length : rnd.nextInt(example.length + 1);
            while (at < example.length && (example[at] & 0xc0) == 0x80) {
                at--; // not inside a multi-byte character ('§'): the first bad byte is then the inserted one
            }
            byte[] bytes = new byte[example.length + insert.length];
            System.arraycopy(example, 0, bytes, 0, at);
            System.arraycopy(insert, 0, bytes, at, insert.length);
            System.arraycopy(example, at, bytes, at + insert.length, example.length - at);
            Path file = dir.resolve("bad" + i + ".ttfs");
            Files.write(file, bytes);
            Frontend.Result r = Frontend.check(file);
            String rendered = DiagnosticPrinter.render(r.diagnostics());
            assertFalse(r.ok(), rendered);
            assertEquals(1, r.diagnostics().size(), rendered);
            Diagnostic d = r.diagnostics().get(0);
            String prefix = new String(example, 0, at, StandardCharsets.UTF_8);
            int line = (int) prefix.chars().filter(c -> c == '\n').count() + 1;
            int column = prefix.length() - (prefix.lastIndexOf('\n') + 1) + 1;
            assertTrue(d.isError() && d.message().contains("not UTF-8"), rendered);
            assertEquals(line + ":" + column, d.span().line() + ":" + d.span().column(),
                    "insert at byte " + at + ":\n" + rendered);
            assertTrue(rendered.startsWith(file + ":" + line + ":" + column + ": error: "), rendered);
        }
    }
}
