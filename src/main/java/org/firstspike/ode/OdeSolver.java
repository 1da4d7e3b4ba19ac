package org.firstspike.ode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.firstspike.model.InputEncoding;
import org.firstspike.model.Network;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;
import org.firstspike.model.TimeBase;

/**
 * The second, independent evaluator of a FirstSpike network: an event-driven, exact solution of the
 * neuron ODE in continuous time t (not z), written without the float reference's closed form.
 *
 * <h2>Model</h2>
 * A global priority queue holds spike events ordered by time; equal times pop in the order they were
 * scheduled, so a run is deterministic. Every if_exp neuron integrates its arrivals in time order,
 * keeping A = Σ w_i and B = Σ w_i·e^{t_i/τ}, so that V(t) = A − B·e^{−t/τ}. Between two arrivals V is
 * monotone, hence the neuron fires in [t_k, t_{k+1}) iff A > θ and t* = τ·ln(B/(A − θ)) lies there;
 * t* is scheduled and made stale by the next arrival. A neuron fires at most once and then ignores
 * its inputs. The other ops act on times: first-spike pooling passes the earliest spike of the window
 * (a padded tap spikes at τ·ln(pad z): never for pad = never), the addition skip spikes at Σ t_i once
 * all inputs spiked, the delay at t + d_c, and slice/concat/shuffle/flatten copy spikes. The z-average
 * pool ({@code avgpool_z}) is not a spike-time op and is refused.
 *
 * <h2>Silence</h2>
 * An input at t ≥ t_max (or NaN) is no spike. A neuron output at or after its layer's no-spike time
 * t_ns = τ·ln(no_spike z) is no spike: by default it is +∞ and never propagates
 * ({@link Silence#NEVER}). {@link Silence#AT_NO_SPIKE_TIME} instead reproduces the seed's code, where
 * "silent" is the number MAX that later ops treat as a spike at t_ns (see below). An input arriving at
 * or after a neuron's own t_ns cannot make it fire before t_ns, so such inputs are not integrated.
 *
 * <h2>Where the seed's closed form differs (docs/reference.md, "Exact ODE solver vs. the seed's
 * closed form")</h2>
 * <ol type="a">
 * <li><b>last_input_sentinel = one.</b> The seed compares the all-real-inputs prefix with the "next
 * input" z = 1, so a neuron never fires after its last real input — unless it has a silent or padded
 * input: those sort last at the no-spike value, so the next input after the last real one is then
 * MAX (the reference uses +∞ and the same cap), and firing after the last real input is allowed (its
 * time is then below MAX or capped to it). The ODE fires after the last input whenever V reaches θ.
 * {@link Options#emulateSeedSentinel()} forbids exactly that case (no padding, every input including
 * the bias arrived before t_ns) in layers that declare {@code one}; {@link Result#firedAfterLastInput}
 * flags the neurons where the exact ODE fired in that situation.</li>
 * <li><b>next_input_test ge/gt</b> only matters when t* equals an arrival time exactly. The ODE fires
 * then (the arrival adds nothing to V at its own instant), as {@code gt} does; {@code ge} rejects that
 * prefix and moves on, which gives the same time unless the arriving inputs pull A to ≤ θ, or rounding
 * puts the recomputed candidate just below its last cause.</li>
 * <li><b>Simultaneous inputs</b> are all integrated at once; no firing happens "between" them. The
 * seed (with an unstable sort) can only accept a partial tie group when its candidate equals the tie
 * time exactly, which in exact arithmetic means the neuron really reaches θ at that instant; in float
 * it is a near-tie. The order inside a tie group only changes rounding.</li>
 * <li><b>Values above no-spike</b> (MAX·e^d after a delay, MAX·z after an add, pads of 1e5) stay
 * above every later no-spike value, and a neuron ignores inputs at or above its own no-spike value,
 * so they are harmless as long as no layer's no-spike exceeds the values that feed it. Where it
 * does (the res model raises MAX to 2·MAX, 4·MAX after its add skips) a silent neuron is a real,
 * late spike at t_ns for the next layer: use {@link Silence#AT_NO_SPIKE_TIME} to reproduce that.</li>
 * <li><b>min(·, MAX)</b>: the seed caps every output at MAX, which is "no spike" for a consumer with
 * the same MAX (the ODE's +∞) and a spike at t_ns otherwise, as in (d).</li>
 * </ol>
 *
 * <p>Float near-ties: each neuron reports in {@link Result#margins} how close (in units of τ, i.e.
 * relative z) its decisions came to the other outcome: a crossing time vs. the surrounding arrivals,
 * vs. t_ns, and arrivals vs. t_ns. A disagreement with the reference at margin &lt; 1e-9 is a
 * float tie, not a difference of the models. Thread-safe: every run has its own state.
 */
