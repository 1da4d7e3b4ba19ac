package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceFile;
import org.firstspike.diag.SourceSpan;
import org.firstspike.dsl.parser.TtfsLexer;

/**
 * ANTLR's error strategy with messages written for people ("expected ';' after ')'"), and at
 * most one message per line so one typo does not bury the real errors in follow-ups.
 */
final class SyntaxErrors extends DefaultErrorStrategy {
    private final SourceFile file;
    private final Diagnostics diagnostics;
    private final Set<Integer> linesReported = new HashSet<>();

    SyntaxErrors(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token t = e.getOffendingToken();
        report(parser, t, "unexpected " + describe(t) + expectedSuffix(parser, e.getExpectedTokens()));
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        Token t = e.getOffendingToken();
        report(parser, t, "expected " + describe(parser.getVocabulary(), e.getExpectedTokens())
                + ", found " + describe(t));
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
        report(parser, t, "unexpected " + describe(t) + expectedSuffix(parser, getExpectedTokens(parser)));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        report(parser, t, "expected " + describe(parser.getVocabulary(), getExpectedTokens(parser))
                + ", found " + describe(t));
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

    private void report(Parser parser, Token t, String message) {
        SourceSpan span = placeOf(parser, t);
        if (linesReported.add(span.line())) {
            diagnostics.error(span, message);
        }
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

    private static String expectedSuffix(Parser parser, IntervalSet expected) {
        return expected == null || expected.isNil() ? "" : "; expected " + describe(parser.getVocabulary(), expected);
    }

    static String describe(Token t) {
        if (t.getType() == Token.EOF) {
            return "end of file";
        }
        return "'" + t.getText() + "'";
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
