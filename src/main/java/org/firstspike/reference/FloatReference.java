package org.firstspike.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstspike.model.IndexMap;
import org.firstspike.model.Network;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;

/**
 * The exact float reference: continuous time, z = e^{t/τ} domain, every neuron's causal set found
 * by sorting and prefix sums, in double precision (docs/reference.md). Thread-safe: evaluation
 * keeps its scratch state per thread.
 */
public final class FloatReference {
    private final Network network;
    private final List<Step> steps = new ArrayList<>();
    private final int outputIndex;
    private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(Workspace::new);

    public FloatReference(Network network) {
        this.network = network;
        Map<String, Integer> index = network.indexByName();
        for (int i = 0; i < network.nodes().size(); i++) {
            steps.add(compile(i, network.nodes().get(i), index));
        }
        this.outputIndex = index.get(network.output());
    }

    public Network network() {
        return network;
    }

    private Step compile(int self, Node node, Map<String, Integer> index) {
        Op op = node.op();
        int[] sources = node.inputs().stream().mapToInt(index::get).toArray();
        List<Shape> inShapes = node.inputs().stream().map(n -> network.node(n).shape()).toList();
        double tau = network.time().tauSyn();
        if (op instanceof Op.Input in) {
            return new InputStep(self, in, network.time());
        } else if (op instanceof Op.NeuronLayer layer) {
            return new NeuronStep(self, node.name(), sources[0], layer, inShapes.get(0), tau);
        } else if (op instanceof Op.MinPool p) {
            return new PoolStep(self, sources[0], p.window(), inShapes.get(0), p.padZ(), false);
        } else if (op instanceof Op.AvgPoolZ p) {
            return new PoolStep(self, sources[0], p.window(), inShapes.get(0), p.padZ(), true);
        } else if (op instanceof Op.Add) {
            return TimeShiftStep.add(self, sources);
        } else if (op instanceof Op.Delay d) {
            return TimeShiftStep.delay(self, sources[0], d.applied(), tau, node.shape().plane());
        }
        return new GatherStep(self, sources, IndexMap.of(op, inShapes, node.shape()));
    }

    /** z values of every node for one sample (pixels 0..255 or spike times, per the input encoding). */
    public double[][] evaluateAll(double[] sample) {
        double[][] values = new double[steps.size()][];
        values[0] = sample;
        Workspace ws = workspace.get();
        for (Step s : steps) {
            s.run(values, ws);
        }
        return values;
    }

    /**
     * The host side of hardware inference: the input encoder's spike times t for one sample (a
     * time ≥ t_max means no spike), before any network layer. Host spike times in the z domain
     * are converted with t = τ·ln z.
     */
    public double[] inputTimes(double[] sample) {
        InputStep in = (InputStep) steps.get(0);
        double[] t = in.times(sample);
        if (network.inputOp().encoding() instanceof org.firstspike.model.InputEncoding.HostSpikeTimes h && h.zDomain()) {
            for (int i = 0; i < t.length; i++) {
                t[i] = network.time().toT(t[i]);
            }
        }
        return t;
    }

    /** One evaluation with the host encoder's spike times kept: what a hardware comparison needs. */
    public record Trace(double[] inputTimes, double[][] values) {
    }

    public Trace trace(double[] sample) {
        double[] times = inputTimes(sample);
        return new Trace(times, evaluateAll(sample));
    }

    /** The output layer's z values for one sample. */
    public double[] evaluate(double[] sample) {
        return evaluateAll(sample)[outputIndex];
    }

    /** The result of a probed evaluation: output z and the near-ties met on the way. */
    public record Probed(double[][] values, double[] output, List<NearTie> nearTies) {
    }

    /**
     * Evaluates one sample, listing every neuron decision within relative {@code margin} of the
     * other outcome, and inverting the decisions in {@code flips} — "what if rounding had gone the
     * other way here". With no flips the output equals {@link #evaluate}.
     */
    public Probed probe(double[] sample, double margin, java.util.Set<NearTie.Decision> flips) {
        Workspace ws = workspace.get();
        Probe p = new Probe(margin, flips);
        ws.probe = p;
        try {
            double[][] values = evaluateAll(sample);
            return new Probed(values, values[outputIndex], List.copyOf(p.found));
        } finally {
            ws.probe = null;
        }
    }

    /** The decoded class of output values {@code z}. */
    public int decide(double[] z) {
        return network.decode().decide(z);
    }
}
