package org.firstspike.reference;

/** Per-thread scratch buffers, so evaluation allocates nothing per neuron. */
final class Workspace {
    final ArrivalOrder sorter = new ArrivalOrder();
    double[] patch = new double[0];
    int[] real = new int[0];
    int[] order = new int[0];
    /** Null except while {@link FloatReference#probe} evaluates. */
    Probe probe;

    void ensure(int n) {
        if (patch.length < n) {
            patch = new double[n];
            real = new int[n];
            order = new int[n];
        }
    }
}
