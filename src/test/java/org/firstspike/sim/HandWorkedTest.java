package org.firstspike.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.ir.Delay;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.TimeGrid;
import org.firstspike.ir.ZTable;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.reference.FloatReference;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.ZRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine op on networks small enough to work out by hand from docs/semantics.md (ticks,
 * tables, neurons, decode) and docs/architecture.md (cycles).
 *
 * <p>Common setting, unless a case says otherwise: t_max = 4, τ = 1, θ = 1, {@code --ticks 8}, so
 * Δ = t_max/T = 0.5 and Δ/τ = 0.5; no_spike = t(t_max), so N = round(τ·ln(e^4)/Δ) = 8. Weights are
 * {@code scaled_int} with scale s = 1, so the levels q are the weights and Θ = round(θ/s·2^G) = 256
 * (G = 8), A' = 256·A − 256. F = 16.
 *
 * <p>The tables by the §3 recipe (hi[0] = 2^16 and n < 32, so Z(n) = lo[n]):
 * <pre>
 *   H = round(65536·e^0.25) = round(84149.89) = 84150
 *   n     :      0       1       2       3       4        5         6         7         8         9
 *   e^{n/2}·2^16: 65536 108050.60 178145.32 293711.97 484249.18 798391.92 1316325.75 2170254.26 3578144.36 5899362.72
 *   Z(n)  :  65536  108051  178145  293712  484249   798392   1316326   2170254   3578144   5899363
 *   Zc(n) = (Z(n)·84150 + 32768) >> 16:
 *   Zc(n) :  84150  138740  228743  377134  621789  1025157   1690198   2786665   4594434   7574942
 * </pre>
 * A neuron with one arrival of level q at tick g (A = q, B = q·Z(g), θ = 1) fires at the first m with
 * Zc(m)·256(q − 1) ≥ 256·q·Z(g), i.e. Zc(m)/Z(g) ≥ q/(q − 1): Zc(g)/Z(g) ≈ e^{0.25} = 1.284 and
 * Zc(g+1)/Z(g) ≈ e^{0.75} = 2.117, so q = 3 (ratio 1.5) and q = 2 (ratio 2) both fire one tick after
 * the arrival, and it takes q ≥ 5 (ratio 1.25) to fire at the arrival tick itself.
 */
class HandWorkedTest {
    static final int T = 8;
    static final int N = 8;
    static final int G = 8;
    static final long[] Z = {65536, 108051, 178145, 293712, 484249, 798392, 1316326, 2170254, 3578144, 5899363};
    static final long[] ZC = {84150, 138740, 228743, 377134, 621789, 1025157, 1690198, 2786665, 4594434, 7574942};
    static final ZRecipe RECIPE = new ZRecipe(0.5, 16);
    static final String Q = "quant = scaled_int(bits = 8, scale = 1)";

    @TempDir
    Path dir;

    /** A compiled network and one engine run of it. */
    record Sim(IrProgram ir, SimProgram program, SimResult result) {
        int[] ticks(String stage) {
            return result.ticks()[program.stageIndex(stage)];
        }

        StageStats stats(String stage) {
            return result.stages().stream().filter(s -> s.name().equals(stage)).findFirst().orElseThrow();
        }

        boolean never(int tick) {
            return tick > ir.grid().horizon();
        }
    }

    private static String source(String name, String neuron, String body) {
        return "network " + name + ";\nweights w = json(\"" + name + ".json\");\ntime { t_max = 4; }\n"
                + "neuron { model = if_exp; tau_syn = 1; threshold = 1; " + neuron + " }\n" + body;
    }

    private static final String EXACT = "next_input_test = ge; last_input_sentinel = inf;";
    private static final String SEED = "next_input_test = ge; last_input_sentinel = one;";

    private Network load(String name, String source, String json) {
        return Lowering.load(dir, name, source, json);
    }

    private static IrProgram compile(Network net, Target target) {
        return Lowering.compile(net, CompileOptions.defaults().withTicks(T), target);
    }

    private static Sim run(Network net, Target target, int... inputTicks) {
        IrProgram ir = compile(net, target);
        SimProgram p = SimProgram.of(ir, target.engine());
        return new Sim(ir, p, new Engine(p, true).run(inputTicks, true));
    }

    private static Sim run(Network net, int... inputTicks) {
        return run(net, Targets.load("generic"), inputTicks);
    }

    private Target lanes1() {
        return Lowering.target(dir, "lanes1", 1, 1, 10, 63, 1024);
    }

    private Target lanes2() {
        return Lowering.target(dir, "lanes2", 2, 2, 10, 63, 1024);
    }

    // ---------------------------------------------------------------- tables

    @Test
    void tablesFollowTheRecipe() {
        assertEquals(84150, RECIPE.h());
        assertEquals(65536, RECIPE.hi(0));
        for (int n = 0; n < Z.length; n++) {
            assertEquals(Z[n], RECIPE.z(n), "Z(" + n + ")");
            assertEquals(ZC[n], RECIPE.zc(n), "Zc(" + n + ")");
        }
    }

    /** The one place the recipe meets the implementation: ZTable must compute exactly the §3 recipe. */
    @Test
    void recipeMatchesZTable() {
        double[][] grids = {{4, 1, 8}, {6, 1, 1024}, {6, 1, 4096}, {5, 0.5, 1024}, {9, 1.7, 4096}, {4, 2, 333}};
        for (double[] gr : grids) {
            int ticks = (int) gr[2];
            int tableTicks = 2 * ticks + 7;
            TimeGrid grid = new TimeGrid(gr[0], gr[1], ticks, tableTicks, tableTicks, 16, 8);
            ZTable table = new ZTable(grid);
            ZRecipe recipe = new ZRecipe(grid.tickLength() / grid.tauSyn(), 16);
            assertEquals(recipe.h(), table.half());
            assertEquals(tableTicks - 1, table.horizon(), "the tables cover the ticks below tableTicks");
            for (int n = 0; n <= table.horizon(); n++) {
                assertEquals(recipe.z(n), table.z(n), "Z(" + n + ") on " + java.util.Arrays.toString(gr));
                assertEquals(recipe.zc(n), table.zc(n), "Zc(" + n + ") on " + java.util.Arrays.toString(gr));
            }
        }
    }

    // ---------------------------------------------------------------- dense neurons

    private Network fireBetween() {
        return load("between", source("between", EXACT, """
                input x = spikes(shape = [2], domain = t);
                h = dense(x, out = 1, weight = w["h"], %s);
                output h decode first_spike();
                """.formatted(Q)), "{\"h\": [[3, -10]]}");
    }

