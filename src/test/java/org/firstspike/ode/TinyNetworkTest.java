package org.firstspike.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.firstspike.dsl.Frontend;
import org.firstspike.model.Network;
import org.firstspike.reference.FloatReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/tiny.ttfs, solved by hand. τ = 1 and θ = 1 throughout, so z = e^t, and a neuron whose
 * causal inputs have A = Σ w_i and B = Σ w_i·e^{t_i} has V(t) = A − B·e^{−t} and, if A > θ, crosses
 * θ at t = ln(B / (A − θ)); the crossing counts only if it comes before the next input arrives.
 *
 * <p>Input x = (0, ln 2, ln 3), i.e. z = (1, 2, 3).
 *
 * <pre>
 * h0, w = (1, 0.5, 0.5):
 *   [0, ln 2)    causal {x0}:         A = 1,   B = 1                 A ≤ θ: V = 1 − e^{−t} never reaches 1
 *   [ln 2, ln 3) causal {x0, x1}:     A = 1.5, B = 1 + 0.5·2 = 2     e^t = 2/0.5 = 4, t = ln 4 ≥ ln 3: x2 comes first
 *   [ln 3, ∞)    causal {x0, x1, x2}: A = 2,   B = 2 + 0.5·3 = 3.5   e^t = 3.5/1, t = ln(7/2)  ✓ (after the last input)
 * h1, w = (3, −1, 0.25):
 *   [0, ln 2)    causal {x0}:         A = 3,   B = 3                 e^t = 3/2, t = ln(3/2) &lt; ln 2  ✓
 * d = h + (ln 2, ln(4/3)):  d0 = ln(7/2) + ln 2 = ln 7,  d1 = ln(3/2) + ln(4/3) = ln 2
 * y reads (d0, d1); in arrival order d1 (z = 2) comes first, then d0 (z = 7):
 * y0, w = (2, 0):
 *   [ln 2, ln 7) causal {d1}:         A = 0                          never
 *   [ln 7, ∞)    causal {d1, d0}:     A = 2,   B = 0·2 + 2·7 = 14    e^t = 14/1, t = ln 14  ✓
 * y1, w = (−0.1, 1.2):
 *   [ln 2, ln 7) causal {d1}:         A = 1.2, B = 1.2·2 = 2.4       e^t = 2.4/0.2 = 12 ≥ 7: d0 comes first
 *   [ln 7, ∞)    causal {d1, d0}:     A = 1.1, B = 2.4 − 0.7 = 1.7   e^t = 1.7/0.1 = 17, t = ln 17  ✓
 * y2, w = (0.3, 0.4):
 *   all inputs:                       A = 0.7 ≤ θ                    never (V → 0.7): no spike
 * output (ln 14 ≈ 2.639, ln 17 ≈ 2.833, never): class 0.
 * </pre>
 *
 * <p>The seed's sentinel (last_input_sentinel = one): a neuron can not fire after its last input
 * unless it has a silent (or padded) input, which would sort after it.
 * <pre>
 * h0 fires only after its last input x2 and has no silent input: silent.   h1 fires before x1: ln(3/2).
 * d0 = silent (the reference carries z = e^4·2), d1 = ln 2.
 * y0: real input d1 only, A = 0: silent.
 * y1: real input d1, and d0 silent — so it may fire after d1, its last real input:
 *     A = 1.2, B = 2.4, e^t = 12, t = ln 12 ≈ 2.485 &lt; t_max = 4  ✓
 * y2: A = 0.4: silent.                                   output (never, ln 12, never): class 1.
 * </pre>
 */
class TinyNetworkTest {
    static final Path TINY = Path.of("examples/tiny.ttfs");
    static final double[] X = {0, Math.log(2), Math.log(3)};
    static final double INF = Double.POSITIVE_INFINITY;
    static final double EPS = 1e-12;

    @Test
    void referenceMatchesTheHandSolution() {
        Network net = Frontend.load(TINY);
        FloatReference ref = new FloatReference(net);
        double[][] z = ref.evaluateAll(X);
        assertArrayEquals(new double[] {Math.log(3.5), Math.log(1.5)}, times(z, net, "h"), EPS);
        assertArrayEquals(new double[] {Math.log(7), Math.log(2)}, times(z, net, "d"), EPS);
        assertArrayEquals(new double[] {Math.log(14), Math.log(17), INF}, times(z, net, "y"), EPS);
        // y2 carries the no-spike code z = e^{t_max} = e^4.
        assertEquals(Math.exp(4), z[net.indexByName().get("y")][2], 0);
        assertEquals(0, ref.decide(ref.evaluate(X)));
    }

