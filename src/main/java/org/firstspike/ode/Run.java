package org.firstspike.ode;

/**
 * The mutable state of one simulation: the event queue, the current time, every node's first spike
 * times and each kernel's own state. One {@code Run} per call, so an {@link OdeSolver} is thread-safe.
 *
 * <p>Time only moves forward: scheduling an event before the current time is a causality error
 * (e.g. an addition skip of negative spike times), reported instead of silently reordered.
 */
final class Run {
    final Kernel[] kernels;
    final boolean[] active;
    final double[][] times;
    final Object[] state;
    final EventQueue queue = new EventQueue();
    private final int[][] consumerNode;
    private final int[][] consumerSlot;
    double now = Double.NEGATIVE_INFINITY;
    long events;

    Run(Kernel[] kernels, int[][] consumerNode, int[][] consumerSlot, boolean[] active) {
        this.kernels = kernels;
        this.consumerNode = consumerNode;
        this.consumerSlot = consumerSlot;
        this.active = active;
        this.times = new double[kernels.length][];
        this.state = new Object[kernels.length];
        for (int i = 0; i < kernels.length; i++) {
            times[i] = new double[kernels[i].size];
            java.util.Arrays.fill(times[i], Double.POSITIVE_INFINITY);
            if (active[i]) {
                state[i] = kernels[i].newState();
            }
        }
    }

    void schedule(double t, byte kind, int node, int elem, int version) {
        if (t < now) {
            throw new IllegalStateException("acausal event in node '" + kernels[node].node.name() + "' (" + kernels[node]
                    .node.op().keyword() + "), element " + elem + ": scheduled at t = " + t + " while the simulation is at t = "
                    + now + "; every op must emit its spike no earlier than the inputs that cause it (add needs spike "
                    + "times >= 0, delay needs delays >= 0)");
        }
        if (t == Double.POSITIVE_INFINITY || Double.isNaN(t)) {
            return;
        }
        queue.push(t, kind, node, elem, version);
    }

    /** Element {@code elem} of {@code node} spikes at {@code t} (its first spike; later ones are ignored). */
    void emit(int node, int elem, double t) {
        double[] ts = times[node];
        if (ts[elem] != Double.POSITIVE_INFINITY) {
            return;
        }
        ts[elem] = t;
        int[] cn = consumerNode[node];
        int[] cs = consumerSlot[node];
        for (int c = 0; c < cn.length; c++) {
            if (active[cn[c]]) {
                kernels[cn[c]].receive(this, cs[c], elem, t);
            }
        }
    }

    void loop() {
        while (!queue.isEmpty()) {
            queue.pop();
            now = queue.topTime;
            events++;
            int node = queue.topNode;
            switch (queue.topKind) {
                case EventQueue.SPIKE -> emit(node, queue.topElem, now);
                case EventQueue.FIRE -> kernels[node].fire(this, queue.topElem, queue.topVersion, now);
                default -> kernels[node].bias(this, now);
            }
        }
    }

    @SuppressWarnings("unchecked")
    <T> T state(int node) {
        return (T) state[node];
    }
}