    /**
     * h = dense(x), levels (3, −10), x0 at tick 0, x1 at tick 6.
     * <pre>
     * tick 0: first touch, A' = −256 ≤ 0: no test. Apply: last = 0, A = 3, B = 3·Z(0) = 196608.
     *         A' = 3·256 − 256 = 512; fires(m) ⟺ Zc(m)·512 ≥ 196608·256 = 50331648 ⟺ Zc(m) ≥ 98304:
     *         Zc(0) = 84150 no, Zc(1) = 138740 yes. (Float: t* = ln(3/2) = 0.405 = 0.81 ticks → tick 1.)
     * tick 6: first touch: fires(5) (Zc(5) = 1025157 ≥ 98304) → detect = 5; the −10 is NOT applied
     *         (had it been, A = −7 and h would never fire).
     * resolution: detected → smallest m in [last, detect] = [0, 5] with fires(m), by binary search:
     *         (0,5) mid 2 fires → hi 2; (0,2) mid 1 fires → hi 1; (0,1) mid 0 no → lo 1. Tick 1, 3 steps.
     * </pre>
     */
    @Test
    void denseNeuronFiresBetweenTwoArrivalsAndIsDetectedAtTheNextTouch() {
        assertTrue(ZC[0] * 512 < 3 * Z[0] * 256 && ZC[1] * 512 >= 3 * Z[0] * 256);
        Sim s = run(fireBetween(), 0, 6);
        assertArrayEquals(new int[] {1}, s.ticks("h"));
        assertEquals(0, s.result().decision());
        assertEquals(1, s.result().decisionTick());
        // The −10 arrival was ignored: one effective accumulate.
        assertEquals(1, s.stats("h").synapticOps());
    }

    /**
     * Cycles of {@link #denseNeuronFiresBetweenTwoArrivalsAndIsDetectedAtTheNextTouch}, architecture §4–5.
     * <pre>
     * input: ⌈2/L⌉.  stage h: setup 2; gather ⌈2/L⌉ (one edge, 2 pairs); 2 nonempty ticks (0, 6);
     * bundles: x0 → {h0}, x1 → {h0}: 1 + 1; probe before tick 6: ⌈1/U⌉ = 1, and h0 has fired by 5
     * (fires(5)) → decision: search 1 + 3 steps = 4, decode ⌈1/U⌉ = 1. After the last event:
     * resolution 1 + 3 = 4, decode 1.
     * L = 1, U = 1: 2 + (2 + 2 + 2 + 2 + 1 + 4 + 1) = 16; to the decision 2 + (2 + 2 + [1 + 1] + 1 + 4 + 1) = 14
     * L = 2, U = 2: 1 + (2 + 1 + 2 + 2 + 1 + 4 + 1) = 14; to the decision 1 + (2 + 1 + [1 + 1] + 1 + 4 + 1) = 12
     * </pre>
     * The decision count takes the probe before the cycle that finds the next nonempty tick (6); see
     * the report: the document does not say in which order the two happen.
     */
    @Test
    void cyclesOfTheDetectedNeuron() {
        Network net = fireBetween();
        Sim one = run(net, lanes1(), 0, 6);
        assertEquals(16, one.result().cycles());
        assertEquals(14, one.result().cyclesToDecision());
        assertEquals(14, one.stats("h").cycles());
        Sim two = run(net, lanes2(), 0, 6);
        assertEquals(14, two.result().cycles());
        assertEquals(12, two.result().cyclesToDecision());
        // to the decision: the probe, the search and its 3 steps
        CoreCycles kinds = one.result().coreCyclesToDecision();
        assertEquals(1 + 1 + 3, kinds.unitCycles());
        assertEquals(3, kinds.searchSteps());
    }

    private Network lastArrival(String neuron) {
        return load("lastarr", source("lastarr", neuron, """
                input x = spikes(shape = [2], domain = t);
                h = dense(x, out = 1, weight = w["h"], %s);
                output h decode first_spike();
                """.formatted(Q)), "{\"h\": [[1, 2]]}");
    }

    /**
     * Levels (1, 2), x0 at tick 0, x1 at tick 2.
     * <pre>
     * tick 0: A = 1, B = 65536, A' = 0: cannot fire.
     * tick 2: first touch: fires(1)? A' = 0 → no. Apply: A = 3, B = 65536 + 2·178145 = 421826, A' = 512.
     *         fires(m) ⟺ Zc(m)·512 ≥ 421826·256 ⟺ Zc(m) ≥ 210913: Zc(1) = 138740 no, Zc(2) = 228743 yes.
     * resolution: not detected; L = N − 1 = 7, last = 2 ≤ 7 and fires(7) → search [2, 7]:
     *         mid 4 → hi 4; mid 3 → hi 3; mid 2 → hi 2: tick 2 (3 steps) — the tick of its last arrival.
     * Float: z* = (1·e^0 + 2·e^1)/(3 − 1) = 3.218, t* = 1.169 = 2.34 ticks → 2, after x1 (t = 1).
     * </pre>
     * Cycles: input ⌈2/L⌉; stage: 2 + ⌈2/L⌉ + 2 ticks + 2 bundles + probe before tick 2 (⌈1/U⌉ = 1,
     * nothing fired: A' = 0) + resolution 4 + decode 1. L = 1: 2 + 14 = 16; L = 2: 1 + 13 = 14; no
     * early decision.
     */
    @Test
    void denseNeuronFiresAtTheTickOfItsLastArrival() {
        assertTrue(ZC[1] * 512 < 421826L * 256 && ZC[2] * 512 >= 421826L * 256);
        assertEquals(421826, Z[0] + 2 * Z[2]);
        Network net = lastArrival(EXACT);
        Sim s = run(net, 0, 2);
        assertArrayEquals(new int[] {2}, s.ticks("h"));
        Sim one = run(net, lanes1(), 0, 2);
        assertEquals(16, one.result().cycles());
        assertEquals(16, one.result().cyclesToDecision());
        Sim two = run(net, lanes2(), 0, 2);
        assertEquals(14, two.result().cycles());
        assertEquals(14, two.result().cyclesToDecision());
    }

