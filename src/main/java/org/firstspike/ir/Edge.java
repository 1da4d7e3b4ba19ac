package org.firstspike.ir;

/**
 * Spikes flowing from node {@code source} into a consumer: source element e lands on the
 * consumer's input element {@code map[e]} (−1: not connected) after {@code delay} (null: none).
 * For a neuron core an edge is a synapse group; slices, concats, shuffles and flattens are folded
 * into {@code map}, so hardware never moves spikes for them.
 */
public record Edge(String source, int[] map, Delay delay) {

    public Edge withMap(int[] newMap) {
        return new Edge(source, newMap, delay);
    }

    public Edge withDelay(Delay d) {
        return new Edge(source, map, d);
    }

    public long connected() {
        long n = 0;
        for (int m : map) {
            n += m >= 0 ? 1 : 0;
        }
        return n;
    }
}
