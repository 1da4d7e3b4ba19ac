package org.firstspike.model;

import java.util.List;
import org.firstspike.diag.SourceSpan;

/** One named value of the network: the op that computes it, its inputs by name, its shape. */
public record Node(String name, Op op, List<String> inputs, Shape shape, SourceSpan span) {
    public Node {
        inputs = List.copyOf(inputs);
    }
}