public final class OdeSolver {

    /** What a neuron that does not fire before its no-spike time emits. */
    public enum Silence {
        /** Nothing: its time is +∞ (the exact model). */
        NEVER,
        /** A spike at its no-spike time t_ns, as the seed's MAX code behaves downstream. */
        AT_NO_SPIKE_TIME
    }

    /**
     * @param silence             what silent neurons (and inputs at or after t_max) emit
     * @param emulateSeedSentinel in layers with {@code last_input_sentinel = one}, forbid firing after
     *                            the last input of a neuron that has no padded or silent input (quirk a)
     */
    public record Options(Silence silence, boolean emulateSeedSentinel) {
        /** The exact ODE. */
        public static final Options EXACT = new Options(Silence.NEVER, false);
        /** The exact ODE plus the seed's sentinel rule where the layer declares it. */
        public static final Options SEED_SENTINEL = new Options(Silence.NEVER, true);
        /** The seed's behaviour as far as spike times go: its sentinel rule and its MAX code. */
        public static final Options SEED = new Options(Silence.AT_NO_SPIKE_TIME, true);
    }

    /**
     * The outcome of a run. {@code times[node][element]}: spike times t (+∞: no spike), node order as
     * in the network. For neuron layers, {@code margins} holds each neuron's smallest decision margin
     * (+∞ when it never came near one) and {@code firedAfterLastInput} marks the neurons that fired
     * after their last input with no padded or silent input (where the seed's sentinel {@code one}
     * would have kept them silent); both are null for other nodes.
     */
    public record Result(double[][] times, double[][] margins, boolean[][] firedAfterLastInput, long events) {
        public double margin(int node, int element) {
            return margins[node] == null ? Double.POSITIVE_INFINITY : margins[node][element];
        }
    }

    private final Network network;
    private final Options options;
    private final TimeBase time;
    private final Kernel[] kernels;
    private final int[][] consumerNode;
    private final int[][] consumerSlot;
    private final Map<String, Integer> index;
    private final int outputIndex;

    public OdeSolver(Network network) {
        this(network, Options.EXACT);
    }

