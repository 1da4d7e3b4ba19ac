package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceSpan;
import org.firstspike.diag.Suggest;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Shapes;
import org.firstspike.tensor.Tensor;

/**
 * Parses {@code as [...]} layouts and rearranges a stored tensor into a layer's canonical axis
 * order, checking every axis size: the einops idea, restricted to merges and permutations.
 */
final class Layouts {
    private Layouts() {
    }

    static Layout parse(Expr e, Diagnostics d) {
        if (!(e instanceof Expr.ListOf list)) {
            d.error(e.span(), "a layout is a list of axes, e.g. [out, in*kh*kw]");
            return null;
        }
        List<List<String>> groups = new ArrayList<>();
        List<List<SourceSpan>> spans = new ArrayList<>();
        for (Expr item : list.items()) {
            List<String> group = new ArrayList<>();
            List<SourceSpan> groupSpans = new ArrayList<>();
            if (!factors(item, group, groupSpans, d)) {
                return null;
            }
            groups.add(group);
            spans.add(groupSpans);
        }
        if (groups.isEmpty()) {
            d.error(e.span(), "a layout needs at least one axis");
            return null;
        }
        return new Layout(groups, spans, e.span());
    }

    private static boolean factors(Expr e, List<String> out, List<SourceSpan> spans, Diagnostics d) {
        if (e instanceof Expr.Name n) {
            out.add(n.name());
            spans.add(n.span());
            return true;
        }
        if (e instanceof Expr.Num n && n.value() == 1) {
            out.add(Layout.UNIT);
            spans.add(n.span());
            return true;
        }
        if (e instanceof Expr.Binary b && b.op() == '*') {
            return factors(b.left(), out, spans, d) && factors(b.right(), out, spans, d);
        }
        d.error(e.span(), "a layout axis is an axis name, a product of axis names (in*kh*kw), or 1");
        return false;
    }

    /**
     * Rearranges {@code t}, stored as {@code layout}, into canonical order {@code axes} with the
     * given sizes. Returns null after reporting when names or sizes do not fit.
     */
    static Tensor apply(Value.TensorRef ref, List<String> axes, Map<String, Integer> sizes, Diagnostics d) {
        Layout layout = ref.layout();
        Set<String> seen = new HashSet<>();
        List<String> flat = new ArrayList<>();
        for (int g = 0; g < layout.groups().size(); g++) {
            for (int i = 0; i < layout.groups().get(g).size(); i++) {
                String a = layout.groups().get(g).get(i);
                if (a.equals(Layout.UNIT)) {
                    continue;
                }
                if (!axes.contains(a)) {
                    d.error(layout.axisSpan(g, i), "unknown axis '" + a + "' in layout; this layer's axes are "
                            + String.join(", ", axes) + Suggest.didYouMean(a, axes));
                    return null;
                }
                if (!seen.add(a)) {
                    d.error(layout.axisSpan(g, i), "axis '" + a + "' appears twice in layout " + layout);
                    return null;
                }
                flat.add(a);
            }
        }
        if (seen.size() != axes.size()) {
            List<String> missing = axes.stream().filter(a -> !seen.contains(a)).toList();
            d.error(layout.span(), "layout " + layout + " does not mention axis " + String.join(", ", missing));
            return null;
        }
        int[] expected = layout.groups().stream().mapToInt(g -> g.stream()
                .mapToInt(a -> a.equals(Layout.UNIT) ? 1 : sizes.get(a)).reduce(1, (x, y) -> x * y)).toArray();
        if (!java.util.Arrays.equals(expected, ref.tensor().shape())) {
            d.error(layout.span(), ref.origin() + " has shape " + Shapes.format(ref.tensor().shape())
                    + " but layout " + layout + " needs " + Shapes.format(expected) + " (" + describe(axes, sizes) + ")");
            return null;
        }
        return permute(ref.tensor(), flat, axes, sizes);
    }

    static String describe(List<String> axes, Map<String, Integer> sizes) {
        return String.join(", ", axes.stream().map(a -> a + " = " + sizes.get(a)).toList());
    }

    /** Elements stored with axes in {@code stored} order, returned in {@code canonical} order. */
    private static Tensor permute(Tensor t, List<String> stored, List<String> canonical, Map<String, Integer> sizes) {
        int rank = canonical.size();
        int[] shape = canonical.stream().mapToInt(sizes::get).toArray();
        int[] storedShape = stored.stream().mapToInt(sizes::get).toArray();
        int[] strideOfCanonical = new int[rank];
        int stride = 1;
        for (int i = stored.size() - 1; i >= 0; i--) {
            strideOfCanonical[canonical.indexOf(stored.get(i))] = stride;
            stride *= storedShape[i];
        }
        double[] out = new double[t.size()];
        int[] idx = new int[rank];
        for (int n = 0; n < out.length; n++) {
            int src = 0;
            for (int a = 0; a < rank; a++) {
                src += idx[a] * strideOfCanonical[a];
            }
            out[n] = t.get(src);
            for (int a = rank - 1; a >= 0 && ++idx[a] == shape[a]; a--) {
                idx[a] = 0;
            }
        }
        return Tensor.of(t.dtype() == DType.FLOAT64 ? DType.FLOAT64 : t.dtype(), out, shape);
    }
}
