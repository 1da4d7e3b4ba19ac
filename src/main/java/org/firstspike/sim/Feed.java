package org.firstspike.sim;

/**
 * One edge as the engine's gather unit reads it: pairs (source element {@code from[i]} → input
 * element {@code to[i]}), only connected ones, with the delay-register value of each pair (null
 * when the edge has no delay).
 */
record Feed(int source, int[] from, int[] to, int[] delay) {

    int pairs() {
        return from.length;
    }

    boolean delayed() {
        return delay != null;
    }
}
