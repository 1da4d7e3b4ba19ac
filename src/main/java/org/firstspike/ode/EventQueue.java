package org.firstspike.ode;

import java.util.Arrays;

/**
 * The global event queue: a binary min-heap on (time, insertion number) held in parallel primitive
 * arrays, so the order of events is total and deterministic — equal times pop in the order they were
 * scheduled. An event names a kind, a node, an element of that node and a version (see {@link Run}).
 */
final class EventQueue {
    static final byte SPIKE = 0;
    static final byte FIRE = 1;
    static final byte BIAS = 2;

    private double[] time = new double[256];
    private long[] seq = new long[256];
    private byte[] kind = new byte[256];
    private int[] node = new int[256];
    private int[] elem = new int[256];
    private int[] version = new int[256];
    private int size;
    private long next;

    // The event last popped.
    double topTime;
    byte topKind;
    int topNode;
    int topElem;
    int topVersion;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void push(double t, byte k, int n, int e, int v) {
        if (size == time.length) {
            int cap = size * 2;
            time = Arrays.copyOf(time, cap);
            seq = Arrays.copyOf(seq, cap);
            kind = Arrays.copyOf(kind, cap);
            node = Arrays.copyOf(node, cap);
            elem = Arrays.copyOf(elem, cap);
            version = Arrays.copyOf(version, cap);
        }
        int i = size++;
        long s = next++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(t, s, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, t, s, k, n, e, v);
    }

    /** Removes the earliest event into the {@code top*} fields. */
    void pop() {
        topTime = time[0];
        topKind = kind[0];
        topNode = node[0];
        topElem = elem[0];
        topVersion = version[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        double t = time[last];
        long s = seq[last];
        byte k = kind[last];
        int n = node[last];
        int e = elem[last];
        int v = version[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && less(time[child + 1], seq[child + 1], child)) {
                child++;
            }
            if (!lessThanSlot(time[child], seq[child], t, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, t, s, k, n, e, v);
    }

    private static boolean lessThanSlot(double t1, long s1, double t2, long s2) {
        return t1 < t2 || t1 == t2 && s1 < s2;
    }

    private boolean less(double t, long s, int slot) {
        return t < time[slot] || t == time[slot] && s < seq[slot];
    }

    private void move(int from, int to) {
        time[to] = time[from];
        seq[to] = seq[from];
        kind[to] = kind[from];
        node[to] = node[from];
        elem[to] = elem[from];
        version[to] = version[from];
    }

    private void set(int i, double t, long s, byte k, int n, int e, int v) {
        time[i] = t;
        seq[i] = s;
        kind[i] = k;
        node[i] = n;
        elem[i] = e;
        version[i] = v;
    }
}
