package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.diag.SourceSpan;

/**
 * The layout a program gives a stored tensor with {@code as [...]}: one group per stored axis,
 * each group a product of the layer's axis names ({@code out}, {@code in}, {@code kh}, {@code kw},
 * {@code c}) or the literal 1 for a unit axis. {@code [out, in*kh*kw]} is the seed's conv kernel.
 */
record Layout(List<List<String>> groups, List<List<SourceSpan>> axisSpans, SourceSpan span) {

    static final String UNIT = "1";

    /** Where axis {@code index} of group {@code group} is written, for messages about that axis. */
    SourceSpan axisSpan(int group, int index) {
        return axisSpans.get(group).get(index);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (List<String> g : groups) {
            parts.add(String.join("*", g));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
