package org.firstspike.ode;

import java.util.Arrays;
import org.firstspike.model.LastInputSentinel;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;

/**
 * A conv2d or dense layer of if_exp neurons, simulated exactly in continuous time.
 *
 * <p>Each neuron keeps A = Σ w_i and B = Σ w_i·e^{t_i/τ} over the inputs that have arrived, so
 * V(t) = A − B·e^{−t/τ}. On each arrival (taken in time order from the global queue) it first fires
 * if its pending crossing time is at or before the arrival (an input adds nothing to V at its own
 * instant), then integrates the input and solves for the next crossing: between arrivals V is
 * monotone, so it crosses θ in [t_k, t_{k+1}) iff A > θ and e^{t/τ} = B/(A − θ) falls there.
 * The crossing is scheduled as a FIRE event; a later arrival makes it stale (version number).
 * Output element o·P + p is neuron o at position p (the layer's [C, H, W] flat index).
 */
final class NeuronKernel extends Kernel {
    /** The version of the capped-silence event: it stays valid whatever arrives. */
    static final int CAP = -1;

    private final int positions;
    private final int outChannels;
    private final int taps;
    private final int[][] tapSource;
    private final Geometry.Reverse reverse;
    private final double[] weights;
    private final double[] biasWeights;
    private final double biasTime;
    private final double theta;
    private final double tau;
    private final double tns;
    private final boolean seedRule;
    private final boolean capSilence;
    private final boolean[] padded;
    private final int inputsPerNeuron;

    static final class State {
        final double[] a;
        final double[] b;
        final double[] cand;
        final double[] raw;
        final double[] firedAt;
        final double[] margin;
        final int[] version;
        final boolean[] fired;
        final boolean[] afterLast;
        final int[] arrived;

        State(int neurons, int positions) {
            a = new double[neurons];
            b = new double[neurons];
            cand = new double[neurons];
            raw = new double[neurons];
            firedAt = new double[neurons];
            margin = new double[neurons];
            version = new int[neurons];
            fired = new boolean[neurons];
            afterLast = new boolean[neurons];
            arrived = new int[positions];
            Arrays.fill(cand, Double.POSITIVE_INFINITY);
            Arrays.fill(raw, Double.NaN);
            Arrays.fill(firedAt, Double.NaN);
            Arrays.fill(margin, Double.POSITIVE_INFINITY);
        }
    }

