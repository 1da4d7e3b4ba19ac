package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Orders definitions so every value comes after its inputs — statements may appear in any order —
 * and finds cycles. Among ready definitions the one written first goes first, so the order (and
 * everything generated from it) is deterministic.
 */
final class GraphOrder {
    private GraphOrder() {
    }

    record Result(List<Integer> order, List<List<Integer>> cycles) {
    }

    /** {@code deps.get(i)} lists the definitions i reads. */
    static Result sort(List<List<Integer>> deps) {
        int n = deps.size();
        int[] pending = new int[n];
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int d : deps.get(i)) {
                pending[i]++;
                users.get(d).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(i);
            for (int u : users.get(i)) {
                if (--pending[u] == 0) {
                    ready.add(u);
                }
            }
        }
        return new Result(order, order.size() == n ? List.of() : cycles(deps, pending));
    }

    /** The distinct cycles among the definitions that never became ready. */
    private static List<List<Integer>> cycles(List<List<Integer>> deps, int[] pending) {
        List<List<Integer>> found = new ArrayList<>();
        boolean[] inSomeCycle = new boolean[deps.size()];
        for (int start = 0; start < deps.size(); start++) {
            if (pending[start] == 0 || inSomeCycle[start]) {
                continue;
            }
            List<Integer> cycle = walk(deps, pending, start);
            if (cycle != null && cycle.stream().noneMatch(i -> inSomeCycle[i])) {
                cycle.forEach(i -> inSomeCycle[i] = true);
                found.add(cycle);
            }
        }
        return found;
    }

    /** Follows unresolved dependencies from {@code start} until a node repeats; returns that loop. */
    private static List<Integer> walk(List<List<Integer>> deps, int[] pending, int start) {
        Map<Integer, Integer> position = new LinkedHashMap<>();
        List<Integer> path = new ArrayList<>();
        int at = start;
        while (!position.containsKey(at)) {
            position.put(at, path.size());
            path.add(at);
            int next = -1;
            for (int d : deps.get(at)) {
                if (pending[d] > 0) {
                    next = d;
                    break;
                }
            }
            if (next < 0) {
                return null;
            }
            at = next;
        }
        List<Integer> loop = new ArrayList<>(path.subList(position.get(at), path.size()));
        // Rotate so the cycle starts at its earliest definition, for a stable message.
        int min = loop.indexOf(loop.stream().min(Integer::compare).orElseThrow());
        List<Integer> rotated = new ArrayList<>(loop.subList(min, loop.size()));
        rotated.addAll(loop.subList(0, min));
        java.util.Collections.reverse(rotated.subList(1, rotated.size()));
        return rotated;
    }
}
