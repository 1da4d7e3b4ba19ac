package org.firstspike.passes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.IndexMap;
import org.firstspike.model.Network;
import org.firstspike.model.Node;
import org.firstspike.model.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fold-index-maps: every consumer of a slice/concat/shuffle/flatten chain reads the original
 * producers through composed maps. Expected maps are written out by hand and, independently,
 * composed here from the model's own per-op {@link IndexMap}s.
 */
class FoldIndexMapsTest {
    @TempDir
    Path dir;

    static final String SOURCE = """
            network fold;
            weights w = json("fold.json");
            time { t_max = 4; }
            neuron { model = if_exp; tau_syn = 1; threshold = 1; }
            input x = spikes(shape = [4, 1, 2], domain = t);
            a, b = chunk(x, 2);
            c = concat(b, a);
            h = shuffle(c, groups = 2);
            m = minpool(h, kernel = 1);
            s = concat(a, a);
            n = minpool(s, kernel = 1);
            f = flatten(h, order = nhwc);
            y = dense(f, out = 1, weight = w["y"]);
            output y decode first_spike();
            """;

    private IrProgram folded(Network net) {
        return PassTestSupport.runThrough(net, "fold-index-maps");
    }

    /** Element j of node {@code name} resolved through moves to (producer, element), from the model's maps. */
    private static Object[] resolve(Network net, String name, int j) {
        Node n = net.node(name);
        List<Shape> in = n.inputs().stream().map(i -> net.node(i).shape()).toList();
        IndexMap map = IndexMap.of(n.op(), in, n.shape());
        if (map == null) {
            return new Object[] {name, j};
        }
        return resolve(net, n.inputs().get(map.source()[j]), map.index()[j]);
    }

    /** For each producer, producer element → consumer input element, composed from the model's maps. */
    private static Map<String, int[]> composed(Network net, String consumer) {
        String reads = net.node(consumer).inputs().get(0);
        int size = net.node(reads).shape().size();
        Map<String, int[]> out = new java.util.TreeMap<>();
        for (int j = 0; j < size; j++) {
            Object[] r = resolve(net, reads, j);
            int[] map = out.computeIfAbsent((String) r[0], k -> {
                int[] m = new int[net.node(k).shape().size()];
                Arrays.fill(m, -1);
                return m;
            });
            assertEquals(-1, map[(int) r[1]], "an element is read once here");
            map[(int) r[1]] = j;
        }
        return out;
    }

    /** The union of a consumer's edges from each producer (no element mapped twice). */
    private static Map<String, int[]> union(IrNode consumer, IrProgram ir) {
        Map<String, int[]> out = new java.util.TreeMap<>();
        for (Edge e : consumer.inputs()) {
            int[] map = out.computeIfAbsent(e.source(), k -> {
                int[] m = new int[ir.node(k).size()];
                Arrays.fill(m, -1);
                return m;
            });
            for (int i = 0; i < e.map().length; i++) {
                if (e.map()[i] >= 0) {
                    assertEquals(-1, map[i], "element " + i + " of " + e.source() + " mapped twice");
                    map[i] = e.map()[i];
                }
            }
        }
        return out;
    }

