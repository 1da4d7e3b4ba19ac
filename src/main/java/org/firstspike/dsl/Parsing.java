package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceFile;
import org.firstspike.dsl.ast.Program;
import org.firstspike.dsl.parser.TtfsLexer;
import org.firstspike.dsl.parser.TtfsParser;

/** Lexes and parses a .ttfs source; returns null (with diagnostics) when it has syntax errors. */
public final class Parsing {
    private Parsing() {
    }

    public static Program parse(SourceFile file, Diagnostics diagnostics) {
        int before = diagnostics.errorCount();
        Set<Integer> badLines = new HashSet<>();
        List<Token> tokens = lex(file, diagnostics, badLines);
        if (!withinLimits(file, tokens, diagnostics)) {
            return null;
        }
        TtfsParser parser = new TtfsParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg,
                    RecognitionException e) {
                // Every parser error goes through SyntaxErrors, which reports it itself.
            }
        });
        parser.setErrorHandler(new SyntaxErrors(file, diagnostics, badLines));
        TtfsParser.ProgramContext tree = parser.program();
        if (diagnostics.errorCount() > before) {
            return null;
        }
        return new AstBuilder(file).program(tree);
    }

    /**
     * Reports tokens no grammar rule accepts and drops them, so the parser sees only real ones. Like
     * syntax errors, at most one per line (pasted “smart quotes” would otherwise give one per character);
     * {@code badLines} collects those lines so the parser does not add follow-ups there.
     */
    private static List<Token> lex(SourceFile file, Diagnostics diagnostics, Set<Integer> badLines) {
        TtfsLexer lexer = new TtfsLexer(CharStreams.fromString(file.text(), file.displayName()));
        lexer.removeErrorListeners();
        List<Token> good = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            String problem = switch (t.getType()) {
                case TtfsLexer.BAD_CHAR -> badChar(t.getText());
                case TtfsLexer.UNTERMINATED_STRING -> "unterminated string; add the closing '\"' on the same line";
                case TtfsLexer.UNTERMINATED_COMMENT -> "unterminated comment; '/*' has no matching '*/'";
                default -> null;
            };
            if (problem == null) {
                good.add(t);
            } else if (badLines.add(t.getLine())) {
                diagnostics.error(Spans.of(file, t), problem);
            }
            if (t.getType() == Token.EOF) {
                return good;
            }
        }
    }

    /** Deeper than any real program, and shallow enough that parsing and checking cannot overflow the stack. */
    static final int MAX_NESTING = 100;
    static final int MAX_OPERATORS = 500;

    /**
     * Parsing and checking recurse once per nested bracket and per operator of an expression, so a
     * pathological file (thousands of '(' or of "1+1+…") could overflow the Java stack. Such a file
     * gets a positioned error instead.
     */
    private static boolean withinLimits(SourceFile file, List<Token> tokens, Diagnostics diagnostics) {
        int depth = 0;
        int operators = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case TtfsLexer.LPAREN, TtfsLexer.LBRACK, TtfsLexer.LBRACE -> depth++;
                case TtfsLexer.RPAREN, TtfsLexer.RBRACK, TtfsLexer.RBRACE -> depth = Math.max(0, depth - 1);
                case TtfsLexer.PLUS, TtfsLexer.MINUS, TtfsLexer.STAR, TtfsLexer.SLASH, TtfsLexer.AS -> operators++;
                case TtfsLexer.SEMI -> operators = 0;
                default -> {
                }
            }
            if (depth > MAX_NESTING) {
                diagnostics.error(Spans.of(file, t), "brackets nested more than " + MAX_NESTING + " deep");
                return false;
            }
            if (operators > MAX_OPERATORS) {
                diagnostics.error(Spans.of(file, t), "more than " + MAX_OPERATORS + " operators in one statement");
                return false;
            }
        }
        return true;
    }

    private static String badChar(String text) {
        int cp = text.codePointAt(0);
        String shown = Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format("U+%04X", cp) : "'" + text + "'";
        return "unexpected character " + shown;
    }
}
