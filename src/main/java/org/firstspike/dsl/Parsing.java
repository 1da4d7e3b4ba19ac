package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.List;
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
        List<Token> tokens = lex(file, diagnostics);
        TtfsParser parser = new TtfsParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg,
                    RecognitionException e) {
                // Every parser error goes through SyntaxErrors, which reports it itself.
            }
        });
        parser.setErrorHandler(new SyntaxErrors(file, diagnostics));
        TtfsParser.ProgramContext tree = parser.program();
        if (diagnostics.errorCount() > before) {
            return null;
        }
        return new AstBuilder(file).program(tree);
    }

    /** Reports tokens no grammar rule accepts and drops them, so the parser sees only real ones. */
    private static List<Token> lex(SourceFile file, Diagnostics diagnostics) {
        TtfsLexer lexer = new TtfsLexer(CharStreams.fromString(file.text(), file.displayName()));
        lexer.removeErrorListeners();
        List<Token> good = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            switch (t.getType()) {
                case TtfsLexer.BAD_CHAR -> diagnostics.error(Spans.of(file, t), badChar(t.getText()));
                case TtfsLexer.UNTERMINATED_STRING -> diagnostics.error(Spans.of(file, t),
                        "unterminated string; add the closing '\"' on the same line");
                case TtfsLexer.UNTERMINATED_COMMENT -> diagnostics.error(Spans.of(file, t),
                        "unterminated comment; '/*' has no matching '*/'");
                default -> good.add(t);
            }
            if (t.getType() == Token.EOF) {
                return good;
            }
        }
    }

    private static String badChar(String text) {
        int cp = text.codePointAt(0);
        String shown = Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format("U+%04X", cp) : "'" + text + "'";
        return "unexpected character " + shown;
    }
}
