package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Subscript;
import org.firstspike.tensor.Shapes;
import org.firstspike.tensor.Tensor;

/**
 * Python-style subscripts on a tensor: {@code w[0:-1, :]} keeps all rows but the last,
 * {@code w[-1, :]} takes the last row (dropping that axis). Out-of-range bounds are errors,
 * not silently clamped, because a wrong slice of weights would otherwise go unnoticed.
 */
final class TensorSlicing {
    private TensorSlicing() {
    }

    private record Range(int start, int stop, boolean keep) {
    }

    static Value slice(Value.TensorRef ref, Expr.Index index, Evaluator ev) {
        Tensor t = ref.tensor();
        if (index.subscripts().size() > t.rank()) {
            return ev.error(index.subscripts().get(t.rank()).span(), "too many subscripts: " + ref.origin()
                    + " has shape " + Shapes.format(t.shape()));
        }
        List<Range> ranges = new ArrayList<>();
        StringBuilder text = new StringBuilder(ref.origin()).append('[');
        for (int axis = 0; axis < t.rank(); axis++) {
            Subscript s = axis < index.subscripts().size() ? index.subscripts().get(axis) : null;
            Range r = s == null ? new Range(0, t.dim(axis), true) : range(s, t.dim(axis), axis, ev);
            if (r == null) {
                return Value.INVALID;
            }
            ranges.add(r);
            text.append(axis > 0 ? ", " : "").append(r.keep ? r.start + ":" + r.stop : Integer.toString(r.start));
        }
        return new Value.TensorRef(extract(t, ranges), text.append(']').toString(), null);
    }

    private static Range range(Subscript s, int dim, int axis, Evaluator ev) {
        if (!s.slice()) {
            Integer written = bound(s.start(), ev);
            if (written == null) {
                return null;
            }
            int i = fromEnd(written, dim);
            if (i < 0 || i >= dim) {
                ev.error(s.span(), "index out of range for axis " + axis + " of size " + dim);
                return null;
            }
            return new Range(i, i + 1, false);
        }
        Integer from = s.start() == null ? Integer.valueOf(0) : bound(s.start(), ev);
        Integer to = s.stop() == null ? Integer.valueOf(dim) : bound(s.stop(), ev);
        if (from == null || to == null) {
            return null;
        }
        int start = fromEnd(from, dim);
        int stop = fromEnd(to, dim);
        if (start < 0 || stop > dim || start >= stop) {
            // The bounds as written (a negative one counts from the end), so the message matches the source.
            String written = (s.start() == null ? "" : from.toString()) + ":" + (s.stop() == null ? "" : to.toString());
            ev.error(s.span(), "slice " + written + " is empty or outside axis " + axis + " of size " + dim);
            return null;
        }
        return new Range(start, stop, true);
    }

    /** A negative index counts from the end, as in Python. */
    private static int fromEnd(int i, int dim) {
        return i < 0 ? dim + i : i;
    }

    /** An integer bound, as written. */
    private static Integer bound(Expr e, Evaluator ev) {
        Double v = ev.number(ev.eval(e), e.span(), "a subscript");
        if (v == null) {
            return null;
        }
        if (v != Math.rint(v)) {
            ev.error(e.span(), "a subscript must be an integer, not " + Format.number(v));
            return null;
        }
        return (int) (double) v;
    }

    private static Tensor extract(Tensor t, List<Range> ranges) {
        int rank = t.rank();
        int[] outShape = ranges.stream().filter(Range::keep).mapToInt(r -> r.stop - r.start).toArray();
        int[] counts = ranges.stream().mapToInt(r -> r.stop - r.start).toArray();
        double[] out = new double[(int) Shapes.size(counts)];
        int[] idx = new int[rank];
        int[] src = new int[rank];
        int[] shape = t.shape();
        for (int n = 0; n < out.length; n++) {
            for (int a = 0; a < rank; a++) {
                src[a] = ranges.get(a).start + idx[a];
            }
            out[n] = t.get(Shapes.flatIndex(shape, src));
            for (int a = rank - 1; a >= 0 && ++idx[a] == counts[a]; a--) {
                idx[a] = 0;
            }
        }
        return Tensor.of(t.dtype(), out, outShape);
    }
}
