package org.firstspike.ir;

import java.util.List;

/** One IR value: the op computing it, its input edges, its output shape and its source origin. */
public record IrNode(String name, IrOp op, List<Edge> inputs, int[] shape, Origin origin) {

    public IrNode {
        inputs = List.copyOf(inputs);
    }

    public IrNode with(IrOp newOp) {
        return new IrNode(name, newOp, inputs, shape, origin);
    }

    public IrNode withInputs(List<Edge> newInputs) {
        return new IrNode(name, op, newInputs, shape, origin);
    }

    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
