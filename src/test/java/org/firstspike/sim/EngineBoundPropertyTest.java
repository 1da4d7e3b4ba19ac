package org.firstspike.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.firstspike.device.Targets;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.TimeGrid;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.reference.FloatReference;
import org.firstspike.report.Json;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.RandomNetworks;
import org.firstspike.testing.Seeds;
import org.firstspike.testing.SpikeComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integer engine against the float reference on random networks (conv, dense, pools, delays,
 * add and concat skips), element by element, with the bound of docs/semantics.md §7.
 *
 * <p>The weights are put on the 8-bit PTQ grid first (w = k·s with max |k| = 127 per output channel,
 * biases on the same grid), so the float reference computes the network the hardware holds and every
 * difference is a departure the document bounds: input and delay rounding, table and threshold
 * rounding, the neuron's own tick. Each element is checked against its inputs' <em>actual</em> errors:
 * <ul>
 * <li>neuron: when both fire and the causal sets agree (float: inputs before t_float; hardware:
 * inputs at ticks ≤ its firing tick), |t_hw − t_float| ≤ Δ/2 + κ·ε_in + 2^(2−F)·τ·κ + 2^−G·τ/A';</li>
 * <li>minpool: |Δmin| ≤ the largest input error of the window (pad included);</li>
 * <li>time-add: |Δsum| ≤ the sum of the operands' errors;</li>
 * <li>input: |Δ| ≤ Δ/2.</li>
 * </ul>
 * Elements that fire in one computation only, or whose causal sets differ, are what §7 calls
 * unbounded; they are counted, and the summary requires that most firing elements were checked.
 */
class EngineBoundPropertyTest {
    static final int NETWORKS = 160;
    static final int SAMPLES = 3;
    static final int[] TICKS = {16, 64, 256, 1024};
    static final double SLACK = 1e-9;

    private static final AtomicLong FIRING = new AtomicLong();
    private static final AtomicLong CHECKED = new AtomicLong();
    private static final AtomicLong NEURONS_CHECKED = new AtomicLong();
    private static final AtomicLong SWITCHED = new AtomicLong();
    private static final AtomicLong CAUSAL = new AtomicLong();

    static LongStream seeds() {
        return Seeds.stream(7_000, NETWORKS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void engineStaysWithinTheBound(long seed, @TempDir Path dir) throws Exception {
        RandomNetworks.Generated g0 = RandomNetworks.generate(seed,
                RandomNetworks.Options.exact().with(RandomNetworks.NoSpikeLevels.UNIFORM));
        RandomNetworks.Generated g = new RandomNetworks.Generated(g0.seed(), g0.name(), g0.source(),
                onPtqGrid(g0.weightsJson()), g0.inputShape(), g0.tMax(), g0.tauSyn(), g0.ops());
        Network net = g.load(dir);
        int ticks = TICKS[(int) Math.floorMod(seed, (long) TICKS.length)];
        IrProgram ir = compile(net, ticks);
        SimProgram program = SimProgram.of(ir, Targets.load("generic").engine());
        Engine engine = new Engine(program, false);
        FloatReference ref = new FloatReference(net);
        double[][] silence = SpikeComparison.silenceLevels(net);
        Random rnd = new Random(seed);
        List<String> violations = new ArrayList<>();
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] input = g.randomInputTimes(rnd);
            double[][] tF = SpikeComparison.toTimes(net, ref.evaluateAll(input));
            SimResult r = engine.run(HostInput.ticks(ref.inputTimes(input), ir), true);
            new Check(net, ir, program, tF, silence, r.ticks(), sample, violations).run();
        }
        assertTrue(violations.isEmpty(), () -> Seeds.describe(seed, getClass()) + ", T = " + ticks + ": "
                + violations.size() + " elements outside the §7 bound, first "
                + violations.subList(0, Math.min(6, violations.size())) + "\nnetwork:\n" + g.source());
    }

