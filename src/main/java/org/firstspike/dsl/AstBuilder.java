package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.firstspike.diag.SourceFile;
import org.firstspike.diag.SourceSpan;
import org.firstspike.dsl.ast.Arg;
import org.firstspike.dsl.ast.Encoder;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Program;
import org.firstspike.dsl.ast.Setting;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.dsl.ast.Subscript;
import org.firstspike.dsl.parser.TtfsParser;

/** Converts a syntax-error-free ANTLR parse tree into the AST records. */
final class AstBuilder {
    private final SourceFile file;

    AstBuilder(SourceFile file) {
        this.file = file;
    }

    Program program(TtfsParser.ProgramContext ctx) {
        List<Stmt> stmts = new ArrayList<>();
        for (TtfsParser.StatementContext s : ctx.statement()) {
            stmts.add(statement(s));
        }
        return new Program(file, stmts);
    }

    private Stmt statement(TtfsParser.StatementContext ctx) {
        if (ctx instanceof TtfsParser.NetworkStmtContext c) {
            return new Stmt.Network(c.name.getText(), span(c.name));
        } else if (ctx instanceof TtfsParser.ConstStmtContext c) {
            return new Stmt.Const(c.name.getText(), span(c.name), expr(c.expr()));
        } else if (ctx instanceof TtfsParser.WeightsStmtContext c) {
            return new Stmt.Weights(c.name.getText(), span(c.name), call(c.source));
        } else if (ctx instanceof TtfsParser.TimeStmtContext c) {
            return new Stmt.Settings("time", span(c.TIME().getSymbol()), settings(c.settings()));
        } else if (ctx instanceof TtfsParser.NeuronStmtContext c) {
            return new Stmt.Settings("neuron", span(c.NEURON().getSymbol()), settings(c.settings()));
        } else if (ctx instanceof TtfsParser.InputStmtContext c) {
            return new Stmt.Input(c.name.getText(), span(c.name), call(c.source),
                    c.encoder() == null ? null : encoder(c.encoder()));
        } else if (ctx instanceof TtfsParser.LayerStmtContext c) {
            List<Expr.Name> targets = c.targets().ID().stream()
                    .map(id -> new Expr.Name(id.getText(), span(id.getSymbol()))).toList();
            return new Stmt.Layer(targets, call(c.call()));
        } else if (ctx instanceof TtfsParser.OutputStmtContext c) {
            return new Stmt.Output(c.name.getText(), span(c.name), call(c.decode));
        }
        throw new IllegalStateException("unhandled statement " + ctx.getClass().getSimpleName());
    }

    private List<Setting> settings(TtfsParser.SettingsContext ctx) {
        return ctx.setting().stream().map(s -> new Setting(s.key.getText(), span(s.key), expr(s.expr()))).toList();
    }

    private Encoder encoder(TtfsParser.EncoderContext ctx) {
        return new Encoder(ctx.kind.getText(), span(ctx.kind), args(ctx.arguments()),
                ctx.call().stream().map(this::call).toList());
    }

    private Expr.Call call(TtfsParser.CallContext ctx) {
        return new Expr.Call(ctx.fn.getText(), span(ctx.fn), args(ctx.arguments()), span(ctx));
    }

    private List<Arg> args(TtfsParser.ArgumentsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.argument().stream()
                .map(a -> a.key == null ? new Arg(null, null, expr(a.expr()))
                        : new Arg(a.key.getText(), span(a.key), expr(a.expr())))
                .toList();
    }

    Expr expr(TtfsParser.ExprContext ctx) {
        SourceSpan sp = span(ctx);
        if (ctx instanceof TtfsParser.NumberExprContext c) {
            String text = c.NUMBER().getText();
            return new Expr.Num(Double.parseDouble(text.replace("_", "")), text, sp);
        } else if (ctx instanceof TtfsParser.StringExprContext c) {
            return new Expr.Str(unquote(c.STRING().getText()), sp);
        } else if (ctx instanceof TtfsParser.NameExprContext c) {
            return new Expr.Name(c.ID().getText(), sp);
        } else if (ctx instanceof TtfsParser.ParenExprContext c) {
            return expr(c.expr());
        } else if (ctx instanceof TtfsParser.NegExprContext c) {
            return new Expr.Neg(expr(c.expr()), sp);
        } else if (ctx instanceof TtfsParser.MulExprContext c) {
            return new Expr.Binary(c.op.getText().charAt(0), expr(c.expr(0)), expr(c.expr(1)), span(c.op));
        } else if (ctx instanceof TtfsParser.AddExprContext c) {
            return new Expr.Binary(c.op.getText().charAt(0), expr(c.expr(0)), expr(c.expr(1)), span(c.op));
        } else if (ctx instanceof TtfsParser.ListExprContext c) {
            return new Expr.ListOf(c.expr().stream().map(this::expr).toList(), sp);
        } else if (ctx instanceof TtfsParser.CallExprContext c) {
            return new Expr.Call(c.fn.getText(), span(c.fn), args(c.arguments()), sp);
        } else if (ctx instanceof TtfsParser.IndexExprContext c) {
            return new Expr.Index(expr(c.expr()), c.subscript().stream().map(this::subscript).toList(), sp);
        } else if (ctx instanceof TtfsParser.AsExprContext c) {
            return new Expr.As(expr(c.expr(0)), expr(c.expr(1)), span(c.AS().getSymbol()));
        }
        throw new IllegalStateException("unhandled expression " + ctx.getClass().getSimpleName());
    }

    private Subscript subscript(TtfsParser.SubscriptContext ctx) {
        if (ctx instanceof TtfsParser.SliceSubscriptContext c) {
            return new Subscript(c.start == null ? null : expr(c.start), c.stop == null ? null : expr(c.stop),
                    true, span(c));
        }
        TtfsParser.PointSubscriptContext c = (TtfsParser.PointSubscriptContext) ctx;
        return new Subscript(expr(c.expr()), null, false, span(c));
    }

    private static String unquote(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private SourceSpan span(Token t) {
        return Spans.of(file, t);
    }

    private SourceSpan span(ParserRuleContext ctx) {
        return Spans.of(file, ctx);
    }
}
