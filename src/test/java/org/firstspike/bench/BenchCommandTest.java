package org.firstspike.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.firstspike.cli.Main;
import org.firstspike.report.Json;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"bench", "examples/fmnist_shuffle_delay.ttfs", "--json", "--dense", "64",
            "--dense-images", "3", "--images", "4", "--rounds", "1", "--sizes", "10000,40000"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode j = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));

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
        assertEquals(2, cycles.size(), "generic and xc7a35t");
        for (JsonNode c : cycles) {
            double limit = c.get("synaptic_events_before_decision").asDouble() / c.get("lanes").asInt();
            assertEquals(limit, c.get("limit").asDouble(), 1e-9 * limit);
            assertTrue(c.get("cycles_per_image").asDouble() >= limit, c.get("target") + ": fewer cycles than the "
                    + "lanes can deliver events in");
        }

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
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"bench", "--sizes", "10,abc"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--sizes takes synapse counts"),
                err.toString(StandardCharsets.UTF_8));
    }
}