    /**
     * Compiles with the defaults; a network whose tables or firing-test products outgrow 64 bits (large
     * no-spike times) is compiled again with fewer table fraction bits, as the error message advises.
     */
    private static IrProgram compile(Network net, int ticks) {
        CompileOptions o = CompileOptions.defaults().withTicks(ticks);
        try {
            return Lowering.compile(net, o, Targets.load("generic"));
        } catch (DiagnosticException e) {
            if (!e.getMessage().contains("bit products") && !e.getMessage().contains("membrane tables overflow")) {
                throw e;
            }
            return Lowering.compile(net, new CompileOptions(ticks, 10, o.thresholdFractionBits(), o.ptqBits(),
                    o.ptqGranularity(), o.weightBits()), Targets.load("generic"));
        }
    }

    @AfterAll
    static void mostFiringElementsAreChecked() {
        System.out.printf("EngineBoundPropertyTest: %d firing elements, %d bound-checked (%d neurons), %d fire in one "
                + "computation only, %d with different causal sets%n", FIRING.get(), CHECKED.get(),
                NEURONS_CHECKED.get(), SWITCHED.get(), CAUSAL.get());
        if (!Seeds.replaying()) {
            assertTrue(NEURONS_CHECKED.get() > 10_000, "too few neurons fired to test anything");
            assertTrue(CHECKED.get() >= 0.9 * FIRING.get(), "fewer than 90% of the firing elements were checked");
        }
    }