    private Network deadAndSilent() {
        return load("silent", source("silent", EXACT, """
                input x = spikes(shape = [3], domain = t);
                y = dense(x, out = 3, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[1, 0, 0], [2, -2, 0], [0, 0, 2]]}");
    }

    /**
     * y0 = (1, 0, 0): Σ positive levels = 1, 1·256 ≤ Θ = 256 → dead (remove-dead-neurons).
     * y1 = (2, −2, 0) with x0, x1 at tick 0: A = 0, A' = −256: never fires, but it is alive (2·256 > 256).
     * y2 = (0, 0, 2) with x2 at tick 7: A = 2, B = 2·Z(7) = 4340508, A' = 256; the last test is fires(7):
     *      Zc(7) = 2786665 &lt; 4340508 → no spike before N (float: z* = 2e^3.5/1 = 66.2, t* = 4.19 ≥ 4).
     * All three carry N = 8; the decode of an all-silent output is class 0 (and no decision tick).
     * <pre>
     * Cycles. Each event walks its kernel row, all 3 outputs (the dead y0 and the zero levels leave the
     * lane idle but take their slot): ⌈3/L⌉ cycles per event.
     * input ⌈3/L⌉; stage: setup 2, gather ⌈3/L⌉, 2 nonempty ticks (0, 7), 3 events × ⌈3/L⌉, one probe
     * before tick 7 (⌈3/U⌉, nothing fired), resolution 1 cycle per neuron (no search), decode ⌈3/U⌉.
     * L = 1, U = 1: 3 + (2 + 3 + 2 + 9 + 3 + 3 + 3) = 28
     * L = 2, U = 2: 2 + (2 + 2 + 2 + 6 + 2 + max(y0 + y2, y1) = 2 + 2) = 20
     * </pre>
     */
    @Test
    void deadNeuronSilentNeuronsAndTheAllSilentDecode() {
        assertFalse(ZC[7] * 256 >= 2 * Z[7] * 256);
        Network net = deadAndSilent();
        Sim s = run(net, 0, 0, 7);
        IrOp.Neuron y = (IrOp.Neuron) s.ir().node("y").op();
        assertArrayEquals(new int[] {0}, y.dead(), "y0 can never fire");
        assertArrayEquals(new int[] {N, N, N}, s.ticks("y"));
        assertEquals(0, s.result().decision());
        assertEquals(-1, s.result().decisionTick());
        Sim one = run(net, lanes1(), 0, 0, 7);
        assertEquals(28, one.result().cycles());
        assertEquals(28, one.result().cyclesToDecision());
        Sim two = run(net, lanes2(), 0, 0, 7);
        assertEquals(20, two.result().cycles());
    }

    /**
     * Levels (2, −2). x0 at tick 0: A = 2, B = 131072, A' = 256, fires(m) ⟺ Zc(m) ≥ 131072, first at
     * tick 1 (Zc(0) = 84150, Zc(1) = 138740): a fire pending at tick 1.
     * <ul>
     * <li>x1 (−2) at tick 1: its first touch tests fires(0) — no — and applies: A = 0, A' = −256, the
     * pending fire is cancelled: N. (Arrivals at tick g come before the test at g.)</li>
     * <li>x1 at tick 2: the first touch finds fires(1) → detect = 1, the −2 is ignored: tick 1.</li>
     * </ul>
     */
    @Test
    void inhibitoryArrivalCancelsAPendingFire() {
        Network net = load("inhib", source("inhib", EXACT, """
                input x = spikes(shape = [2], domain = t);
                h = dense(x, out = 1, weight = w["h"], %s);
                output h decode first_spike();
                """.formatted(Q)), "{\"h\": [[2, -2]]}");
        assertTrue(ZC[0] < 2 * Z[0] && ZC[1] >= 2 * Z[0]);
        assertArrayEquals(new int[] {N}, run(net, 0, 1).ticks("h"));
        assertArrayEquals(new int[] {1}, run(net, 0, 2).ticks("h"));
    }

    // ---------------------------------------------------------------- conv2d

    private Network conv() {
        String w = "[[[1, 1, 1], [1, 1, 1], [1, 1, 1]]]";
        return load("conv", source("conv", EXACT, """
                input x = spikes(shape = [1, 4, 4], domain = t);
                k = conv2d(x, out = 2, kernel = 3, stride = 2, padding = 1, threshold = 5, weight = w["k"], %s);
                f = flatten(k, order = nchw);
                y = dense(f, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q, Q)), "{\"k\": [" + w + ", " + w + "], \"y\": [[1, 1, 1, 1, 1, 1, 1, 1]]}");
    }

    /**
     * k = conv2d([1, 4, 4], out = 2 (identical channels), kernel 3, stride 2, padding 1), all levels 1,
     * θ = 5 → Θ = 1280. Output 2×2: ⌊(4 + 2 − 3)/2⌋ + 1 = 2. Window rows/cols: out 0 → −1..1, out 1 → 1..3.
     * <pre>
     * p0 = (0,0): real rows {0,1} × cols {0,1} = 4 taps → 4·256 ≤ 1280: dead → N
     * p1 = (0,1): rows {0,1} × cols {1,2,3} = 6 taps      p2 = (1,0): rows {1,2,3} × cols {0,1} = 6 taps
     * p3 = (1,1): rows {1,2,3} × cols {1,2,3} = 9 taps
     * All 16 inputs at tick 0:
     *   6 taps: A = 6, A' = 1536 − 1280 = 256, B = 6·65536 = 393216: Zc(m) ≥ 393216 → Zc(3) = 377134 no,
     *           Zc(4) = 621789 yes → tick 4 (float ln 6 = 1.79 = 3.58 ticks)
     *   9 taps: A = 9, A' = 1024, B = 589824: Zc(m)·1024 ≥ 589824·256 ⟺ Zc(m) ≥ 147456 → Zc(1) = 138740 no,
     *           Zc(2) yes → tick 2 (float ln(9/4) = 0.81 = 1.62 ticks)
     * Row 3 silent (tick N, dropped at gather): p2 keeps rows {1,2} × {0,1} = 4 real arrivals → A = 4 &lt; 5:
     *   N; p3 keeps rows {1,2} × {1,2,3} = 6 → tick 4; p1 (rows 0, 1) unchanged 4.
     * </pre>
     */
    @Test
    void conv2dWithPaddingAndStride2() {
        assertTrue(ZC[3] < 6 * Z[0] && ZC[4] >= 6 * Z[0]);
        assertTrue(ZC[1] * 1024 < 9 * Z[0] * 256 && ZC[2] * 1024 >= 9 * Z[0] * 256);
        Network net = conv();
        Sim all = run(net, new int[16]);
        IrOp.Neuron k = (IrOp.Neuron) all.ir().node("k").op();
        assertArrayEquals(new int[] {0, 4}, k.dead(), "p0 of both channels has only 4 real taps");
        assertArrayEquals(new int[] {N, 4, 4, 2, N, 4, 4, 2}, all.ticks("k"));
        int[] row3Silent = new int[16];
        for (int c = 0; c < 4; c++) {
            row3Silent[12 + c] = N;
        }
        Sim s = run(net, row3Silent);
        assertArrayEquals(new int[] {N, 4, N, 4, N, 4, N, 4}, s.ticks("k"));
        assertEquals(12, s.stats("k").events(), "the 4 silent inputs are dropped at gather");
    }

