package org.firstspike.ode;

import java.util.Arrays;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;

/** The ops that are not neurons, in spike-time form. */
final class SimpleKernels {
    private SimpleKernels() {
    }

    /** The network input: its spikes are scheduled by {@link OdeSolver}. */
    static final class Input extends Kernel {
        Input(int self, Node node) {
            super(self, node, new int[0]);
        }

        @Override
        void receive(Run run, int slot, int elem, double t) {
            throw new IllegalStateException("the input has no inputs");
        }

        @Override
        long[] sourcesOf(int elem) {
            return new long[0];
        }
    }

    /**
     * First-spike pooling: an output spikes with the earliest spike in its window. A padded tap is a
     * spike at the pad time τ·ln(pad z) (never, for an infinite pad), scheduled at the start.
     */
    static final class MinPool extends Kernel {
        private final int[][] taps;
        private final Geometry.Reverse reverse;
        private final double padTime;

        MinPool(int self, Node node, int[] sources, Shape in, Op.MinPool op, double tau) {
            super(self, node, sources);
            int oh = Geometry.outHeight(op.window(), in);
            int ow = Geometry.outWidth(op.window(), in);
            OdeSolver.checkShape(node, Shape.chw(in.channels(), oh, ow));
            taps = new int[in.channels() * oh * ow][];
            for (int c = 0; c < in.channels(); c++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        taps[(c * oh + oy) * ow + ox] = Geometry.taps(op.window(), in, oy, ox, false, c);
                    }
                }
            }
            reverse = Geometry.Reverse.of(taps, in.size());
            padTime = op.padZ() == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : tau * Math.log(op.padZ());
        }

        @Override
        void start(Run run) {
            if (padTime == Double.POSITIVE_INFINITY) {
                return;
            }
            for (int j = 0; j < taps.length; j++) {
                if (Arrays.stream(taps[j]).anyMatch(i -> i < 0)) {
                    run.schedule(padTime, EventQueue.SPIKE, self, j, 0);
                }
            }
        }

        @Override
        void receive(Run run, int slot, int elem, double t) {
            int[] start = reverse.start();
            for (int r = start[elem]; r < start[elem + 1]; r++) {
                run.emit(self, reverse.outs()[r], t);
            }
        }

        @Override
        long[] sourcesOf(int elem) {
            return Arrays.stream(taps[elem]).filter(i -> i >= 0).mapToLong(i -> pack(sources[0], i)).toArray();
        }
    }

    /** Addition skip: once every input element has spiked, the output spikes at the sum of their times. */
    static final class Add extends Kernel {
        private static final class State {
            final int[] count;
            final double[] sum;

            State(int n) {
                count = new int[n];
                sum = new double[n];
            }
        }

        Add(int self, Node node, int[] sources) {
            super(self, node, sources);
        }

        @Override
        Object newState() {
            return new State(size);
        }

        @Override
        void receive(Run run, int slot, int elem, double t) {
            State s = run.state(self);
            s.sum[elem] += t;
            if (++s.count[elem] == sources.length) {
                run.schedule(s.sum[elem], EventQueue.SPIKE, self, elem, 0);
            }
        }

        @Override
        long[] sourcesOf(int elem) {
            return Arrays.stream(sources).mapToLong(src -> pack(src, elem)).toArray();
        }
    }

    /** Per-channel delay: the output spikes d_c after its input. */
    static final class Delay extends Kernel {
        private final double[] delayOfElement;

        Delay(int self, Node node, int[] sources, Op.Delay op) {
            super(self, node, sources);
            Shape shape = node.shape();
            int plane = Geometry.plane(shape);
            delayOfElement = new double[size];
            for (int j = 0; j < size; j++) {
                double d = op.delayOf(j / plane);
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("node '" + node.name() + "': applied delay " + d + " of channel "
                            + j / plane + " is not a finite non-negative time; a negative delay would be acausal");
                }
                delayOfElement[j] = d;
            }
        }

        @Override
        void receive(Run run, int slot, int elem, double t) {
            run.schedule(t + delayOfElement[elem], EventQueue.SPIKE, self, elem, 0);
        }

        @Override
        long[] sourcesOf(int elem) {
            return new long[] {pack(sources[0], elem)};
        }
    }

    /** Slice, concat, shuffle, flatten: the output element spikes when the element it copies does. */
    static final class Gather extends Kernel {
        private final Geometry.Gather map;
        private final Geometry.Reverse[] reverse;

        Gather(int self, Node node, int[] sources, java.util.List<Shape> in) {
            super(self, node, sources);
            map = Geometry.gather(node.op(), in, node.shape());
            reverse = new Geometry.Reverse[sources.length];
            for (int s = 0; s < sources.length; s++) {
                int[][] from = new int[size][];
                for (int j = 0; j < size; j++) {
                    from[j] = map.slot()[j] == s ? new int[] {map.index()[j]} : new int[0];
                }
                reverse[s] = Geometry.Reverse.of(from, in.get(s).size());
            }
        }

        @Override
        void receive(Run run, int slot, int elem, double t) {
            Geometry.Reverse r = reverse[slot];
            for (int i = r.start()[elem]; i < r.start()[elem + 1]; i++) {
                run.emit(self, r.outs()[i], t);
            }
        }

        @Override
        long[] sourcesOf(int elem) {
            return new long[] {pack(sources[map.slot()[elem]], map.index()[elem])};
        }
    }
}