    /**
     * Puts every conv/dense weight ({"shape": [out, ...], "data": [...]}, two axes or more) and its bias
     * ("NAME_b") on the per-channel 8-bit grid the PTQ pass uses.
     */
    static String onPtqGrid(String json) throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(json);
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode shape = root.get(name).get("shape");
            if (shape == null || shape.size() < 2) {
                continue;
            }
            ArrayNode data = (ArrayNode) root.get(name).get("data");
            int out = shape.get(0).asInt();
            int per = data.size() / out;
            double[] scales = new double[out];
            for (int o = 0; o < out; o++) {
                double max = 0;
                for (int i = o * per; i < (o + 1) * per; i++) {
                    max = Math.max(max, Math.abs(data.get(i).asDouble()));
                }
                scales[o] = max == 0 ? 1 : max / 127;
                for (int i = o * per; i < (o + 1) * per; i++) {
                    data.set(i, Math.rint(data.get(i).asDouble() / scales[o]) * scales[o]);
                }
            }
            JsonNode bias = root.get(name + "_b");
            if (bias != null) {
                ArrayNode b = (ArrayNode) bias.get("data");
                for (int o = 0; o < out; o++) {
                    b.set(o, Math.rint(b.get(o).asDouble() / scales[o]) * scales[o]);
                }
            }
        }
        return Json.MAPPER.writeValueAsString(root);
    }

    /** One sample: every element of every stage against its inputs' actual errors. */
    private static final class Check {
        private final Network net;
        private final IrProgram ir;
        private final SimProgram program;
        private final double[][] tF;
        private final double[][] silence;
        private final int[][] ticks;
        private final int sample;
        private final List<String> violations;
        private final double dt;
        private final TimeGrid grid;

        Check(Network net, IrProgram ir, SimProgram program, double[][] tF, double[][] silence, int[][] ticks,
                int sample, List<String> violations) {
            this.net = net;
            this.ir = ir;
            this.program = program;
            this.tF = tF;
            this.silence = silence;
            this.ticks = ticks;
            this.sample = sample;
            this.violations = violations;
            this.grid = ir.grid();
            this.dt = grid.tickLength();
        }

        /** Float time of stage s's element e, +∞ when silent. */
        double floatTime(int s, int e) {
            int node = net.indexByName().get(ir.nodes().get(s).name());
            double t = tF[node][e];
            return t >= silence[node][e] ? Double.POSITIVE_INFINITY : t;
        }

        /** Hardware time of stage s's element e, +∞ when at or after the no-spike tick. */
        double hwTime(int s, int e) {
            int n = ticks[s][e];
            return n >= noSpikeTick() ? Double.POSITIVE_INFINITY : n * dt;
        }

        int noSpikeTick() {
            return ((IrOp.Neuron) ir.node(ir.output()).op()).noSpikeTick();
        }

        void run() {
            List<Stage> stages = program.stages();
            for (int s = 0; s < stages.size(); s++) {
                Stage st = stages.get(s);
                double[][] in = inputs(s, st);
                if (st instanceof CoreStage c) {
                    readers = invert(c.fanStart, c.fanTarget, c.size);
                } else if (st instanceof MinPoolStage p) {
                    readers = invert(p.windowStart, p.windows, p.size);
                }
                for (int e = 0; e < st.size; e++) {
                    double f = floatTime(s, e);
                    double h = hwTime(s, e);
                    if (f == Double.POSITIVE_INFINITY && h == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    if (f < Double.POSITIVE_INFINITY) {
                        FIRING.incrementAndGet();
                    }
                    if (f == Double.POSITIVE_INFINITY || h == Double.POSITIVE_INFINITY) {
                        SWITCHED.incrementAndGet();
                        continue;
                    }
                    double bound = bound(st, s, e, in, f, h);
                    if (Double.isNaN(bound)) {
                        CAUSAL.incrementAndGet();
                        continue;
                    }
                    CHECKED.incrementAndGet();
                    if (st instanceof CoreStage) {
                        NEURONS_CHECKED.incrementAndGet();
                    }
                    if (Math.abs(h - f) > bound + SLACK) {
                        violations.add(String.format("sample %d, %s[%d]: t_float %.6f, t_hw %.6f (tick %d), |diff| "
                                + "%.6f > bound %.6f", sample, st.name, e, f, h, ticks[s][e], Math.abs(h - f), bound)
                                + (st instanceof CoreStage ? " " + terms : ""));
                    }
                }
            }
        }

        /** The last neuron bound's terms, for the failure message. */
        private String terms = "";

        /** Per output element: the positions k of the lists (start, target) that reach it. */
        private int[][] readers;

        private static int[][] invert(int[] start, int[] target, int size) {
            int[] count = new int[size];
            for (int k = 0; k < start[start.length - 1]; k++) {
                count[target[k]]++;
            }
            int[][] out = new int[size][];
            for (int j = 0; j < size; j++) {
                out[j] = new int[count[j]];
                count[j] = 0;
            }
            for (int m = 0; m + 1 < start.length; m++) {
                for (int k = start[m]; k < start[m + 1]; k++) {
                    out[target[k]][count[target[k]]++] = k;
                }
            }
            return out;
        }

        /** The k-th list entry's input element m, with start[m] ≤ k < start[m + 1]. */
        private static int owner(int[] start, int k) {
            int lo = 0;
            int hi = start.length - 2;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (start[mid] <= k) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        /** Pair i of feed k of stage s: {float arrival time, hardware arrival time}, +∞ when silent. */
        private double[] arrival(int s, int k, int i) {
            Feed f = program.stages().get(s).feeds[k];
            Edge edge = ir.nodes().get(s).inputs().get(k);
            double tf = floatTime(f.source(), f.from()[i]);
            double th = hwTime(f.source(), f.from()[i]);
            if (edge.delay() != null) {
                tf += edge.delay().timeOf(f.from()[i]);
                th += f.delay()[i] * dt;
            }
            return new double[] {tf, th};
        }

        /** Per input element of stage s: {float time, hardware time}, both +∞ when it never arrives. */
        private double[][] inputs(int s, Stage st) {
            if (st instanceof InputStage || st instanceof TimeAddStage) {
                return null;
            }
            int n = st.inputSize() + (st instanceof CoreStage c && c.biasTick >= 0 ? 1 : 0);
            double[][] in = new double[2][n];
            java.util.Arrays.fill(in[0], Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(in[1], Double.POSITIVE_INFINITY);
            IrNode node = ir.nodes().get(s);
            for (int k = 0; k < st.feeds.length; k++) {
                Feed f = st.feeds[k];
                for (int i = 0; i < f.pairs(); i++) {
                    double[] t = arrival(s, k, i);
                    in[0][f.to()[i]] = t[0];
                    in[1][f.to()[i]] = t[1];
                }
            }
            if (st instanceof CoreStage c && c.biasTick >= 0) {
                IrOp.Neuron op = (IrOp.Neuron) node.op();
                in[0][n - 1] = op.bias().time();
                in[1][n - 1] = c.biasTick * dt;
            }
            return in;
        }

        /** The §7 bound for element e, or NaN when the causal sets differ (unbounded). */
        private double bound(Stage st, int s, int e, double[][] in, double f, double h) {
            if (st instanceof InputStage) {
                return dt / 2;
            }
            if (st instanceof CoreStage c) {
                return neuronBound(c, s, e, in, f, h);
            }
            if (st instanceof MinPoolStage p) {
                return poolBound(p, e, in);
            }
            return addBound(s, st, e);
        }

        private double neuronBound(CoreStage c, int s, int j, double[][] in, double f, double h) {
            double tau = grid.tauSyn();
            double sumAbs = 0;
            double sum = 0;
            long levels = 0;
            double epsIn = 0;
            for (int k : readers[j]) {
                int m = owner(c.fanStart, k);
                boolean causalF = in[0][m] < f;
                boolean causalH = in[1][m] <= h;
                if (causalF != causalH) {
                    return Double.NaN;
                }
                if (causalF) {
                    int q = c.fanLevel[k];
                    double z = Math.exp(in[0][m] / tau);
                    sumAbs += Math.abs(q) * z;
                    sum += q * z;
                    levels += q;
                    epsIn = Math.max(epsIn, Math.abs(in[1][m] - in[0][m]));
                }
            }
            double aPrime = levels - c.theta[j] / (double) (1L << grid.thresholdFractionBits());
            double kappa = sumAbs / Math.abs(sum);
            terms = String.format("(neuron: κ %.3f, ε_in %.5f, A' %.3f)", kappa, epsIn, aPrime);
            return dt / 2 + kappa * epsIn + Math.scalb(1.0, 2 - grid.zFractionBits()) * tau * kappa
                    + Math.scalb(1.0, -grid.thresholdFractionBits()) * tau / aPrime;
        }

        private double poolBound(MinPoolStage p, int e, double[][] in) {
            double eps = 0;
            boolean any = false;
            for (int k : readers[e]) {
                int m = owner(p.windowStart, k);
                if ((in[0][m] == Double.POSITIVE_INFINITY) != (in[1][m] == Double.POSITIVE_INFINITY)) {
                    return Double.NaN;
                }
                if (in[0][m] < Double.POSITIVE_INFINITY) {
                    eps = Math.max(eps, Math.abs(in[1][m] - in[0][m]));
                    any = true;
                }
            }
            if (p.padded[e] && p.padTick >= 0) {
                double padF = grid.tauSyn() * Math.log(((IrOp.MinPool) ir.nodes().get(indexOf(p)).op()).padZ());
                eps = Math.max(eps, Math.abs(p.padTick * dt - padF));
                any = true;
            }
            return any ? eps : Double.NaN;
        }

        /** Operands reach element e through pairs with to = e, one per operand. */
        private double addBound(int s, Stage st, int e) {
            double eps = 0;
            for (int k = 0; k < st.feeds.length; k++) {
                Feed f = st.feeds[k];
                for (int i = 0; i < f.pairs(); i++) {
                    if (f.to()[i] == e) {
                        double[] t = arrival(s, k, i);
                        eps += Math.abs(t[1] - t[0]);
                    }
                }
            }
            return eps;
        }

        private int indexOf(Stage st) {
            return program.stageIndex(st.name);
        }
    }
}
