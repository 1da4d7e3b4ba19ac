package org.firstspike.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.firstspike.testing.CliRun;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of `firstspike bench` on tiny settings. It checks the report's shape and the
 * invariants that hold whatever the machine's speed, never a speed: the lanes deliver at most L
 * synaptic events per cycle, so cycles to the decision are at least the limit; the synthetic
 * networks have the requested size; every rate is positive.
 */
class BenchCommandTest {
    @Test
    void tinyBenchReportsEveryFigureWithItsInvariants() throws Exception {
        CliRun r = CliRun.of("bench", "examples/fmnist_shuffle_delay.ttfs", "--json", "--dense", "64",
                "--dense-images", "3", "--images", "4", "--rounds", "1", "--sizes", "10000,40000");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();

        JsonNode ev = j.get("synaptic_events");
        assertTrue(ev.get("synaptic_events_per_second").asDouble() > 0);
        assertTrue(ev.get("baseline_events_per_second").asDouble() > 0);
        // 64 hidden neurons tuned almost never to fire: each arriving input reaches all 64.
        double perImage = ev.get("synaptic_events_per_image").asDouble();
        assertTrue(perImage > 0 && perImage <= 64 * 64 + 64 * 10, "events/image " + perImage);

        JsonNode seed = j.get("seed");
        assertEquals(4, seed.get("images").asInt());
        assertTrue(seed.get("engine_images_per_second").asDouble() > 0);
        assertTrue(seed.get("reference_images_per_second").asDouble() > 0);

        JsonNode cycles = j.get("cycles");
        assertEquals(2, cycles.size(), "generic-units4 and xc7a35t-units8");
        for (JsonNode c : cycles) {
            double limit = c.get("synaptic_events_before_decision").asDouble() / c.get("lanes").asInt();
            assertEquals(limit, c.get("limit").asDouble(), 1e-9 * limit);
            assertTrue(c.get("cycles_per_image").asDouble() >= limit, c.get("target") + ": fewer cycles than the "
                    + "lanes can deliver events in");
        }

        JsonNode latency = j.get("verilog_latency");
        assertEquals(2, latency.size(), "the seed on xc7a35t-lanes8 and xc7a35t");
        for (int t = 0; t < 2; t++) {
            JsonNode l = latency.get(t);
            String target = t == 0 ? "xc7a35t-lanes8" : "xc7a35t";
            assertEquals(target, l.get("target").asText());
            assertTrue(l.get("clocks_per_image").asDouble() >= l.get("engine_cycles_per_image").asDouble(),
                    "every engine cycle takes at least one clock: " + l);
            assertEquals(l.get("clocks_per_image").asDouble() / l.get("clock_mhz").asDouble(),
                    l.get("us_per_image").asDouble(), 1e-9);
            // the engine cycles are the simulator's, as `sim` reports them for the same images
            long simCycles = 0;
            for (int k = 0; k < 4; k++) {
                CliRun sim = CliRun.of("sim", "examples/fmnist_shuffle_delay.ttfs", "--data", "fmnist-test", "--image",
                        Integer.toString(k), "--target", target, "--json");
                assertEquals(0, sim.code(), sim.err());
                simCycles += sim.json().get("cycles_to_decision").asLong();
            }
            assertEquals(simCycles / 4.0, l.get("engine_cycles_per_image").asDouble(), 1e-9);
        }
        // sixteen lanes take fewer cycles than eight
        assertTrue(latency.get(1).get("engine_cycles_per_image").asDouble()
                < latency.get(0).get("engine_cycles_per_image").asDouble(), latency.toString());

        JsonNode sizes = j.get("compile").get("sizes");
        assertEquals(2, sizes.size());
        for (JsonNode s : sizes) {
            long want = s.get("synapses_requested").asLong();
            long got = s.get("synapses").asLong();
            assertTrue(Math.abs(got - want) <= want / 20, "synthetic network of " + got + " for " + want);
            assertTrue(s.get("total_seconds").asDouble() > 0);
        }
    }

    @Test
    void badSizesAreAUsageError() {
        CliRun r = CliRun.of("bench", "--sizes", "10,abc");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--sizes takes synapse counts"), r.err());
    }
}
