package org.firstspike.ode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.firstspike.model.Network;
import org.firstspike.reference.FloatReference;
import org.firstspike.testing.RandomNetworks;
import org.firstspike.testing.Seeds;
import org.firstspike.testing.SpikeComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the exact settings (next_input_test = ge, last_input_sentinel = inf) the float reference's
 * closed form and the event-driven ODE must agree on every element of every node of random
 * networks, to 1e-9 relative, except at float near-ties the ODE detects (and what follows from them).
 */
class OdeVsReferenceExactTest {
    static final int NETWORKS = 320;
    static final int SAMPLES = 3;
    static final double TOL = 1e-9;

    private static final AtomicLong NETWORKS_RUN = new AtomicLong();
    private static final AtomicLong NEURONS = new AtomicLong();
    private static final AtomicLong FIRED = new AtomicLong();
    private static final AtomicLong NEAR_TIES = new AtomicLong();

    static LongStream seeds() {
        return Seeds.stream(1_000, NETWORKS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void referenceAndOdeAgree(long seed, @TempDir Path dir) {
        RandomNetworks.Generated g = RandomNetworks.generate(seed, RandomNetworks.Options.exact());
        Network net = g.load(dir);
        FloatReference ref = new FloatReference(net);
        OdeSolver ode = new OdeSolver(net);
        Random rnd = new Random(seed);
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] input = g.randomInputTimes(rnd);
            double[][] refT = SpikeComparison.toTimes(net, ref.evaluateAll(input));
            OdeSolver.Result r = ode.run(ode.inputTimesFromSample(input));
            List<SpikeComparison.Mismatch> mismatches = SpikeComparison.compare(net, refT, r.times(), TOL, true);
            List<Disagreements.Classified> classified = Disagreements.classify(ode, mismatches, null, List.of(r));
            List<Disagreements.Classified> bad = Disagreements.unexplained(classified);
            int s = sample;
            assertTrue(bad.isEmpty(), () -> Seeds.describe(seed, getClass()) + ", sample " + s + ": " + bad.size()
                    + " unexplained disagreements, first " + bad.subList(0, Math.min(8, bad.size())) + "\nnetwork:\n"
                    + g.source());
            NEAR_TIES.addAndGet(Disagreements.count(classified, Disagreements.Cause.NEAR_TIE));
            countNeurons(r);
        }
        NETWORKS_RUN.incrementAndGet();
    }

    private static void countNeurons(OdeSolver.Result r) {
        for (int i = 0; i < r.times().length; i++) {
            if (r.margins()[i] != null) {
                for (double t : r.times()[i]) {
                    NEURONS.incrementAndGet();
                    if (t != Double.POSITIVE_INFINITY) {
                        FIRED.incrementAndGet();
                    }
                }
            }
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf("OdeVsReferenceExactTest: %d networks, %d neuron evaluations, %d fired, %d near-tie "
                + "disagreements%n", NETWORKS_RUN.get(), NEURONS.get(), FIRED.get(), NEAR_TIES.get());
        if (!Seeds.replaying()) {
            assertTrue(NETWORKS_RUN.get() >= 300, "at least 300 random networks must have been compared");
            assertTrue(FIRED.get() > NEURONS.get() / 5 && FIRED.get() < NEURONS.get() * 9 / 10,
                    "the generator should make a fair share of neurons fire: " + FIRED + " of " + NEURONS);
        }
    }
}
