package org.firstspike.ode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.firstspike.model.Network;
import org.firstspike.reference.FloatReference;
import org.firstspike.testing.RandomNetworks;
import org.firstspike.testing.Seeds;
import org.firstspike.testing.SpikeComparison;
import org.firstspike.testing.SpikeComparison.Mismatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the seed's settings (conv next_input_test = gt, dense ge, last_input_sentinel = one) the
 * reference and the exact ODE differ only where quirk (a) applies — a neuron that fires after its
 * last input while it has no padded or silent input — and downstream of it:
 * <ul>
 * <li>the ODE with the sentinel rule emulated agrees with the reference everywhere (near-ties aside);</li>
 * <li>the seed-mode ODE (sentinel rule and the MAX code as a spike at t_ns) agrees even on the
 * values of silent codes, also when later layers raise their no-spike time (quirk d), where the
 * exact ODE's "silent = never" does not;</li>
 * <li>every disagreement of the exact ODE is at a neuron flagged as quirk (a), a near-tie, or
 * downstream of one, and every flagged neuron whose inputs agree does disagree (the reference keeps
 * it silent).</li>
 * </ul>
 */
class OdeVsReferenceSeedQuirksTest {
    static final int NETWORKS = 240;
    static final int RAISED_NETWORKS = 80;
    static final int SAMPLES = 3;
    static final double TOL = 1e-9;

    private static final AtomicLong QUIRK_A = new AtomicLong();
    private static final AtomicLong UPSTREAM = new AtomicLong();
    private static final AtomicLong NEAR_TIES = new AtomicLong();
    private static final AtomicLong EMULATED_DISAGREEMENTS = new AtomicLong();
    private static final AtomicLong RAISED_NEVER_DIFFERS = new AtomicLong();
    private static final AtomicLong RAISED_RUN = new AtomicLong();

    static LongStream seeds() {
        return Seeds.stream(50_000, NETWORKS);
    }

