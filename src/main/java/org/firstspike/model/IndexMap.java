package org.firstspike.model;

import java.util.List;

/**
 * Where each output element of a data-moving op (slice, concat, shuffle, flatten) comes from:
 * element j copies element {@code index[j]} of input {@code source[j]}. Hardware folds these maps
 * into synapse addressing so no spike is ever moved by them.
 */
public record IndexMap(int[] source, int[] index) {

    public int size() {
        return index.length;
    }

    /** The map of a data-moving node given its inputs' shapes; null for other ops. */
    public static IndexMap of(Op op, List<Shape> inputs, Shape out) {
        if (op instanceof Op.ChannelSlice s) {
            return slice(s, inputs.get(0));
        } else if (op instanceof Op.Concat) {
            return concat(inputs);
        } else if (op instanceof Op.Shuffle s) {
            return shuffle(s.groups(), out);
        } else if (op instanceof Op.Flatten f) {
            return flatten(f.order(), inputs.get(0));
        }
        return null;
    }

    private static IndexMap slice(Op.ChannelSlice s, Shape in) {
        int plane = in.plane();
        int n = (s.to() - s.from()) * plane;
        int[] index = new int[n];
        for (int j = 0; j < n; j++) {
            index[j] = s.from() * plane + j;
        }
        return new IndexMap(new int[n], index);
    }

    private static IndexMap concat(List<Shape> inputs) {
        int n = inputs.stream().mapToInt(Shape::size).sum();
        int[] source = new int[n];
        int[] index = new int[n];
        int j = 0;
        for (int s = 0; s < inputs.size(); s++) {
            for (int i = 0; i < inputs.get(s).size(); i++, j++) {
                source[j] = s;
                index[j] = i;
            }
        }
        return new IndexMap(source, index);
    }

    /** out channel n = in channel (n mod g)·C/g + ⌊n/g⌋. */
    private static IndexMap shuffle(int groups, Shape shape) {
        int c = shape.channels();
        int plane = shape.plane();
        int[] index = new int[shape.size()];
        for (int n = 0; n < c; n++) {
            int from = (n % groups) * (c / groups) + n / groups;
            for (int p = 0; p < plane; p++) {
                index[n * plane + p] = from * plane + p;
            }
        }
        return new IndexMap(new int[index.length], index);
    }

    private static IndexMap flatten(FlattenOrder order, Shape in) {
        int[] index = new int[in.size()];
        for (int c = 0; c < in.channels(); c++) {
            for (int h = 0; h < in.height(); h++) {
                for (int w = 0; w < in.width(); w++) {
                    index[order.index(c, h, w, in.channels(), in.height(), in.width())]
                            = (c * in.height() + h) * in.width() + w;
                }
            }
        }
        return new IndexMap(new int[index.length], index);
    }
}