    /**
     * x = [4, 1, 2], element 2c + p. a = (x0, x1), b = (x2, x3); c = concat(b, a) = (x2, x3, x0, x1);
     * h = shuffle(c, 2): out n = in (n mod 2)·2 + ⌊n/2⌋ → in (0, 2, 1, 3) = (x2, x0, x3, x1).
     * m reads h: x element 2s + p lands on 2n + p where h channel n = x channel s: x0 → 1, x1 → 3, x2 → 0,
     * x3 → 2: map (2, 3, 6, 7, 0, 1, 4, 5), one edge per concat operand.
     * f = flatten(h, nhwc): h (n, 0, p) → p·4 + n, so x (s, p) → 4p + n: (1, 5, 3, 7, 0, 4, 2, 6).
     * s = concat(a, a): two edges from x, (0, 1, 2, 3, −, −, −, −) and (4, 5, 6, 7, −, −, −, −).
     */
    @Test
    void chunkConcatShuffleAndFlattenCompose() {
        Network net = PassTestSupport.load(dir, "fold", SOURCE, "{\"y\": [[1, 1, 1, 1, 1, 1, 1, 1]]}");
        IrProgram ir = folded(net);
        assertTrue(ir.nodes().stream().noneMatch(n -> n.op() instanceof IrOp.Move), "no move survives");
        assertEquals(List.of("x", "m", "n", "y"), ir.nodes().stream().map(IrNode::name).toList());

        IrNode m = ir.node("m");
        assertEquals(2, m.inputs().size());
        assertArrayEquals(new int[] {-1, -1, -1, -1, 0, 1, 4, 5}, m.inputs().get(0).map(), "b's edge first");
        assertArrayEquals(new int[] {2, 3, 6, 7, -1, -1, -1, -1}, m.inputs().get(1).map());
        assertArrayEquals(new int[] {2, 3, 6, 7, 0, 1, 4, 5}, union(m, ir).get("x"));

        IrNode y = ir.node("y");
        assertArrayEquals(new int[] {1, 5, 3, 7, 0, 4, 2, 6}, union(y, ir).get("x"));

        IrNode n = ir.node("n");
        assertEquals(2, n.inputs().size());
        assertArrayEquals(new int[] {0, 1, 2, 3, -1, -1, -1, -1}, n.inputs().get(0).map());
        assertArrayEquals(new int[] {4, 5, 6, 7, -1, -1, -1, -1}, n.inputs().get(1).map());

        for (String consumer : List.of("m", "y")) {
            Map<String, int[]> expected = composed(net, consumer);
            Map<String, int[]> actual = union(ir.node(consumer), ir);
            assertEquals(expected.keySet(), actual.keySet());
            for (String k : expected.keySet()) {
                assertArrayEquals(expected.get(k), actual.get(k), consumer + " from " + k);
            }
        }
    }

    /** A split of a split, a shuffle of a concat of four pieces of two producers, into a conv: maps against the model's. */
    @Test
    void deeperChainsAgreeWithTheModelsMaps() {
        String src = """
                network fold2;
                weights w = json("fold2.json");
                time { t_max = 4; }
                neuron { model = if_exp; tau_syn = 1; threshold = 1; }
                input x = spikes(shape = [6, 2, 2], domain = t);
                p = minpool(x, kernel = 1);
                a, b = split(x, sizes = [4, 2]);
                a1, a2 = split(a, sizes = [1, 3]);
                c = concat(a2, p, a1, b);
                h = shuffle(c, groups = 3);
                k = conv2d(h, out = 1, kernel = 1, weight = w["k"]);
                f = flatten(k, order = nchw);
                y = dense(f, out = 1, weight = w["y"]);
                output y decode first_spike();
                """;
        String k = "[[" + "[[1]], ".repeat(11) + "[[1]]]]";
        Network net = PassTestSupport.load(dir, "fold2", src, "{\"k\": " + k + ", \"y\": [[1, 1, 1, 1]]}");
        IrProgram ir = folded(net);
        Map<String, int[]> expected = composed(net, "k");
        Map<String, int[]> actual = union(ir.node("k"), ir);
        assertEquals(List.of("p", "x"), List.copyOf(actual.keySet()));
        for (String s : expected.keySet()) {
            assertArrayEquals(expected.get(s), actual.get(s), "k from " + s);
        }
        // By hand for one element: h channel 1 = c channel (1 mod 3)·4 + 0 = 4 = p channel 1 (c = a2 (3), p (6), a1 (1), b (2): 12 channels).
        assertEquals(1 * 4 + 0, actual.get("p")[1 * 4]);
        assertFalse(Arrays.stream(actual.get("x")).anyMatch(v -> v >= 48));
    }
}