    static LongStream raisedSeeds() {
        return Seeds.stream(90_000, RAISED_NETWORKS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void differencesAreQuirkA(long seed, @TempDir Path dir) {
        RandomNetworks.Generated g = RandomNetworks.generate(seed, RandomNetworks.Options.seed());
        Network net = g.load(dir);
        FloatReference ref = new FloatReference(net);
        OdeSolver exact = new OdeSolver(net, OdeSolver.Options.EXACT);
        OdeSolver sentinel = new OdeSolver(net, OdeSolver.Options.SEED_SENTINEL);
        OdeSolver seedMode = new OdeSolver(net, OdeSolver.Options.SEED);
        Random rnd = new Random(seed);
        String where = Seeds.describe(seed, getClass());
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] input = g.randomInputTimes(rnd);
            double[][] refT = SpikeComparison.toTimes(net, ref.evaluateAll(input));
            OdeSolver.Result rExact = exact.run(exact.inputTimesFromSample(input));
            OdeSolver.Result rSentinel = sentinel.run(sentinel.inputTimesFromSample(input));
            OdeSolver.Result rSeed = seedMode.run(seedMode.inputTimesFromSample(input));
            String at = where + ", sample " + sample;

            // 1. The sentinel rule emulated: only near-ties remain.
            var withRule = Disagreements.classify(sentinel,
                    SpikeComparison.compare(net, refT, rSentinel.times(), TOL, true), null, List.of(rSentinel));
            assertNone(Disagreements.unexplained(withRule), at + ", ODE with the seed's sentinel rule", g);

            // 2. Seed mode: silent codes too, compared strictly.
            var strict = Disagreements.classify(seedMode,
                    SpikeComparison.compare(net, refT, rSeed.times(), TOL, false), null, List.of(rSeed));
            assertNone(Disagreements.unexplained(strict), at + ", seed-mode ODE (strict)", g);
            EMULATED_DISAGREEMENTS.addAndGet(withRule.size() + strict.size());

            // 3. The exact ODE: quirk (a), near-ties and what follows from them.
            List<Mismatch> mismatches = SpikeComparison.compare(net, refT, rExact.times(), TOL, true);
            var classified = Disagreements.classify(exact, mismatches, rExact, List.of(rExact, rSentinel));
            assertNone(Disagreements.unexplained(classified), at + ", exact ODE", g);
            QUIRK_A.addAndGet(Disagreements.count(classified, Disagreements.Cause.QUIRK_A));
            UPSTREAM.addAndGet(Disagreements.count(classified, Disagreements.Cause.UPSTREAM));
            NEAR_TIES.addAndGet(Disagreements.count(classified, Disagreements.Cause.NEAR_TIE));

            // 4. Conversely, a flagged neuron whose inputs agree is silent in the reference.
            Set<Long> differing = new HashSet<>();
            mismatches.forEach(m -> differing.add(((long) m.node() << 32) | m.element()));
            for (int node = 0; node < net.nodes().size(); node++) {
                boolean[] flags = rExact.firedAfterLastInput()[node];
                for (int e = 0; flags != null && e < flags.length; e++) {
                    if (!flags[e] || differing.contains(((long) node << 32) | e) || rExact.margin(node, e) < 1e-9) {
                        continue;
                    }
                    boolean inputsAgree = true;
                    for (long s : exact.sourcesOf(node, e)) {
                        inputsAgree &= !differing.contains(s);
                    }
                    int n = node;
                    int el = e;
                    assertTrue(!inputsAgree, () -> at + ": " + net.nodes().get(n).name() + "[" + el + "] fired after its"
                            + " last input with no silent input, at t = " + rExact.times()[n][el]
                            + ", but the reference (sentinel one) agrees with that\n" + g.source());
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("raisedSeeds")
    void raisedNoSpikeNeedsTheMaxCode(long seed, @TempDir Path dir) {
        RandomNetworks.Options options = RandomNetworks.Options.seed().with(RandomNetworks.NoSpikeLevels.RAISED);
        RandomNetworks.Generated g = RandomNetworks.generate(seed, options);
        Network net = g.load(dir);
        FloatReference ref = new FloatReference(net);
        OdeSolver seedMode = new OdeSolver(net, OdeSolver.Options.SEED);
        OdeSolver never = new OdeSolver(net, OdeSolver.Options.SEED_SENTINEL);
        Random rnd = new Random(seed);
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] input = g.randomInputTimes(rnd);
            double[][] refT = SpikeComparison.toTimes(net, ref.evaluateAll(input));
            OdeSolver.Result rSeed = seedMode.run(seedMode.inputTimesFromSample(input));
            var strict = Disagreements.classify(seedMode,
                    SpikeComparison.compare(net, refT, rSeed.times(), TOL, false), null, List.of(rSeed));
            assertNone(Disagreements.unexplained(strict),
                    Seeds.describe(seed, getClass()) + ", sample " + sample + ", seed-mode ODE, raised no-spike", g);
            OdeSolver.Result rNever = never.run(never.inputTimesFromSample(input));
            if (!SpikeComparison.compare(net, refT, rNever.times(), TOL, true).isEmpty()) {
                RAISED_NEVER_DIFFERS.incrementAndGet();
            }
        }
        RAISED_RUN.incrementAndGet();
    }

    private static void assertNone(List<Disagreements.Classified> bad, String what, RandomNetworks.Generated g) {
        assertTrue(bad.isEmpty(), () -> what + ": " + bad.size() + " unexplained disagreements, first "
                + bad.subList(0, Math.min(8, bad.size())) + "\nnetwork:\n" + g.source());
    }

    @AfterAll
    static void summary() {
        System.out.printf("OdeVsReferenceSeedQuirksTest: exact ODE vs seed-settings reference: %d quirk (a) neurons, "
                + "%d downstream, %d near-ties; ODEs emulating the seed: %d (near-tie) disagreements; raised no-spike: "
                + "%d of %d samples differ when silence is 'never'%n", QUIRK_A.get(), UPSTREAM.get(), NEAR_TIES.get(),
                EMULATED_DISAGREEMENTS.get(), RAISED_NEVER_DIFFERS.get(), RAISED_RUN.get() * SAMPLES);
        if (!Seeds.replaying()) {
            assertTrue(QUIRK_A.get() > 0, "the random networks never met quirk (a): the test does not test it");
            assertTrue(RAISED_NEVER_DIFFERS.get() > 0, "raising no_spike never made the MAX code matter");
        }
    }
}
