package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.diag.SourceSpan;

/**
 * The layout a program gives a stored tensor with {@code as [...]}: one group per stored axis,
 * each group a product of the layer's axis names ({@code out}, {@code in}, {@code kh}, {@code kw},
 * {@code c}) or the literal 1 for a unit axis. {@code [out, in*kh*kw]} is the seed's conv kernel.
 */
record Layout(List<List<String>> groups, SourceSpan span) {

    static final String UNIT = "1";

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (List<String> g : groups) {
            parts.add(String.join("*", g));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