    /**
     * Cycles of the conv stage with every input at tick 0. Window positions per input element (r, c):
     * output rows {0} for r = 0, {0, 1} for r = 1, {1} for r = 2, 3 (columns likewise). An event walks
     * every position, the dead p0 too (its lanes idle), and at each the kernel row's 2 channels.
     * <pre>
     * positions per element:        c=0 c=1 c=2 c=3
     *                        r = 0:  1   2   1   1
     *                        r = 1:  2   4   2   2
     *                        r = 2:  1   2   1   1
     *                        r = 3:  1   2   1   1      Σ = (1 + 2 + 1 + 1)² = 25 positions
     * L = 1: 25 × 2 channels = 50 cycles.
     * L = 2: the two channels of a position are one cycle (banks 0 and 1): 25.
     * Resolution, neuron j = channel·4 + p: dead 1 cycle; tick 4: search [0, 7]: mid 3 no → lo 4;
     *   mid 5 yes; mid 4 yes: 3 steps → 4 cycles; tick 2: mid 3 yes; mid 1 no → lo 2; mid 2 yes: 4 cycles.
     *   U = 1: 1 + 4 + 4 + 4 + 1 + 4 + 4 + 4 = 26.  U = 2: unit 0 (j even) 1 + 4 + 1 + 4 = 10, unit 1 = 16.
     * stage k: L = 1, U = 1: 2 + 16 (gather) + 1 (one nonempty tick) + 50 + 26 = 95
     *          L = 2, U = 2: 2 + 8 + 1 + 25 + 16 = 52
     * </pre>
     */
    @Test
    void cyclesOfTheConvStage() {
        Network net = conv();
        assertEquals(95, run(net, lanes1(), new int[16]).stats("k").cycles());
        assertEquals(52, run(net, lanes2(), new int[16]).stats("k").cycles());
        Sim one = run(net, lanes1(), new int[16]);
        assertEquals(16 + one.stats("k").cycles() + one.stats("y").cycles(), one.result().cycles(),
                "total = ⌈inputs/L⌉ + Σ stages");
    }

    /**
     * The same events by kind (CoreCycles, what the Verilog engine's clocks depend on). k: 16 events,
     * all at tick 0, so 15 follow another of the same tick; over the 25 positions of the table above, so 25 − 16 = 9 position steps; the second channel of
     * each position is a chunk step on one lane (25), none on two. y (dense, one output, θ = 1): one
     * event, one position and one chunk per k spike up to the decision — the two p3 spikes at tick 2
     * only: A = 2, A' = 256, B = 2·Z(2) = 2·65536·e = 356290 ≤ Zc(3) = 377134, so the probe before
     * tick 4 finds y fired and the four spikes at tick 4 come after the decision; the second of the
     * two follows the first. Resolutions without a firing test: k's two dead neurons (the other six
     * fire, see above); y is decided by the probe, so none of its own.
     */
    @Test
    void eventCyclesOfTheConvStageByKind() {
        Network net = conv();
        assertEquals(2, run(net, lanes1(), new int[16]).result().coreCyclesToDecision().quickResolutions());
        assertEquals(new CoreCycles(16 + 2, 15 + 1, 9, 25, 0, 0, 0), eventsOnly(run(net, lanes1(), new int[16]).result()));
        assertEquals(new CoreCycles(16 + 2, 15 + 1, 9, 0, 0, 0, 0), eventsOnly(run(net, lanes2(), new int[16]).result()));
    }

    private static CoreCycles eventsOnly(SimResult r) {
        CoreCycles c = r.coreCyclesToDecision();
        return new CoreCycles(c.starts(), c.followOns(), c.positionSteps(), c.chunkSteps(), 0, 0, 0);
    }

    // ---------------------------------------------------------------- first-spike pooling