    public OdeSolver(Network network, Options options) {
        this.network = network;
        this.options = options;
        this.time = network.time();
        this.index = network.indexByName();
        List<Node> nodes = network.nodes();
        kernels = new Kernel[nodes.size()];
        List<List<int[]>> consumers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            consumers.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            int[] sources = new int[node.inputs().size()];
            for (int s = 0; s < sources.length; s++) {
                Integer src = index.get(node.inputs().get(s));
                if (src == null || src >= i) {
                    throw new IllegalArgumentException("node '" + node.name() + "' reads '" + node.inputs().get(s)
                            + "', which is not an earlier node");
                }
                sources[s] = src;
                consumers.get(src).add(new int[] {i, s});
            }
            kernels[i] = compile(i, node, sources);
        }
        consumerNode = new int[nodes.size()][];
        consumerSlot = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            consumerNode[i] = consumers.get(i).stream().mapToInt(c -> c[0]).toArray();
            consumerSlot[i] = consumers.get(i).stream().mapToInt(c -> c[1]).toArray();
        }
        outputIndex = index.get(network.output());
    }

    private Kernel compile(int self, Node node, int[] sources) {
        Op op = node.op();
        List<Shape> in = node.inputs().stream().map(n -> network.node(n).shape()).toList();
        double tau = time.tauSyn();
        if (op instanceof Op.Input) {
            if (self != 0) {
                throw new IllegalArgumentException("the input must be the first node");
            }
            return new SimpleKernels.Input(self, node);
        } else if (op instanceof Op.NeuronLayer) {
            return new NeuronKernel(self, node, sources, in.get(0), tau, options);
        } else if (op instanceof Op.MinPool p) {
            return new SimpleKernels.MinPool(self, node, sources, in.get(0), p, tau);
        } else if (op instanceof Op.AvgPoolZ) {
            throw new UnsupportedOperationException("node '" + node.name() + "' is avgpool_z: it averages z = e^{t/τ} "
                    + "values, which is not an operation on spike times (no spiking circuit computes it), so the "
                    + "event-driven ODE solver cannot simulate it; use minpool (first spike in the window)");
        } else if (op instanceof Op.Add) {
            for (Shape s : in) {
                if (!s.equals(node.shape())) {
                    throw new IllegalStateException("add '" + node.name() + "': input shape " + s + " but output "
                            + node.shape());
                }
            }
            return new SimpleKernels.Add(self, node, sources);
        } else if (op instanceof Op.Delay d) {
            checkShape(node, in.get(0));
            return new SimpleKernels.Delay(self, node, sources, d);
        } else if (op instanceof Op.ChannelSlice || op instanceof Op.Concat || op instanceof Op.Shuffle
                || op instanceof Op.Flatten) {
            return new SimpleKernels.Gather(self, node, sources, in);
        }
        throw new UnsupportedOperationException("node '" + node.name() + "': op " + op.keyword()
                + " is not supported by the ODE solver");
    }

    static void checkShape(Node node, Shape computed) {
        if (!node.shape().equals(computed)) {
            throw new IllegalStateException("node '" + node.name() + "': the network says shape " + node.shape()
                    + " but the op's definition gives " + computed);
        }
    }

    public Network network() {
        return network;
    }

    public Options options() {
        return options;
    }

    public int nodeIndex(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no node '" + name + "'");
        }
        return i;
    }

    /** Spike times of every node for the input node's spike times t (see {@link #run}). */
    public double[][] spikeTimes(double[] inputTimes) {
        return run(inputTimes).times();
    }

    /** The output layer's spike times. */
    public double[] outputTimes(double[] inputTimes) {
        return spikeTimes(inputTimes)[outputIndex];
    }

    /**
     * Simulates the whole network. {@code inputTimes} are the input node's spike times t, one per
     * element of its shape (after the host encoder); t ≥ t_max, +∞ and NaN are no spike.
     */
    public Result run(double[] inputTimes) {
        int inputSize = kernels[0].size;
        if (inputTimes.length != inputSize) {
            throw new IllegalArgumentException("the input '" + network.input().name() + "' has " + inputSize
                    + " elements, but " + inputTimes.length + " spike times were given");
        }
        boolean[] active = new boolean[kernels.length];
        Arrays.fill(active, true);
        Run run = new Run(kernels, consumerNode, consumerSlot, active);
        double silentInput = options.silence() == Silence.NEVER ? Double.POSITIVE_INFINITY
                : time.tauSyn() * Math.log(time.noSpikeZ());
        for (int i = 0; i < inputSize; i++) {
            double t = inputTimes[i];
            run.schedule(t >= time.tMax() || Double.isNaN(t) ? silentInput : t, EventQueue.SPIKE, 0, i, 0);
        }
        return finish(run);
    }

    /**
     * Simulates node {@code node} alone, from given spike times of its input nodes
     * ({@code upstream[i]} for node index i; only the node's inputs are read; +∞ = no spike). For
     * checking one layer at a time against another evaluator fed the same inputs.
     */
    public Result runNode(int node, double[][] upstream) {
        boolean[] active = new boolean[kernels.length];
        active[node] = true;
        Run run = new Run(kernels, consumerNode, consumerSlot, active);
        for (int src : Arrays.stream(kernels[node].sources).distinct().toArray()) {
            double[] t = upstream[src];
            if (t == null || t.length != kernels[src].size) {
                throw new IllegalArgumentException("node '" + kernels[node].node.name() + "' needs the "
                        + kernels[src].size + " spike times of '" + kernels[src].node.name() + "'");
            }
            for (int e = 0; e < t.length; e++) {
                run.schedule(t[e], EventQueue.SPIKE, src, e, 0);
            }
        }
        return finish(run);
    }

    private Result finish(Run run) {
        for (int i = 0; i < kernels.length; i++) {
            if (run.active[i]) {
                kernels[i].start(run);
            }
        }
        run.loop();
        double[][] margins = new double[kernels.length][];
        boolean[][] after = new boolean[kernels.length][];
        for (int i = 0; i < kernels.length; i++) {
            if (run.active[i] && kernels[i] instanceof NeuronKernel nk) {
                margins[i] = nk.margins(run);
                after[i] = nk.afterLast(run);
            }
        }
        return new Result(run.times, margins, after, run.events);
    }

    /** The decoded class: the output that spikes first; ties and an all-silent output go to the lowest index. */
    public int decide(double[] outputTimes) {
        // t = τ·ln z is increasing, so the model's decoding rule applies to times unchanged.
        return network.decode().decide(outputTimes);
    }

    /** For neuron layers, t_ns = τ·ln(no_spike z); for the input, t_max; NaN for other nodes. */
    public double noSpikeTime(int node) {
        if (kernels[node] instanceof NeuronKernel nk) {
            return nk.noSpikeTime();
        }
        return node == 0 ? time.tMax() : Double.NaN;
    }

    /**
     * The elements that element {@code element} of node {@code node} reads, each packed as
     * {@code (long) inputNodeIndex << 32 | inputElement}: a neuron's non-padded taps, a pool's window,
     * the added, delayed or copied elements. Empty for the input.
     */
    public long[] sourcesOf(int node, int element) {
        return kernels[node].sourcesOf(element);
    }

    /**
     * Adapter from the input node's z values, as the float reference computes them (for image inputs:
     * after its host encoder): t = τ·ln z, and z at or above the time base's no-spike value is no spike.
     */
    public double[] inputTimesFromZ(double[] z) {
        double[] t = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            t[i] = z[i] >= time.noSpikeZ() || Double.isNaN(z[i]) ? Double.POSITIVE_INFINITY : time.toT(z[i]);
        }
        return t;
    }

    /**
     * The input spike times of one sample for inputs the ODE can encode itself: {@code spikes(domain = t)}
     * (the values as given), {@code spikes(domain = z)} and {@code image(...) encoder linear(...)}. An ANN
     * encoder runs on the host in float: evaluate it there and use {@link #inputTimesFromZ}.
     */
    public double[] inputTimesFromSample(double[] sample) {
        InputEncoding enc = network.inputOp().encoding();
        double[] t = new double[sample.length];
        if (enc instanceof InputEncoding.HostSpikeTimes h) {
            for (int i = 0; i < t.length; i++) {
                double v = sample[i];
                t[i] = !h.zDomain() ? v : v >= time.toZ(time.tMax()) || Double.isNaN(v) ? Double.POSITIVE_INFINITY
                        : time.toT(v);
            }
        } else if (enc instanceof InputEncoding.LinearPixels l) {
            for (int i = 0; i < t.length; i++) {
                t[i] = l.offset() + l.slope() * sample[i] * l.pixelScale();
            }
        } else {
            throw new UnsupportedOperationException("the input '" + network.input().name() + "' has an "
                    + enc.describe() + "; the ODE solver simulates spikes only: run the encoder on the host "
                    + "(e.g. FloatReference.evaluateAll(sample)[0]) and convert its z with inputTimesFromZ");
        }
        return t;
    }
}
