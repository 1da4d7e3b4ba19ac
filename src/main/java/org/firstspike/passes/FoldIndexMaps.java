package org.firstspike.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;

/**
 * Removes slice, concat, shuffle and flatten: each consumer's edge from such a node becomes edges
 * from the original producers with the composed index map. A concat thus turns into one synapse
 * group per producer, and no spike is ever moved by hardware for these ops.
 */
final class FoldIndexMaps implements Pass {
    @Override
    public String name() {
        return "fold-index-maps";
    }

    @Override
    public String description() {
        return "folds slice/concat/shuffle/flatten into the index maps of the edges that read them";
    }

    /** A producer reached through moves: its element e lands on the move's output element toOutput[e]. */
    private record Reach(String source, int[] toOutput) {
    }

    @Override
    public IrProgram run(IrProgram ir, PassContext ctx) {
        Map<String, List<Reach>> moves = new HashMap<>();
        List<IrNode> kept = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            if (n.op() instanceof IrOp.Move m) {
                moves.put(n.name(), resolve(ir, n, m, moves));
            } else {
                kept.add(n.withInputs(rewire(n.inputs(), moves)));
            }
        }
        return ir.withNodes(kept);
    }

    private static List<Reach> resolve(IrProgram ir, IrNode node, IrOp.Move m, Map<String, List<Reach>> moves) {
        List<Reach> out = new ArrayList<>();
        for (int k = 0; k < node.inputs().size(); k++) {
            Edge in = node.inputs().get(k);
            int[] inverse = inverse(m, k, ir.node(in.source()).size());
            for (Reach r : reaches(in.source(), ir, moves)) {
                int[] to = new int[r.toOutput().length];
                for (int e = 0; e < to.length; e++) {
                    int x = r.toOutput()[e];
                    int viaEdge = x < 0 ? -1 : in.map()[x];
                    to[e] = viaEdge < 0 ? -1 : inverse[viaEdge];
                }
                out.add(new Reach(r.source(), to));
            }
        }
        return out;
    }

    /** Producers behind {@code source}: itself, or what a move resolved to. */
    private static List<Reach> reaches(String source, IrProgram ir, Map<String, List<Reach>> moves) {
        List<Reach> r = moves.get(source);
        return r != null ? r : List.of(new Reach(source, identity(ir.node(source).size())));
    }

    /** For input k of the move: input element → output element (−1 if the move drops it). */
    private static int[] inverse(IrOp.Move m, int k, int inputSize) {
        int[] inv = new int[inputSize];
        java.util.Arrays.fill(inv, -1);
        for (int j = 0; j < m.map().size(); j++) {
            if (m.map().source()[j] == k) {
                inv[m.map().index()[j]] = j;
            }
        }
        return inv;
    }

    private static List<Edge> rewire(List<Edge> edges, Map<String, List<Reach>> moves) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            List<Reach> reach = moves.get(e.source());
            if (reach == null) {
                out.add(e);
                continue;
            }
            for (Reach r : reach) {
                int[] map = new int[r.toOutput().length];
                boolean any = false;
                for (int i = 0; i < map.length; i++) {
                    map[i] = r.toOutput()[i] < 0 ? -1 : e.map()[r.toOutput()[i]];
                    any |= map[i] >= 0;
                }
                if (any) {
                    out.add(new Edge(r.source(), map, e.delay()));
                }
            }
        }
        return out;
    }

    static int[] identity(int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = i;
        }
        return m;
    }
}