    private Network pool(String pad) {
        return load("pool", source("pool", EXACT, """
                input x = spikes(shape = [1, 3, 3], domain = t);
                m = minpool(x, kernel = 2, stride = 2, padding = 1, pad = %s);
                f = flatten(m, order = nchw);
                y = dense(f, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(pad, Q)), "{\"y\": [[1, 1, 1, 1]]}");
    }

    /**
     * minpool([1, 3, 3], kernel 2, stride 2, padding 1): 2×2 windows, rows/cols −1..0 and 1..2.
     * pad = t(1.5): pad tick round(1.5/0.5) = 3. Inputs (row-major) 5 1 6 / N 4 5 / 7 6 7 (N = 8, silent).
     * <pre>
     * (0,0): {x00 = 5} + pad 3        → 3     (0,1): {1, 6} + pad 3       → 1
     * (1,0): {N = 8, 7} + pad 3       → 3     (1,1): {4, 5, 6, 7}, no pad → 4  (the pad does not apply)
     * pad = never: (0,0) → 5, (0,1) → 1, (1,0) → min(8, 7) = 7 (a silent input is a tick like any), (1,1) → 4
     * </pre>
     * y = dense(m), levels 1: arrivals 1 (m01), 3 (m00, m10), 4 (m11). After tick 3: A = 3,
     * B = Z(1) + 2·Z(3) = 695475, A' = 512: Zc(3)·512 = 193092608 ≥ 695475·256 = 178041600 → tick 3.
     */
    @Test
    void firstSpikePoolingWithAPadTick() {
        int[] x = {5, 1, 6, N, 4, 5, 7, 6, 7};
        Sim s = run(pool("t(1.5)"), x);
        assertEquals(3, ((IrOp.MinPool) s.ir().node("m").op()).padTick());
        assertArrayEquals(new int[] {3, 1, 3, 4}, s.ticks("m"));
        assertTrue(ZC[3] * 512 >= (Z[1] + 2 * Z[3]) * 256 && ZC[2] * 512 < (Z[1] + 2 * Z[3]) * 256);
        assertArrayEquals(new int[] {3}, s.ticks("y"));
        Sim never = run(pool("never"), x);
        assertArrayEquals(new int[] {5, 1, 7, 4}, never.ticks("m"));
    }

    private Network timeAdd() {
        return load("tadd", source("tadd", EXACT, """
                input x = spikes(shape = [1, 1, 2], domain = t);
                d = delay(x, by = 0.5);
                t = add(x, d);
                f = flatten(t, order = nchw);
                y = dense(f, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[1, 1]]}");
    }

    /**
     * The minpool stage of {@link #firstSpikePoolingWithAPadTick} and a time-add stage on 1 lane:
     * architecture §4.2, the drain costs 1 cycle per nonempty tick in all stages, §4.4 one cycle per
     * event, then the output array in ⌈elements/L⌉. Minpool events at ticks {1, 4, 5, 6, 7, 8} (x10 is
     * silent, tick 8, and is an event: a pool drops nothing).
     * <pre>
     * m: setup 2 + gather ⌈9/1⌉ = 9 + nonempty ticks 6 + events 9 + output ⌈4/1⌉ = 4 → 30
     * t = add(x, delay(x, 0.5)) over x = [1, 1, 2] at ticks (0, 3): events at 0, 3 and, delayed, 1, 4:
     *   setup 2 + gather 2 edges × ⌈2/1⌉ = 4 + nonempty ticks 4 + events 4 + output ⌈2/1⌉ = 2 → 16;
     *   t = (0 + 1, 3 + 4) = (1, 7)
     * </pre>
     */
    @Test
    void minpoolAndTimeAddStagesPayForNonemptyTicksAndEvents() {
        Sim s = run(pool("t(1.5)"), lanes1(), 5, 1, 6, N, 4, 5, 7, 6, 7);
        Sim a = run(timeAdd(), lanes1(), 0, 3);
        assertArrayEquals(new int[] {1, 7}, a.ticks("t"));
        assertAll(() -> assertEquals(30, s.stats("m").cycles(), "minpool stage"),
                () -> assertEquals(16, a.stats("t").cycles(), "time-add stage"));
    }

    /**
     * The same on 2 lanes, by the cost model of docs/architecture.md §4.4–5 (a minpool takes L events
     * of one tick per cycle: Σ_ticks ⌈events in the tick / L⌉). Event ticks 5, 1, 6, 8, 4, 5, 7, 6, 7 give
     * per tick 1: 1, 4: 1, 5: 2, 6: 2, 7: 2, 8: 1, each ⌈·/2⌉ = 1.
     * <pre>
     * m: setup 2 + gather ⌈9/2⌉ = 5 + nonempty ticks 6 + events 6 + output ⌈4/2⌉ = 2 → 21
     * </pre>
     */
    @Test
    void minpoolOnTwoLanesFollowsTheDocumentedCostModel() {
        Sim s = run(pool("t(1.5)"), lanes2(), 5, 1, 6, N, 4, 5, 7, 6, 7);
        assertEquals(21, s.stats("m").cycles());
    }

    // ---------------------------------------------------------------- delays

    /**
     * x = [4, 1, 1], d = delay(x, by = (0.25, 0.74, 0.75, 0.2)), observed through m = minpool(d, kernel 1).
     * Δ = 0.5, delay ticks = round(d/Δ) with halves up (Math.round):
     * 0.25/0.5 = 0.5 → 1,  0.74/0.5 = 1.48 → 1,  0.75/0.5 = 1.5 → 2,  0.2/0.5 = 0.4 → 0.
     * x ticks (0, 2, 3, N = 8): m = (0 + 1, 2 + 1, 3 + 2, 8 + 0) = (1, 3, 5, 8); a silent input is
     * delayed like any tick: with x3 = 8 and x2 = N too, m2 = 8 + 2 = 10 (the horizon grows to 10).
     * A second delay by 0.3 after the first adds in time before rounding (one register per edge):
     * (0.55, 1.04, 1.05, 0.5)/0.5 = (1.1, 2.08, 2.1, 1.0) → (1, 2, 2, 1), not 1+1, 1+1, 2+1, 0+1.
     */
    @Test
    void perChannelDelaysRoundToTicks() {
        Network net = load("delay", source("delay", EXACT, """
                input x = spikes(shape = [4, 1, 1], domain = t);
                d = delay(x, by = w["d"]);
                m = minpool(d, kernel = 1);
                e = delay(d, by = 0.3);
                n = minpool(e, kernel = 1);
                c = concat(m, n);
                f = flatten(c, order = nchw);
                y = dense(f, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q)), "{\"d\": [0.25, 0.74, 0.75, 0.2], \"y\": [[1, 1, 1, 1, 1, 1, 1, 1]]}");
        Sim s = run(net, 0, 2, 3, N);
        Edge toM = s.ir().node("m").inputs().get(0);
        assertEquals("x", toM.source());
        assertArrayEquals(new int[] {1, 1, 2, 0}, toM.delay().ticks());
        assertArrayEquals(new int[] {1, 3, 5, 8}, s.ticks("m"));
        Edge toN = s.ir().node("n").inputs().get(0);
        assertEquals("x", toN.source());
        assertArrayEquals(new int[] {1, 2, 2, 1}, toN.delay().ticks());
        assertArrayEquals(new int[] {1, 4, 5, 9}, s.ticks("n"));
        Sim silent = run(net, 0, 2, N, N);
        assertArrayEquals(new int[] {1, 3, 10, 8}, silent.ticks("m"));
        assertEquals(10, silent.ir().grid().horizon(), "the horizon: input N = 8 plus the largest delay, 2 ticks");
    }

    /**
     * delay(concat(m1, x)) must delay both concatenated branches: x = [2, 1, 1] at ticks (1, 2),
     * m1 = minpool(x, kernel 1) = (1, 2), c = concat(m1, x) = (1, 2, 1, 2), delays (0.5, 0.5, 1, 1) = (1, 1,
     * 2, 2) ticks, so m = minpool(delay(c), kernel 1) = (2, 3, 3, 4). The float reference says the same
     * (t = 0.5, 1 → m = 1, 1.5, 1.5, 2).
     */
    @Test
    void delayOfAConcatDelaysEveryBranch() {
        Network net = load("delaycat", source("delaycat", EXACT, """
                input x = spikes(shape = [2, 1, 1], domain = t);
                m1 = minpool(x, kernel = 1);
                c = concat(m1, x);
                d = delay(c, by = w["d"]);
                m = minpool(d, kernel = 1);
                f = flatten(m, order = nchw);
                y = dense(f, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q)), "{\"d\": [0.5, 0.5, 1.0, 1.0], \"y\": [[1, 1, 1, 1]]}");
        double[][] z = new FloatReference(net).evaluateAll(new double[] {0.5, 1.0});
        double[] zm = z[net.indexByName().get("m")];
        assertArrayEquals(new double[] {1, 1.5, 1.5, 2}, new double[] {Math.log(zm[0]), Math.log(zm[1]),
            Math.log(zm[2]), Math.log(zm[3])}, 1e-12);
        assertArrayEquals(new int[] {2, 3, 3, 4}, run(net, 1, 2).ticks("m"));
    }

    // ---------------------------------------------------------------- time-add

    /**
     * x = [1, 1, 1]; p = minpool(x, kernel 1, padding 1, pad = never) is 3×3 with x in the centre and
     * "never" in the 8 all-pad windows; q = the same with pad = t(1) (tick 2); r = delay(q, 0.5) (+1 tick).
     * a = add(p, q), b = add(q, r). With x at tick 1:
     * <pre>
     * q = 2 2 2 / 2 1 2 / 2 2 2     r = q + 1
     * a: centre 1 + 1 = 2, elsewhere never (p never arrives)
     * b: centre 1 + 2 = 3, elsewhere 2 + 3 = 5
     * x silent (tick N = 8): a centre 8 + 8 = 16, b centre 8 + 9 = 17 — silent operands add like any tick
     * </pre>
     */
    @Test
    void timeAddOfTwoOperands() {
        Network net = load("add", source("add", EXACT, """
                input x = spikes(shape = [1, 1, 1], domain = t);
                p = minpool(x, kernel = 1, stride = 1, padding = 1, pad = never);
                q = minpool(x, kernel = 1, stride = 1, padding = 1, pad = t(1));
                r = delay(q, by = 0.5);
                a = add(p, q);
                b = add(q, r);
                c = concat(a, b);
                f = flatten(c, order = nchw);
                y = dense(f, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[" + "1, ".repeat(17) + "1]]}");
        Sim s = run(net, 1);
        assertEquals(2, ((IrOp.TimeAdd) s.ir().node("a").op()).operands());
        int[] a = s.ticks("a");
        for (int e = 0; e < 9; e++) {
            if (e == 4) {
                assertEquals(2, a[e]);
            } else {
                assertTrue(s.never(a[e]), "a[" + e + "] has a never operand: " + a[e]);
            }
        }
        assertArrayEquals(new int[] {5, 5, 5, 5, 3, 5, 5, 5, 5}, s.ticks("b"));
        Sim silent = run(net, N);
        assertEquals(16, silent.ticks("a")[4]);
        assertEquals(17, silent.ticks("b")[4]);
    }

    // ---------------------------------------------------------------- index maps

    /**
     * x = [4, 1, 2] (element 2c + p); a, b = chunk(x, 2) (channels 0–1, 2–3); c = concat(b, a) = channels
     * (x2, x3, x0, x1); h = shuffle(c, groups = 2): out n = in (n mod 2)·2 + ⌊n/2⌋ → in (0, 2, 1, 3) =
     * channels (x2, x0, x3, x1). m = minpool(h, kernel 1) therefore reads, for its input element
     * 2n + p, source element 2·(2, 0, 3, 1)[n] + p, and the folded edge maps source element → input
     * element: x0 → channel 1, x1 → 3, x2 → 0, x3 → 2, i.e. map = (2, 3, 6, 7, 0, 1, 4, 5), split into one
     * edge per concat operand (b's edge connects x4..x7, a's x0..x3).
     * With x ticks 0..7 (element e at tick e): m = (4, 5, 0, 1, 6, 7, 2, 3).
     */
    @Test
    void concatShuffleAndChunkFoldIntoIndexMaps() {
        Network net = load("maps", source("maps", EXACT, """
                input x = spikes(shape = [4, 1, 2], domain = t);
                a, b = chunk(x, 2);
                c = concat(b, a);
                h = shuffle(c, groups = 2);
                m = minpool(h, kernel = 1);
                f = flatten(m, order = nchw);
                y = dense(f, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[1, 1, 1, 1, 1, 1, 1, 1]]}");
        Sim s = run(net, 0, 1, 2, 3, 4, 5, 6, 7);
        IrNode m = s.ir().node("m");
        // One edge per operand of the concat, both from x, each connecting the elements of its chunk.
        assertEquals(2, m.inputs().size());
        int[] combined = new int[8];
        java.util.Arrays.fill(combined, -1);
        for (Edge e : m.inputs()) {
            assertEquals("x", e.source());
            assertEquals(null, e.delay());
            for (int i = 0; i < 8; i++) {
                if (e.map()[i] >= 0) {
                    assertEquals(-1, combined[i], "x" + i + " is connected once");
                    combined[i] = e.map()[i];
                }
            }
        }
        assertArrayEquals(new int[] {-1, -1, -1, -1, 0, 1, 4, 5}, m.inputs().get(0).map(), "b = x2, x3 first");
        assertArrayEquals(new int[] {2, 3, 6, 7, 0, 1, 4, 5}, combined);
        assertArrayEquals(new int[] {4, 5, 0, 1, 6, 7, 2, 3}, s.ticks("m"));
        assertFalse(s.program().stageNames().contains("h"), "moves are not stages");
    }

    // ---------------------------------------------------------------- bias

    /**
     * y = dense(x, levels ((1), (0)), bias (1.0, 2.0) at bias_time t(1)): bias levels round(b/s) = (1, 2),
     * bias tick round(1/0.5) = 2. x at tick 0.
     * <pre>
     * y0: tick 0: A = 1, A' = 0. Bias at tick 2 (level 1): A = 2, B = Z(0) + Z(2) = 243681, A' = 256:
     *     Zc(2) = 228743 &lt; 243681, Zc(3) = 377134 ≥ → tick 3 (float: z* = 1 + e = 3.718, t* = 1.313 = 2.63 ticks)
     * y1: only the bias (level 2) at tick 2: A = 2, B = 356290, A' = 256: Zc(2) &lt; 356290 ≤ Zc(3) → tick 3
     *     (float: t* = 1 + ln 2 = 1.693 = 3.39 ticks)
     * Same tick: B/A' = 243681/256 &lt; 356290/256, so y0 wins: class 0.
     * </pre>
     */
    @Test
    void biasIsOneMoreSynapseFromAnInputAtTheBiasTick() {
        Network net = load("bias", source("bias", EXACT, """
                input x = spikes(shape = [1], domain = t);
                y = dense(x, out = 2, weight = w["y"], %s, bias = w["b"], bias_time = t(1));
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[1], [0]], \"b\": [1.0, 2.0]}");
        Sim s = run(net, 0);
        IrOp.Neuron y = (IrOp.Neuron) s.ir().node("y").op();
        assertArrayEquals(new int[] {1, 2}, y.bias().levels());
        assertEquals(2, y.bias().tick());
        assertTrue(ZC[2] < Z[0] + Z[2] && ZC[3] >= Z[0] + Z[2]);
        assertTrue(ZC[2] < 2 * Z[2] && ZC[3] >= 2 * Z[2]);
        assertArrayEquals(new int[] {3, 3}, s.ticks("y"));
        assertEquals(0, s.result().decision());
    }

    /**
     * §4.4: the bias level is round_half_even(b/s), as for PTQ weights (and PyTorch's torch.round).
     * b = 2.5 with s = 1 is level 2 (Math.round would give 3). With θ = 2 (Θ = 512) and the bias alone
     * at tick 0: A = 2, A' = 512 − 512 = 0, so the neuron can never fire (with level 3 it would, at
     * tick 2: A' = 256, B = 3·65536, Zc(2) ≥ 196608 first). b = 3.5 rounds to the even level 4.
     */
    @Test
    void biasLevelRoundsHalvesToEven() {
        Network net = load("biasround", source("biasround", EXACT, """
                input x = spikes(shape = [1], domain = t);
                y = dense(x, out = 1, threshold = 2, weight = w["y"], %s, bias = w["b"]);
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[0]], \"b\": [2.5]}");
        Sim s = run(net, N);
        assertArrayEquals(new int[] {2}, ((IrOp.Neuron) s.ir().node("y").op()).bias().levels());
        assertArrayEquals(new int[] {N}, s.ticks("y"));
    }

    // ---------------------------------------------------------------- last_input_sentinel = one

    private Network sentinel(String neuron) {
        return load("sentinel", source("sentinel", neuron, """
                input x = spikes(shape = [3], domain = t);
                y = dense(x, out = 2, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[1, 1, 0], [1, 2, 0]]}");
    }

    /**
     * y0 = (1, 1, 0), y1 = (1, 2, 0); x0 at tick 0, x1 at tick 2.
     * <pre>
     * y0 after tick 2: A = 2, B = Z(0) + Z(2) = 243681, A' = 256: first firing tick 3 (Zc(2) = 228743 &lt; B)
     * y1 after tick 2: A = 3, B = 421826, A' = 512: first firing tick 2 (Zc(2) ≥ 210913)
     * With last_input_sentinel = one the limit is the tick of the last of the window's 3 taps (the
     * zero-weight x2 counts as a tap) once all arrived before N:
     *   x2 at 2:      L = 2: y0 would fire at 3 > L → N;  y1 fires at 2 = L (allowed) → 2
     *   x2 at 5:      L = 5: y0 → 3, y1 → 2
     *   x2 silent:    tick N is dropped, only 2 of 3 taps arrived, L = N − 1 = 7: y0 → 3, y1 → 2
     *   inf sentinel: y0 → 3 whatever x2 does
     * </pre>
     */
    @Test
    void lastInputSentinelOneOnADenseLayer() {
        assertTrue(ZC[2] < Z[0] + Z[2] && ZC[3] >= Z[0] + Z[2]);
        Network one = sentinel(SEED);
        assertArrayEquals(new int[] {N, 2}, run(one, 0, 2, 2).ticks("y"));
        assertArrayEquals(new int[] {3, 2}, run(one, 0, 2, 5).ticks("y"));
        assertArrayEquals(new int[] {3, 2}, run(one, 0, 2, N).ticks("y"));
        assertArrayEquals(new int[] {3, 2}, run(sentinel(EXACT), 0, 2, 2).ticks("y"));
    }

    /**
     * k = conv2d([1, 1, 2], kernel [1, 2], padding [0, 0, 0, 1]) with levels (2, 1) and sentinel one: 2
     * positions, p0 taps (x0, x1), p1 taps (x1, pad). Both inputs at tick 0:
     * <pre>
     * p0: A = 3, B = 3·65536, A' = 512: first firing tick 1 (the single-arrival rule) > L = 0 → N
     * p1: A = 2 (x1 with level 2), B = 131072, A' = 256: first firing tick 1; its window has a pad tap,
     *     which never arrives, so the limit is N − 1 and it fires at 1, after its last real input.
     * </pre>
     */
    @Test
    void lastInputSentinelOneAllowsFiringAfterTheLastInputOfAPaddedWindow() {
        Network net = load("sentpad", source("sentpad", SEED, """
                input x = spikes(shape = [1, 1, 2], domain = t);
                k = conv2d(x, out = 1, kernel = [1, 2], padding = [0, 0, 0, 1], weight = w["k"], %s);
                f = flatten(k, order = nchw);
                y = dense(f, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q, Q)), "{\"k\": [[[[2, 1]]]], \"y\": [[1, 1]]}");
        assertTrue(ZC[0] * 512 < 3 * Z[0] * 256 && ZC[1] * 512 >= 3 * Z[0] * 256);
        assertTrue(ZC[0] < 2 * Z[0] && ZC[1] >= 2 * Z[0]);
        assertArrayEquals(new int[] {N, 1}, run(net, 0, 0).ticks("k"));
    }

    /**
     * The sentinel rule and the bias. The float reference counts the bias as one of the neuron's inputs
     * (docs/reference.md: the quirk applies when "every input, the bias included, arrived before its
     * t_ns"); docs/semantics.md §4.3 only speaks of the window's taps. Two networks where that matters:
     * <pre>
     * (a) y = dense(x, levels (3), bias 0 at t(2) → tick 4, level 0), x at 0. The reference: the bias is the
     *     next input (z = e^2), c = 3/2 &lt; e^2, fires at ln 1.5 → tick 1 (single-arrival rule, q = 3).
     *     The engine counts the one tap as the whole window, L = 0, and the bias (level 0) never touches
     *     the neuron: N. Its early-exit probe before tick 4 still sees fires(3) and "decides".
     * (b) y = dense(x, levels (1, 1), bias 1 at t(4) = t_max → tick 8 = N: silent), x at (0, 0.5) → ticks
     *     (0, 1). The reference: the bias is silent, so firing after x1 is allowed: z* = 1 + e^0.5 = 2.65,
     *     t* = 0.974 → tick 2 (A = 2, B = Z(0) + Z(1) = 173587: Zc(1) = 138740 &lt; B ≤ Zc(2)). The engine: both
     *     taps arrived, L = 1: N.
     * </pre>
     */
    @Test
    void lastInputSentinelCountsTheBiasAsAnInput() {
        Network a = load("sentbias", source("sentbias", SEED, """
                input x = spikes(shape = [1], domain = t);
                y = dense(x, out = 1, weight = w["y"], %s, bias = w["b"], bias_time = t(2));
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[3]], \"b\": [0.0]}");
        assertEquals(Math.log(1.5), Math.log(new FloatReference(a).evaluate(new double[] {0})[0]), 1e-12);
        Network b = load("sentbias2", source("sentbias2", SEED, """
                input x = spikes(shape = [2], domain = t);
                y = dense(x, out = 1, weight = w["y"], %s, bias = w["b"], bias_time = t(4));
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[1, 1]], \"b\": [1.0]}");
        assertEquals(Math.log(1 + Math.exp(0.5)), Math.log(new FloatReference(b).evaluate(new double[] {0, 0.5})[0]),
                1e-12);
        assertTrue(ZC[1] < Z[0] + Z[1] && ZC[2] >= Z[0] + Z[1]);
        assertAll(() -> assertArrayEquals(new int[] {1}, run(a, 0).ticks("y"), "(a) zero-level bias"),
                () -> assertArrayEquals(new int[] {2}, run(b, 0, 1).ticks("y"), "(b) silent bias"));
    }

    // ---------------------------------------------------------------- no-spike rule

    private Network noSpike(String yNoSpike) {
        return load("nospike", source("nospike", EXACT, """
                input x = spikes(shape = [1], domain = t);
                h = dense(x, out = 2, weight = w["h"], %s);
                y = dense(h, out = 2, weight = w["y"], %s%s);
                output y decode first_spike();
                """.formatted(Q, Q, yNoSpike)), "{\"h\": [[3], [1]], \"y\": [[0, 3], [3, 0]]}");
    }

    /**
     * h = dense(x, levels ((3), (1))): h0 fires one tick after x (q = 3), h1 is dead (1·256 ≤ 256) and
     * carries h's N = 8. x at tick 0: h = (1, 8).
     * <ul>
     * <li>y with no_spike = t(5): N_y = round(5/0.5) = 10, so h1's no-spike tick 8 &lt; 10 is a real, late
     * arrival. y0 = (0, 3): A = 3, B = 3·Z(8) = 10734432, A' = 512: Zc(m) ≥ 1.5·Z(8) = 5367216 → Zc(8) =
     * 4594434 no, Zc(9) = 7574942 yes → tick 9 &lt; 10. y1 = (3, 0) from h0 at 1: Zc(m) ≥ 1.5·Z(1) =
     * 162076.5 → Zc(2) → tick 2. Both arrivals are events.</li>
     * <li>y with the default no_spike: N_y = 8, h1's tick 8 is at y's no-spike tick and is dropped at
     * gather (1 event): y0 carries N = 8, y1 = 2.</li>
     * </ul>
     */
    @Test
    void noSpikeTicksAreCarriedAndArrivalsAtOrAfterTheConsumersNoSpikeTickAreDropped() {
        assertTrue(2 * ZC[8] < 3 * Z[8] && 2 * ZC[9] >= 3 * Z[8]);
        assertTrue(2 * ZC[1] < 3 * Z[1] && 2 * ZC[2] >= 3 * Z[1]);
        Sim raised = run(noSpike(", no_spike = t(5)"), 0);
        assertEquals(10, ((IrOp.Neuron) raised.ir().node("y").op()).noSpikeTick());
        assertArrayEquals(new int[] {1, N}, raised.ticks("h"));
        assertArrayEquals(new int[] {9, 2}, raised.ticks("y"));
        assertEquals(2, raised.stats("y").events());
        assertEquals(1, raised.result().decision());
        Sim same = run(noSpike(""), 0);
        assertArrayEquals(new int[] {N, 2}, same.ticks("y"));
        assertEquals(1, same.stats("y").events(), "h1's tick 8 is at y's no-spike tick: dropped");
    }

    // ---------------------------------------------------------------- host input

    /**
     * §2: tick = round(t/Δ) for t &lt; t_max (halves up), else the input's no-spike tick; Δ = 0.5.
     * 0 → 0, 0.25 → 0.5 → 1, 0.74 → 1.48 → 1, 0.76 → 1.52 → 2, 3.74 → 7.48 → 7, 3.75 → 7.5 → 8 (the last
     * half tick lands on the no-spike tick 8), 4 → 8, 5 → 8, NaN → 8, +∞ → 8. With no_spike = t(5) in the
     * time block the input's no-spike tick is 10, and 3.75 still goes to the real tick 8.
     */
    @Test
    void hostInputTicks() {
        double[] t = {0, 0.25, 0.74, 0.76, 3.74, 3.75, 4, 5, Double.NaN, Double.POSITIVE_INFINITY};
        String body = """
                input x = spikes(shape = [10], domain = t);
                y = dense(x, out = 1, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q);
        String json = "{\"y\": [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]}";
        IrProgram ir = compile(load("host", source("host", EXACT, body), json), Targets.load("generic"));
        assertArrayEquals(new int[] {0, 1, 1, 2, 7, 8, 8, 8, 8, 8}, HostInput.ticks(t, ir));
        String later = source("host2", EXACT, body).replace("time { t_max = 4; }",
                "time { t_max = 4; no_spike = t(5); }");
        IrProgram ir2 = compile(load("host2", later, json), Targets.load("generic"));
        assertArrayEquals(new int[] {0, 1, 1, 2, 7, 8, 10, 10, 10, 10}, HostInput.ticks(t, ir2));
    }

    // ---------------------------------------------------------------- output decode

    /**
     * y = dense(x, levels ((3), (4), (4))), x at tick 0: all three fire at tick 1.
     * <pre>
     * y0: A' = 512, B = 196608: fires(0)? 84150·512 = 43084800 &lt; 196608·256 = 50331648; fires(1) yes
     * y1, y2: A' = 768, B = 262144: fires(0)? 84150·768 = 64627200 &lt; 67108864; fires(1) yes
     * Crossing values B/A': y0 = 384, y1 = y2 = 341.33. y1 vs y0: B1·A'0 = 262144·512 = 134217728 &lt;
     * B0·A'1 = 196608·768 = 150994944, so y1 crossed first and the lower index y0 loses; y1 and y2 tie
     * exactly, and the lower index, y1, wins. Class 1 (float: ln(4/3) = 0.288 &lt; ln(3/2) = 0.405).
     * </pre>
     */
    @Test
    void sameTickOutputsAreOrderedByCrossingValueThenIndex() {
        Network net = load("decoder", source("decoder", EXACT, """
                input x = spikes(shape = [1], domain = t);
                y = dense(x, out = 3, weight = w["y"], %s);
                output y decode first_spike();
                """.formatted(Q)), "{\"y\": [[3], [4], [4]]}");
        assertTrue(ZC[0] * 768 < 4 * Z[0] * 256 && ZC[1] * 768 >= 4 * Z[0] * 256);
        assertTrue(262144L * 512 < 196608L * 768);
        Sim s = run(net, 0);
        assertArrayEquals(new int[] {1, 1, 1}, s.ticks("y"));
        assertEquals(1, s.result().decision());
        assertEquals(1, s.result().decisionTick());
        Sim silent = run(net, N);
        assertArrayEquals(new int[] {N, N, N}, silent.ticks("y"));
        assertEquals(0, silent.result().decision(), "all silent: class 0");
        assertEquals(-1, silent.result().decisionTick());
    }

    @Test
    void theRasterKeepsEveryStage() {
        Sim s = run(fireBetween(), 0, 6);
        assertNotNull(s.result().ticks());
        assertArrayEquals(new int[] {0, 6}, s.ticks("x"));
        IrProgram ir = s.ir();
        SimResult noRaster = new Engine(s.program(), true).run(new int[] {0, 6}, false);
        assertEquals(null, noRaster.ticks());
        assertEquals(s.result().cycles(), noRaster.cycles());
        assertEquals(N, ((IrOp.Input) ir.nodes().get(0).op()).noSpikeTick());
        Delay none = ir.node("h").inputs().get(0).delay();
        assertEquals(null, none);
    }
}
