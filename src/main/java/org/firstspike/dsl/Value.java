package org.firstspike.dsl;

import java.util.List;
import java.util.Map;
import org.firstspike.diag.SourceSpan;
import org.firstspike.tensor.Tensor;

/** The value of a .ttfs expression after constant folding. */
sealed interface Value {

    /** A short description for messages: "a number", "the option word 'nchw'". */
    String describe();

    record Num(double value) implements Value {
        public String describe() {
            return "the number " + Format.number(value);
        }
    }

    record Str(String value) implements Value {
        public String describe() {
            return "the string \"" + Format.visible(value) + "\"";
        }
    }

    /** An identifier that is not a constant: an option word like {@code nchw} or {@code same}. */
    record Word(String name, SourceSpan span) implements Value {
        public String describe() {
            return "'" + name + "'";
        }
    }

    record ListOf(List<Value> items) implements Value {
        public String describe() {
            return "a list of " + items.size();
        }
    }

    /** A spike time given as {@code t(x)} or {@code z(x)}, or {@code never} (z = ∞). */
    record Time(boolean zDomain, double value) implements Value {
        public String describe() {
            return (zDomain ? "z(" : "t(") + Format.number(value) + ")";
        }
    }

    /**
     * A tensor from a weights file ({@code origin} says which, e.g. {@code sd["conv2.kernel.weight"]}),
     * possibly sliced, and with the {@code as [...]} layout the program gave it (or null).
     */
    record TensorRef(Tensor tensor, String origin, Layout layout) implements Value {
        public String describe() {
            return "tensor " + origin;
        }
    }

    /** An option value written like a call: {@code qat_tanh(bits = 8)}, {@code first_spike()}. */
    record Option(String name, Map<String, Value> args, Map<String, SourceSpan> argSpans, SourceSpan span)
            implements Value {
        public String describe() {
            return name + "(...)";
        }
    }

    /** A value whose evaluation already failed and was reported; it silences follow-up errors. */
    record Invalid() implements Value {
        public String describe() {
            return "an invalid value";
        }
    }

    Invalid INVALID = new Invalid();
}
