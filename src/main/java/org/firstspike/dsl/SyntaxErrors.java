package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceFile;
import org.firstspike.diag.SourceSpan;
import org.firstspike.dsl.parser.TtfsLexer;
import org.firstspike.dsl.parser.TtfsParser;

/**
 * ANTLR's error strategy with messages written for people ("expected ';' after ')'"), and at
 * most one message per line and per statement, so one typo does not bury the real errors in
 * follow-ups from ANTLR's recovery.
 */
final class SyntaxErrors extends DefaultErrorStrategy {
    private final SourceFile file;
    private final Diagnostics diagnostics;
    private final Set<Integer> linesReported = new HashSet<>();
    /**
     * Whether a ';' or '}' ended the statement of the last error reported. Until then, ANTLR's recovery
     * inside the broken statement gives messages that contradict themselves ("expected '=' or ',', found
     * '('" on a correct line), so a statement gets one syntax error.
     */
    private boolean resynced = true;
    /** Whether the last "missing token" error was reported (rather than suppressed as a follow-up). */
    private boolean missingReported;
    /** Set after an error that makes the rest of the parse meaningless (an unclosed encoder block). */
    private boolean abandoned;

    /** {@code lexerErrorLines}: lines that already have an error (a bad character), so get no follow-up. */
    SyntaxErrors(SourceFile file, Diagnostics diagnostics, Set<Integer> lexerErrorLines) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.linesReported.addAll(lexerErrorLines);
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token t = e.getOffendingToken();
        if (!keywordAsName(parser, t, e.getExpectedTokens())) {
            report(parser, t, "unexpected " + describe(t) + expectedSuffix(parser, reliable(e.getExpectedTokens(), t)));
        }
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        Token t = e.getOffendingToken();
        if (!keywordAsName(parser, t, e.getExpectedTokens())) {
            report(parser, t, found(parser, reliable(e.getExpectedTokens(), t), t));
        }
    }

    @Override
    protected void reportFailedPredicate(Parser parser, org.antlr.v4.runtime.FailedPredicateException e) {
        report(parser, e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()));
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        if (!keywordAsName(parser, t, getExpectedTokens(parser))) {
            report(parser, t, "unexpected " + describe(t)
                    + expectedSuffix(parser, reliable(getExpectedTokens(parser), t)));
        }
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        missingReported = false;
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        if (!keywordAsName(parser, t, getExpectedTokens(parser))) {
            missingReported = report(parser, t, found(parser, reliable(getExpectedTokens(parser), t), t));
        }
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        if (e instanceof NoViableAltException n) {
            reportNoViableAlternative(parser, n);
        } else if (e instanceof InputMismatchException m) {
            reportInputMismatch(parser, m);
        } else {
            report(parser, e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()));
        }
    }

    /**
     * A keyword where a name belongs ({@code const time = 6;}, {@code t_max = time;}), or a keyword
     * that starts a statement but is meant as a name ({@code output = dense(...)}): says so at the
     * keyword instead of complaining about the token after it.
     */
    private boolean keywordAsName(Parser parser, Token t, IntervalSet expected) {
        if (expected == null || !expected.contains(TtfsLexer.ID)) {
            return false;
        }
        Token prev = previous(parser, t);
        boolean sameLine = prev != null && prev.getLine() == t.getLine();
        // A keyword that opens a new line is more likely a statement after a missing '}' or ')'.
        Token keyword = isKeyword(t) && sameLine ? t : null;
        if (keyword == null && (t.getType() == TtfsLexer.ASSIGN || t.getType() == TtfsLexer.COMMA) && sameLine
                && STATEMENT_KEYWORDS.contains(prev.getType())) {
            Token before = previous(parser, prev);
            keyword = before == null || before.getLine() < prev.getLine() ? prev : null;
        }
        if (keyword == null) {
            return false;
        }
        emit(parser, t, Spans.of(file, keyword),
                "'" + keyword.getText() + "' is a keyword and cannot be used as a name");
        return true;
    }

    /** Keywords that open a statement: {@code output = dense(...)} means a layer named output. */
    private static final Set<Integer> STATEMENT_KEYWORDS = Set.of(TtfsLexer.NETWORK, TtfsLexer.CONST,
            TtfsLexer.WEIGHTS, TtfsLexer.TIME, TtfsLexer.NEURON, TtfsLexer.INPUT, TtfsLexer.OUTPUT);
    private static final Set<Integer> KEYWORDS = Set.of(TtfsLexer.NETWORK, TtfsLexer.CONST, TtfsLexer.WEIGHTS,
            TtfsLexer.TIME, TtfsLexer.NEURON, TtfsLexer.INPUT, TtfsLexer.OUTPUT, TtfsLexer.DECODE, TtfsLexer.ENCODER,
            TtfsLexer.AS);

    private static boolean isKeyword(Token t) {
        return KEYWORDS.contains(t.getType());
    }

    private boolean report(Parser parser, Token t, String message) {
        return emit(parser, t, placeOf(parser, t), message);
    }

    /** Reports an error found at token {@code t}, unless it is a follow-up or its line has one already. */
    private boolean emit(Parser parser, Token t, SourceSpan span, String message) {
        if (abandoned || !resynced || !linesReported.add(span.line())) {
            return false;
        }
        String unclosed = unclosedEncoder(parser, t);
        if (unclosed != null) {
            Token name = previous(parser, t);
            diagnostics.error(Spans.of(file, name), unclosed);
            abandoned = true;
            return true;
        }
        diagnostics.error(span, message);
        resynced = false;
        return true;
    }

    /**
     * {@code name = ...} where an encoder step belongs: the encoder's "};" is missing, and every later
     * statement would be read as a step. Says so once and reports no more syntax errors.
     */
    private String unclosedEncoder(Parser parser, Token t) {
        if (t.getType() != TtfsLexer.ASSIGN && t.getType() != TtfsLexer.COMMA) {
            return null;
        }
        Token name = previous(parser, t);
        Token before = name == null ? null : previous(parser, name);
        if (name == null || name.getType() != TtfsLexer.ID || before == null || before.getLine() == name.getLine()) {
            return null;
        }
        // It must look like a layer statement: "a = op(" or "a, b = ...", not a step's argument on its own line.
        boolean layer = t.getType() == TtfsLexer.COMMA ? type(parser, t, 1) == TtfsLexer.ID
                : type(parser, t, 1) == TtfsLexer.ID && type(parser, t, 2) == TtfsLexer.LPAREN;
        if (!layer) {
            return null;
        }
        for (ParserRuleContext c = parser.getContext(); c != null; c = c.getParent()) {
            if (c instanceof TtfsParser.EncoderContext) {
                return "the encoder block is not closed: add '};' before '" + name.getText() + "'";
            }
        }
        return null;
    }

    @Override
    public void reportMatch(Parser parser) {
        super.reportMatch(parser);
        resynced |= endsStatement(parser.getCurrentToken().getType());
    }

    /**
     * A ';' or '}' that recovery inserts at the end of a line also ends the broken statement, when its
     * absence is the error just reported (not a consequence of an earlier error in a multi-line call).
     */
    @Override
    protected Token getMissingSymbol(Parser parser) {
        IntervalSet expected = getExpectedTokens(parser);
        Token next = parser.getCurrentToken();
        Token prev = previous(parser, next);
        boolean lineEnd = next.getType() == Token.EOF || prev != null && next.getLine() > prev.getLine();
        resynced |= missingReported && lineEnd
                && (expected.contains(TtfsLexer.SEMI) || expected.contains(TtfsLexer.RBRACE));
        missingReported = false;
        return super.getMissingSymbol(parser);
    }

    /** So does one that recovery skips over. */
    @Override
    protected void consumeUntil(Parser parser, IntervalSet set) {
        int from = parser.getCurrentToken().getTokenIndex();
        super.consumeUntil(parser, set);
        for (int i = from; i < parser.getCurrentToken().getTokenIndex(); i++) {
            resynced |= endsStatement(parser.getInputStream().get(i).getType());
        }
    }

    /** The type of the token {@code ahead} places after {@code t}, or EOF. */
    private static int type(Parser parser, Token t, int ahead) {
        if (parser.getInputStream() instanceof BufferedTokenStream b) {
            b.fill(); // the tokens are all lexed already; the stream buffers them lazily
        }
        int i = t.getTokenIndex() + ahead;
        return i < parser.getInputStream().size() ? parser.getInputStream().get(i).getType() : Token.EOF;
    }

    private static boolean endsStatement(int type) {
        return type == TtfsLexer.SEMI || type == TtfsLexer.RBRACE;
    }

    /** A token that starts a new line after the error belongs after the previous token. */
    private SourceSpan placeOf(Parser parser, Token t) {
        Token prev = previous(parser, t);
        if (prev != null && (t.getType() == Token.EOF || t.getLine() > prev.getLine())) {
            return Spans.after(file, prev);
        }
        return Spans.of(file, t);
    }

    private static Token previous(Parser parser, Token t) {
        int i = t.getTokenIndex() - 1;
        return i >= 0 ? parser.getInputStream().get(i) : null;
    }

    /**
     * ANTLR computes the expected tokens at the start of a decision, which after a long lookahead can
     * include the offending token itself ("expected '=' or ',', found '='"). Such a set is dropped.
     */
    private static IntervalSet reliable(IntervalSet expected, Token t) {
        return expected == null || expected.contains(t.getType()) ? null : expected;
    }

    /** "expected ';', found 'y'", or "unexpected 'y'" when the expected set is unknown. */
    private static String found(Parser parser, IntervalSet expected, Token t) {
        return expected == null || expected.isNil() ? "unexpected " + describe(t)
                : "expected " + describe(parser.getVocabulary(), expected) + ", found " + describe(t);
    }

    private static String expectedSuffix(Parser parser, IntervalSet expected) {
        return expected == null || expected.isNil() ? "" : "; expected " + describe(parser.getVocabulary(), expected);
    }

    static String describe(Token t) {
        if (t.getType() == Token.EOF) {
            return "end of file";
        }
        return "'" + Format.visible(t.getText()) + "'";
    }

    /** "';'", "';' or ','", "a name, a number or '('" — at most five, then "…". */
    static String describe(Vocabulary vocabulary, IntervalSet expected) {
        List<String> names = new ArrayList<>();
        for (int type : expected.toList()) {
            names.add(tokenName(vocabulary, type));
        }
        if (names.size() > 5) {
            return String.join(", ", names.subList(0, 5)) + ", …";
        }
        if (names.size() <= 1) {
            return names.isEmpty() ? "something else" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String tokenName(Vocabulary vocabulary, int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case TtfsLexer.ID -> "a name";
            case TtfsLexer.NUMBER -> "a number";
            case TtfsLexer.STRING -> "a string";
            default -> vocabulary.getLiteralName(type) != null ? vocabulary.getLiteralName(type)
                    : vocabulary.getDisplayName(type);
        };
    }
}
