package org.firstspike.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.firstspike.dsl.Frontend;
import org.firstspike.model.Network;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.reference.FloatReference;
import org.firstspike.testing.RandomNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single behaviours of the ODE solver, each on a network small enough to reason about. */
class OdeSolverTest {
    static final double INF = Double.POSITIVE_INFINITY;
    static final double LN2 = Math.log(2);

    @TempDir
    Path dir;

    /** A network from its statements, with t_max = 6, τ = θ = 1, exact neuron settings and json weights. */
    private Network load(String statements, String json) throws IOException {
        Files.writeString(dir.resolve("w.json"), json);
        Path file = dir.resolve("net.ttfs");
        Files.writeString(file, "network t;\nweights w = json(\"w.json\");\ntime { t_max = 6; }\n"
                + "neuron { model = if_exp; tau_syn = 1; threshold = 1; next_input_test = ge; "
                + "last_input_sentinel = inf; }\n" + statements);
        return Frontend.load(file);
    }

    /**
     * Quirk (b) and (c): x0 at t = 0 with w = 2 alone gives A = 2, B = 2, so V reaches θ at
     * e^t = 2/(2 − 1), t = ln 2 — exactly when x1 and x2 arrive (w = 1 and −3). The ODE fires at ln 2:
     * arrivals add nothing to V at their own instant. ge rejects every prefix (the candidate 2 is not
     * below the next input 2, and all three inputs give A = 0); gt accepts the first one.
     */
    @Test
    void firingExactlyWhenInputsArrive() throws IOException {
        Network net = load("""
                input x = spikes(shape = [3], domain = z);
                a = dense(x, out = 1, weight = w["v"], next_input_test = ge);
                b = dense(x, out = 1, weight = w["v"], next_input_test = gt);
                c = concat(a, b);
                y = dense(c, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"v\": [[2.0, 1.0, -3.0]], \"y\": [[1.0, 1.0]]}");
        double[] z = {1, 2, 2};
        double[][] ref = new FloatReference(net).evaluateAll(z);
        assertEquals(Math.exp(6), ref[1][0], 0, "ge: silent");
        assertEquals(2, ref[2][0], 0, "gt: fires at z = 2");
        OdeSolver ode = new OdeSolver(net);
        OdeSolver.Result r = ode.run(ode.inputTimesFromSample(z));
        assertEquals(LN2, r.times()[1][0], 0);
        assertEquals(LN2, r.times()[2][0], 0);
        assertEquals(0, r.margin(1, 0), "an exact tie is a zero margin");
    }

    /** Quirk (c): simultaneous inputs are integrated together; only the whole group changes V's course. */
    @Test
    void simultaneousInputsActTogether() throws IOException {
        Network net = load("""
                input x = spikes(shape = [3], domain = t);
                y = dense(x, out = 2, weight = w["v"]);
                output y decode first_spike();
                """, "{\"v\": [[0.5, 1.0, 1.0], [0.5, 3.0, -2.9]]}");
        double[] t = {0, LN2, LN2};
        OdeSolver ode = new OdeSolver(net);
        double[] out = ode.outputTimes(t);
        // y0: A = 2.5, B = 0.5 + 2·2 = 4.5 → e^t = 3. y1: A = 0.6 ≤ 1 after the group: never, although
        // x1 alone (A = 3.5, B = 6.5, e^t = 2.6) would have fired, had it come first.
        assertArrayEquals(new double[] {Math.log(3), INF}, out, 1e-15);
        double[] ref = new FloatReference(net).evaluate(t);
        assertEquals(3, ref[0], 1e-14);
        assertEquals(Math.exp(6), ref[1], 0);
    }

    @Test
    void minPoolPadIsASpikeTime() throws IOException {
        Network net = load("""
                input x = spikes(shape = [1, 1, 2], domain = t);
                p = minpool(x, kernel = [1, 3], stride = 1, padding = [0, 0, 1, 0], pad = t(2));
                q = minpool(x, kernel = [1, 3], stride = 1, padding = [0, 0, 1, 0], pad = never);
                r = minpool(x, kernel = [1, 3], stride = 1, padding = [0, 0, 1, 0], pad = t(1));
                c = concat(p, q, r);
                f = flatten(c, order = nchw);
                y = dense(f, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"y\": [[1.0, 1.0, 1.0]]}");
        OdeSolver ode = new OdeSolver(net);
        double[][] t = ode.spikeTimes(new double[] {3, 4});
        assertEquals(2, t[ode.nodeIndex("p")][0], 0);
        assertEquals(3, t[ode.nodeIndex("q")][0], 0);
        assertEquals(1, t[ode.nodeIndex("r")][0], 0);
        assertEquals(INF, ode.spikeTimes(new double[] {INF, 7})[ode.nodeIndex("q")][0], "all silent, pad never");
    }

    /** Delay adds d, add sums; a silent summand silences the sum unless silence is a spike at t_ns. */
    @Test
    void addAndDelayInBothSilenceModes() throws IOException {
        Network net = load("""
                input x = spikes(shape = [2], domain = t);
                d = delay(x, by = 0.5);
                a = add(x, d);
                y = dense(a, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"y\": [[1.0, 1.0]]}");
        double[] in = {1, INF};
        OdeSolver exact = new OdeSolver(net);
        double[][] t = exact.spikeTimes(in);
        assertArrayEquals(new double[] {1.5, INF}, t[exact.nodeIndex("d")], 0);
        assertArrayEquals(new double[] {2.5, INF}, t[exact.nodeIndex("a")], 0);
        OdeSolver seed = new OdeSolver(net, OdeSolver.Options.SEED);
        double[][] s = seed.spikeTimes(in);
        // The silent input is the code MAX = e^6, a spike at t = 6 for what follows.
        assertArrayEquals(new double[] {1.5, 6.5}, s[seed.nodeIndex("d")], 1e-15);
        assertArrayEquals(new double[] {2.5, 12.5}, s[seed.nodeIndex("a")], 1e-15);
        double[] ref = new FloatReference(net).evaluateAll(in)[net.indexByName().get("a")];
        assertEquals(12.5, Math.log(ref[1]), 1e-14, "the reference multiplies the MAX code the same way");
        // y: a0 alone gives A = 1, not above θ, and a1 arrives after t_ns = 6, so y is silent: seed mode emits t_ns.
        assertEquals(6, s[seed.nodeIndex("y")][0], 1e-15, "a silent neuron emits at t_ns in seed mode");
    }

    @Test
    void avgPoolIsRefused() throws IOException {
        Network net = load("""
                input x = spikes(shape = [1, 2, 2], domain = t);
                p = avgpool_z(x, kernel = 2, pad = z(1e5));
                f = flatten(p, order = nchw);
                y = dense(f, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"y\": [[1.0]]}");
        var e = assertThrows(UnsupportedOperationException.class, () -> new OdeSolver(net));
        assertTrue(e.getMessage().contains("'p' is avgpool_z") && e.getMessage().contains("not an operation on spike"
                + " times"), e.getMessage());
    }

    @Test
    void acausalSchedulesAreErrors() throws IOException {
        Network net = load("""
                input x = spikes(shape = [1], domain = t);
                a = add(x, x);
                d = delay(a, by = 0.5);
                y = dense(d, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"y\": [[2.0]]}");
        OdeSolver ode = new OdeSolver(net);
        assertEquals(2.5, ode.spikeTimes(new double[] {1})[ode.nodeIndex("d")][0], 0);
        var e = assertThrows(IllegalStateException.class, () -> ode.spikeTimes(new double[] {-1}));
        assertTrue(e.getMessage().contains("acausal event in node 'a'"), e.getMessage());

        // A negative applied delay cannot come from the language (it clamps or rejects), but a model can hold one.
        List<Node> nodes = new ArrayList<>(net.nodes());
        Node d = net.node("d");
        nodes.set(net.indexByName().get("d"), new Node("d", new Op.Delay(new double[] {-0.5}, new double[] {-0.5},
                false, "test"), d.inputs(), d.shape(), d.span()));
        Network bad = new Network(net.name(), net.source(), net.time(), net.neuron(), nodes, net.output(), net.decode());
        var e2 = assertThrows(IllegalArgumentException.class, () -> new OdeSolver(bad));
        assertTrue(e2.getMessage().contains("applied delay -0.5"), e2.getMessage());
    }

    @Test
    void inputAdapters() throws IOException {
        Network linear = load("""
                input x = image(shape = [1, 1, 3], pixel_scale = 1/255) encoder linear(offset = 3, slope = -3);
                f = flatten(x, order = nchw);
                y = dense(f, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"y\": [[1.0, 1.0, 1.0]]}");
        OdeSolver ode = new OdeSolver(linear);
        double[] pixels = {0, 255, 51};
        assertArrayEquals(new double[] {3, 0, 2.4}, ode.inputTimesFromSample(pixels), 1e-15);
        double[] z = new FloatReference(linear).evaluateAll(pixels)[0];
        assertArrayEquals(ode.inputTimesFromSample(pixels), ode.inputTimesFromZ(z), 1e-15);

        Network zDomain = load("""
                input x = spikes(shape = [3], domain = z);
                y = dense(x, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"y\": [[1.0, 1.0, 1.0]]}");
        assertArrayEquals(new double[] {0, 1, INF}, new OdeSolver(zDomain)
                .inputTimesFromSample(new double[] {1, Math.E, Math.exp(6)}), 1e-15);

        Network ann = load("""
                input x = image(shape = [1, 2, 2], pixel_scale = 1/255) encoder ann { relu(); };
                f = flatten(x, order = nchw);
                y = dense(f, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"y\": [[1.0, 1.0, 1.0, 1.0]]}");
        var e = assertThrows(UnsupportedOperationException.class,
                () -> new OdeSolver(ann).inputTimesFromSample(new double[4]));
        assertTrue(e.getMessage().contains("inputTimesFromZ"), e.getMessage());
    }

    /** A layer simulated alone from given input times equals the same layer in the whole network. */
    @Test
    void runNodeAgreesWithRun() {
        RandomNetworks.Generated g = RandomNetworks.generate(7, RandomNetworks.Options.exact());
        Network net = g.load(dir);
        OdeSolver ode = new OdeSolver(net);
        OdeSolver.Result all = ode.run(g.randomInputTimes(new Random(7)));
        for (int node = 1; node < net.nodes().size(); node++) {
            // Simultaneous arrivals may be integrated in another order: equal up to rounding.
            assertArrayEquals(all.times()[node], ode.runNode(node, all.times()).times()[node], 1e-13,
                    net.nodes().get(node).name());
        }
        assertArrayEquals(all.times()[net.nodes().size() - 1], ode.run(g.randomInputTimes(new Random(7)))
                .times()[net.nodes().size() - 1], 0, "runs are deterministic");
    }

    @Test
    void sourcesOfAConvNeuronSkipPadding() throws IOException {
        Network net = load("""
                input x = spikes(shape = [2, 3, 3], domain = t);
                k = conv2d(x, out = 1, kernel = 3, padding = 1, weight = w["k"]);
                f = flatten(k, order = nchw);
                y = dense(f, out = 1, weight = w["y"]);
                output y decode first_spike();
                """, "{\"k\": {\"shape\": [1, 2, 3, 3], \"data\": " + java.util.Arrays.toString(new double[18])
                + "}, \"y\": {\"shape\": [1, 9], \"data\": " + java.util.Arrays.toString(new double[9]) + "}}");
        OdeSolver ode = new OdeSolver(net);
        long[] corner = ode.sourcesOf(ode.nodeIndex("k"), 0);
        long[] centre = ode.sourcesOf(ode.nodeIndex("k"), 4);
        assertEquals(8, corner.length, "2 channels × the 2×2 real taps of a corner");
        assertEquals(18, centre.length);
        assertEquals(0, (int) (corner[0] >> 32), "read from node 0, the input");
        assertEquals(0, (int) corner[0], "(c 0, y 0, x 0)");
        assertEquals(1, ode.sourcesOf(ode.nodeIndex("f"), 4).length);
    }
}
