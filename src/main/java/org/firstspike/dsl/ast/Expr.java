package org.firstspike.dsl.ast;

import java.util.List;
import org.firstspike.diag.SourceSpan;

/** An expression of the .ttfs language, as written. */
public sealed interface Expr {
    SourceSpan span();

    /** A number literal; {@code text} keeps the spelling for messages. */
    record Num(double value, String text, SourceSpan span) implements Expr {
    }

    record Str(String value, SourceSpan span) implements Expr {
    }

    /** A bare identifier: a constant, a layer, a weights file or an option word such as {@code nchw}. */
    record Name(String name, SourceSpan span) implements Expr {
    }

    /** {@code fn(args)}: built-in functions ({@code exp}, {@code z}) and option values ({@code qat_tanh(bits = 8)}). */
    record Call(String fn, SourceSpan fnSpan, List<Arg> args, SourceSpan span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Neg(Expr operand, SourceSpan span) implements Expr {
    }

    record Binary(char op, Expr left, Expr right, SourceSpan span) implements Expr {
    }

    record ListOf(List<Expr> items, SourceSpan span) implements Expr {
        public ListOf {
            items = List.copyOf(items);
        }
    }

    /** {@code target[subscripts]}: a tensor key ({@code sd["w"]}) or a slice of a tensor. */
    record Index(Expr target, List<Subscript> subscripts, SourceSpan span) implements Expr {
        public Index {
            subscripts = List.copyOf(subscripts);
        }
    }

    /** {@code tensor as [out, in*kh*kw]}: how a stored tensor's axes map onto the layer's. */
    record As(Expr value, Expr layout, SourceSpan span) implements Expr {
    }
}