    NeuronKernel(int self, Node node, int[] sources, Shape in, double tau, OdeSolver.Options options) {
        super(self, node, sources);
        Op.NeuronLayer layer = (Op.NeuronLayer) node.op();
        this.tau = tau;
        this.outChannels = layer.weights().outputs();
        this.taps = layer.weights().perOutput();
        if (layer instanceof Op.Conv2d conv) {
            int oh = Geometry.outHeight(conv.window(), in);
            int ow = Geometry.outWidth(conv.window(), in);
            OdeSolver.checkShape(node, Shape.chw(outChannels, oh, ow));
            positions = oh * ow;
            tapSource = new int[positions][];
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    tapSource[oy * ow + ox] = Geometry.taps(conv.window(), in, oy, ox, true, 0);
                }
            }
        } else {
            OdeSolver.checkShape(node, Shape.vector(outChannels));
            positions = 1;
            int[] all = new int[in.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            tapSource = new int[][] {all};
        }
        if (tapSource[0].length != taps) {
            throw new IllegalStateException(node.name() + ": " + taps + " weights per neuron but " + tapSource[0].length
                    + " inputs per neuron");
        }
        this.reverse = Geometry.Reverse.of(tapSource, in.size());
        this.weights = layer.weights().values().toArray();
        this.biasWeights = layer.bias() == null ? null : layer.bias().weights().clone();
        this.biasTime = layer.bias() == null ? Double.NaN : layer.bias().spikeTime();
        this.theta = layer.neuron().threshold();
        this.tns = tau * Math.log(layer.noSpikeZ());
        this.seedRule = options.emulateSeedSentinel()
                && layer.neuron().lastInputSentinel() == LastInputSentinel.ONE;
        this.capSilence = options.silence() == OdeSolver.Silence.AT_NO_SPIKE_TIME;
        this.padded = new boolean[positions];
        for (int p = 0; p < positions; p++) {
            for (int s : tapSource[p]) {
                padded[p] |= s < 0;
            }
        }
        this.inputsPerNeuron = taps + (biasWeights == null ? 0 : 1);
    }

    double noSpikeTime() {
        return tns;
    }

    @Override
    Object newState() {
        return new State(outChannels * positions, positions);
    }

    @Override
    void start(Run run) {
        if (biasWeights != null) {
            run.schedule(biasTime, EventQueue.BIAS, self, 0, 0);
        }
        if (capSilence) {
            for (int n = 0; n < outChannels * positions; n++) {
                run.schedule(tns, EventQueue.FIRE, self, n, CAP);
            }
        }
    }

    @Override
    void receive(Run run, int slot, int elem, double t) {
        State s = run.state(self);
        double ez = Math.exp(t / tau);
        int[] start = reverse.start();
        for (int r = start[elem]; r < start[elem + 1]; r++) {
            arrive(run, s, reverse.outs()[r], reverse.which()[r], t, ez);
        }
    }

    @Override
    void bias(Run run, double t) {
        State s = run.state(self);
        double ez = Math.exp(t / tau);
        for (int p = 0; p < positions; p++) {
            arrive(run, s, p, taps, t, ez);
        }
    }

    /** Input {@code k} (k = taps: the bias) of every neuron at position {@code p} arrives at {@code t}. */
    private void arrive(Run run, State s, int p, int k, double t, double ez) {
        // A crossing at or before this arrival happens first: the input adds nothing to V at t.
        for (int o = 0; o < outChannels; o++) {
            int n = o * positions + p;
            if (!s.fired[n] && s.cand[n] <= t) {
                fire(run, s, n, p, s.cand[n]);
            }
        }
        // An input at or after the no-spike time is "silent": nothing it causes can count.
        boolean real = t < tns;
        if (real) {
            s.arrived[p]++;
        }
        boolean afterLastInput = seedRule && !padded[p] && s.arrived[p] == inputsPerNeuron;
        for (int o = 0; o < outChannels; o++) {
            int n = o * positions + p;
            double m = s.margin[n];
            if (s.fired[n]) {
                // The firing interval's other end: a spike just after this arrival would have been
                // rejected. (A capped-silence "spike" at t_ns is the no-spike code, not a decision.)
                if (s.firedAt[n] < tns) {
                    s.margin[n] = Math.min(m, Math.abs(t - s.firedAt[n]) / tau);
                }
                continue;
            }
            if (t != tns) {
                // Real or silent: an arrival exactly at t_ns is the no-spike code itself, not a near-tie.
                m = Math.min(m, Math.abs(t - tns) / tau);
            }
            if (!Double.isNaN(s.raw[n])) {
                m = Math.min(m, Math.abs(s.raw[n] - t) / tau);
            }
            s.version[n]++;
            if (!real) {
                s.cand[n] = Double.POSITIVE_INFINITY;
                s.raw[n] = Double.NaN;
                s.margin[n] = m;
                continue;
            }
            double w = k < taps ? weights[o * taps + k] : biasWeights[o];
            double a = s.a[n] + w;
            double b = s.b[n] + w * ez;
            s.a[n] = a;
            s.b[n] = b;
            double raw;
            if (a - b / ez >= theta) {
                raw = t; // V(t) is already at θ: only rounding can put it there, so a near-tie
            } else if (a > theta) {
                raw = Math.max(t, tau * Math.log(b / (a - theta)));
            } else {
                raw = Double.NaN;
            }
            s.raw[n] = raw;
            double c = Double.POSITIVE_INFINITY;
            if (!Double.isNaN(raw)) {
                m = Math.min(m, Math.min((raw - t) / tau, Math.abs(raw - tns) / tau));
                c = afterLastInput || raw >= tns ? Double.POSITIVE_INFINITY : raw;
            }
            s.margin[n] = m;
            s.cand[n] = c;
            if (c != Double.POSITIVE_INFINITY) {
                run.schedule(c, EventQueue.FIRE, self, n, s.version[n]);
            }
        }
    }

    @Override
    void fire(Run run, int elem, int version, double t) {
        State s = run.state(self);
        if (s.fired[elem]) {
            return;
        }
        if (version == CAP || version == s.version[elem] && s.cand[elem] == t) {
            fire(run, s, elem, elem % positions, t);
        }
    }

    private void fire(Run run, State s, int n, int p, double t) {
        s.fired[n] = true;
        s.firedAt[n] = t;
        s.cand[n] = Double.POSITIVE_INFINITY;
        s.afterLast[n] = t < tns && !padded[p] && s.arrived[p] == inputsPerNeuron;
        run.emit(self, n, t);
    }

    @Override
    long[] sourcesOf(int elem) {
        int[] t = tapSource[elem % positions];
        return Arrays.stream(t).filter(i -> i >= 0).mapToLong(i -> pack(sources[0], i)).toArray();
    }

    double[] margins(Run run) {
        return ((State) run.state(self)).margin;
    }

    boolean[] afterLast(Run run) {
        return ((State) run.state(self)).afterLast;
    }
}