    /** The reference's z of a node as times: t = ln z (τ = 1), and z ≥ e^4 (no spike) as +∞. */
    private static double[] times(double[][] z, Network net, String node) {
        double[] v = z[net.indexByName().get(node)];
        double[] t = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            t[i] = v[i] >= Math.exp(4) ? INF : Math.log(v[i]);
        }
        return t;
    }

    @Test
    void odeMatchesTheHandSolution() {
        Network net = Frontend.load(TINY);
        OdeSolver ode = new OdeSolver(net);
        double[][] t = ode.spikeTimes(ode.inputTimesFromSample(X));
        assertArrayEquals(new double[] {Math.log(3.5), Math.log(1.5)}, t[ode.nodeIndex("h")], EPS);
        assertArrayEquals(new double[] {Math.log(7), Math.log(2)}, t[ode.nodeIndex("d")], EPS);
        assertArrayEquals(new double[] {Math.log(14), Math.log(17), INF}, t[ode.nodeIndex("y")], EPS);
        assertEquals(0, ode.decide(ode.outputTimes(ode.inputTimesFromSample(X))));
    }

    @Test
    void seedSentinelSilencesH0(@TempDir Path dir) throws IOException {
        Network net = seedVariant(dir);
        FloatReference ref = new FloatReference(net);
        double[][] z = ref.evaluateAll(X);
        assertArrayEquals(new double[] {INF, Math.log(1.5)}, times(z, net, "h"), EPS);
        assertArrayEquals(new double[] {INF, Math.log(2)}, times(z, net, "d"), EPS);
        assertArrayEquals(new double[] {INF, Math.log(12), INF}, times(z, net, "y"), EPS);
        // The delayed silent code stays above no_spike, z = e^4·2 (quirk d): y ignores it as silent.
        assertEquals(Math.exp(4) * 2, z[net.indexByName().get("d")][0], 1e-12 * Math.exp(4) * 2);
        assertEquals(1, ref.decide(z[net.indexByName().get("y")]));

        OdeSolver seed = new OdeSolver(net, OdeSolver.Options.SEED_SENTINEL);
        double[][] t = seed.spikeTimes(seed.inputTimesFromSample(X));
        assertArrayEquals(new double[] {INF, Math.log(1.5)}, t[seed.nodeIndex("h")], EPS);
        assertArrayEquals(new double[] {INF, Math.log(2)}, t[seed.nodeIndex("d")], EPS);
        assertArrayEquals(new double[] {INF, Math.log(12), INF}, t[seed.nodeIndex("y")], EPS);
        assertEquals(1, seed.decide(t[seed.nodeIndex("y")]));

        // The exact ODE ignores the sentinel and flags where it would have mattered.
        OdeSolver exact = new OdeSolver(net);
        OdeSolver.Result r = exact.run(exact.inputTimesFromSample(X));
        assertArrayEquals(new double[] {Math.log(14), Math.log(17), INF}, r.times()[exact.nodeIndex("y")], EPS);
        boolean[] h = r.firedAfterLastInput()[exact.nodeIndex("h")];
        boolean[] y = r.firedAfterLastInput()[exact.nodeIndex("y")];
        assertTrue(h[0], "h0 fires after x2, its last input");
        assertFalse(h[1], "h1 fires before x1 arrives");
        assertTrue(y[0] && y[1], "y0 and y1 fire after d0, their last input");
        assertFalse(y[2], "y2 never fires");
    }

    /** tiny.ttfs with last_input_sentinel = one, next to a copy of its weights. */
    private static Network seedVariant(Path dir) throws IOException {
        String text = Files.readString(TINY);
        String seedText = text.replace("last_input_sentinel = inf;", "last_input_sentinel = one;");
        assertFalse(seedText.equals(text), "tiny.ttfs must set last_input_sentinel = inf");
        Files.createDirectories(dir.resolve("tiny"));
        Files.copy(Path.of("examples/tiny/weights.json"), dir.resolve("tiny/weights.json"));
        Path file = dir.resolve("tiny_seed.ttfs");
        Files.writeString(file, seedText);
        return Frontend.load(file);
    }
}
