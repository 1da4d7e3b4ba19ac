package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.firstspike.readers.NpyWriter;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.firstspike.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.firstspike.testing.CliRun;

/** `info`, `eval`, `sim` and `check` as a user runs them, with --json. */
class ReportCommandsTest {
    private static final String SHUFFLE = "examples/fmnist_shuffle_delay.ttfs";

    @TempDir
    Path dir;

    @Test
    void infoCountsSynapsesOfTheSeedModel() {
        CliRun r = CliRun.of("info", SHUFFLE, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode layers = r.json().get("layers");
        assertEquals(19, layers.size());
        // conv2: 32×14×14 → 7×7, k3 s2 p1. Output row 0 reads input rows −1..1 (2 real), rows 1..6
        // read 3 real rows each: 20 real rows over the 7 outputs, likewise columns, so 20·20 real
        // taps per input channel: 20·20·32 per output channel, ·32 output channels.
        assertEquals(20L * 20 * 32 * 32, find(layers, "z2").get("synapses").asLong());
        // conv3: 7×7 → 7×7, k3 s1 p1: rows 2 + 5·3 + 2 = 19 real, so 19·19 per channel pair.
        assertEquals(19L * 19 * 32 * 32, find(layers, "z3").get("synapses").asLong());
        assertEquals(1536L * 10, find(layers, "fc").get("synapses").asLong());
        assertEquals(288, find(layers, "z2").get("fan_in").asInt());
        assertEquals("qat_tanh", find(layers, "z2").get("quantization").get("scheme").asText());
        assertEquals("float", find(layers, "fc").get("quantization").get("scheme").asText());
        assertEquals("ge", find(layers, "fc").get("neuron").get("next_input_test").asText());
        assertEquals(32, find(layers, "d1").get("delays").get("applied").size());
        CliRun text = CliRun.of("info", SHUFFLE);
        assertTrue(text.out().contains("conv2d k3 s2 p1"), text.out());
    }

    private static JsonNode find(JsonNode layers, String name) {
        for (JsonNode l : layers) {
            if (l.get("name").asText().equals(name)) {
                return l;
            }
        }
        throw new AssertionError("no layer " + name);
    }

    @Test
    void evalAgainstGoldenReportsTheRequiredFields() {
        TestData.fashionMnistTest();
        CliRun r = CliRun.of("eval", SHUFFLE, "--data", "fmnist-test", "--images", "40", "--golden",
                "examples/fmnist_shuffle_delay/golden", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(40, j.get("images").asInt());
        for (String field : new String[] {"accuracy", "max_rel_error", "frac_within_1e-4", "pred_agreement"}) {
            assertTrue(j.has(field), field);
        }
        assertEquals(1.0, j.get("pred_agreement").asDouble());
        // Accuracy from the trainer's predictions and the labels, independently of FirstSpike.
        Tensor pred = TestData.npy(Path.of("examples/fmnist_shuffle_delay/golden/pred.npy"));
        Tensor labels = TestData.npy(Path.of("examples/fmnist_shuffle_delay/golden/labels.npy"));
        int correct = 0;
        for (int i = 0; i < 40; i++) {
            correct += pred.get(i) == labels.get(i) ? 1 : 0;
        }
        assertEquals(correct / 40.0, j.get("accuracy").asDouble(), 1e-12);
    }

    /**
     * `sim --json` counts a core's cycles by kind. Eight lanes instead of one change only how many
     * chunks of channels an event position takes: the same events, positions and neuron-unit work, so
     * the cycles to the decision differ by exactly the chunk steps (both targets: one neuron unit,
     * one-element streams).
     */
    @Test
    void simCountsCoreCyclesByKindAndLanesChangeOnlyTheChunkSteps() {
        TestData.fashionMnistTest();
        JsonNode one = simJson("generic-serial");
        JsonNode eight = simJson("generic");
        JsonNode k1 = one.get("core_cycles_to_decision");
        JsonNode k8 = eight.get("core_cycles_to_decision");
        assertEquals(one.get("decision").asInt(), eight.get("decision").asInt());
        for (String same : new String[] {"events", "follow_on_events", "position_steps", "neuron_unit",
                "quick_resolutions"}) {
            assertEquals(k1.get(same).asLong(), k8.get(same).asLong(), same);
        }
        assertTrue(k8.get("chunk_steps").asLong() < k1.get("chunk_steps").asLong());
        assertEquals(one.get("cycles_to_decision").asLong() - eight.get("cycles_to_decision").asLong(),
                k1.get("chunk_steps").asLong() - k8.get("chunk_steps").asLong());
        long kinds = k8.get("events").asLong() + k8.get("position_steps").asLong() + k8.get("chunk_steps").asLong()
                + k8.get("neuron_unit").asLong();
        assertTrue(kinds < eight.get("cycles_to_decision").asLong(), "gather, ticks and decode are cycles too");
    }

    /**
     * Run to the end, the cores' events that follow one of the same tick are their events less the
     * nonempty ticks those fall on (the stage statistics count the ticks apart, from the sorted queue),
     * and the resolutions without a firing test are some of the neuron-unit cycles.
     */
    @Test
    void followOnEventsAreEventsLessTheirTicks() {
        TestData.fashionMnistTest();
        JsonNode all = simJson("generic", "--no-early-exit");
        long expected = 0;
        for (JsonNode st : all.get("stages")) {
            if (st.get("kind").asText().equals("core")) {
                assertTrue(st.get("event_ticks").asLong() <= st.get("events").asLong(), st.toString());
                expected += st.get("events").asLong() - st.get("event_ticks").asLong();
            }
        }
        JsonNode k = all.get("core_cycles_to_decision");
        assertEquals(expected, k.get("follow_on_events").asLong());
        assertTrue(expected > 0);
        assertTrue(k.get("quick_resolutions").asLong() > 0);
        assertTrue(k.get("quick_resolutions").asLong() < k.get("neuron_unit").asLong());
    }

    private static JsonNode simJson(String target, String... more) {
        List<String> args = new ArrayList<>(List.of("sim", SHUFFLE, "--data", "fmnist-test", "--image", "3",
                "--target", target, "--json"));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    /** A 2-input network in which output i fires at t_i + ln 2, so the earlier input wins. */
    @Test
    void evalReadsSpikeTimeSetsFromNpy() throws Exception {
        Files.writeString(dir.resolve("w.json"), "{\"w\": [[2, 0], [0, 2]]}");
        Files.writeString(dir.resolve("race.ttfs"), """
                time { t_max = 6; }
                weights w = json("w.json");
                input x = spikes(shape = [2], domain = t);
                y = dense(x, out = 2, weight = w["w"]);
                output y decode first_spike();
                """);
        double[] t = {0.5, 1.5, 2.0, 0.25, 3.0, 3.5, 1.0, 0.1};
        NpyWriter.write(dir.resolve("x.npy"), Tensor.of(DType.FLOAT64, t, 4, 2));
        NpyWriter.write(dir.resolve("y.npy"), Tensor.of(DType.INT64, new double[] {0, 1, 0, 0}, 4));
        CliRun r = CliRun.of("eval", dir.resolve("race.ttfs").toString(), "--data", dir.resolve("x.npy").toString(),
                "--labels", dir.resolve("y.npy").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        // Winners by hand: 0 (0.5 < 1.5), 1 (0.25 < 2.0), 0 (3.0 < 3.5), 1 (0.1 < 1.0): 3 of 4 labels match.
        assertEquals(0.75, r.json().get("accuracy").asDouble(), 1e-12);
    }

    @Test
    void dumpWritesEveryNodeAndNeverOverwritesForeignDirectories() throws Exception {
        TestData.fashionMnistTest();
        Path out = dir.resolve("dump");
        CliRun r = CliRun.of("eval", SHUFFLE, "--data", "fmnist-test", "--images", "2", "--dump", out.toString());
        assertEquals(0, r.code(), r.err());
        Tensor fc = TestData.npy(out.resolve("fc.npy"));
        assertEquals(2, fc.dim(0));
        assertEquals(10, fc.dim(1));
        assertTrue(Files.exists(out.resolve("z2.npy")));
        // Rewriting our own output is fine; a directory with someone else's files is refused.
        assertEquals(0, CliRun.of("eval", SHUFFLE, "--data", "fmnist-test", "--images", "1", "--dump",
                out.toString()).code());
        Path foreign = dir.resolve("mine");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        CliRun refused = CliRun.of("eval", SHUFFLE, "--data", "fmnist-test", "--images", "1", "--dump",
                foreign.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("not empty"), refused.err());
        assertTrue(Files.exists(foreign.resolve("thesis.tex")));
    }

    @Test
    void versionHelpAndUsageErrors() {
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().matches("firstspike \\d+\\.\\d+\\.\\d+\\s*"), v.out());
        for (String cmd : new String[] {"check", "info", "eval"}) {
            CliRun h = CliRun.of(cmd, "--help");
            assertEquals(0, h.code());
            assertTrue(h.out().contains("--json"), cmd + ": " + h.out());
        }
        CliRun bad = CliRun.of("eval", SHUFFLE, "--images", "ten", "--data", "fmnist-test");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--images needs an integer"), bad.err());
        CliRun typo = CliRun.of("chek", SHUFFLE);
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("did you mean 'check'"), typo.err());
        assertFalse(typo.err().contains("Exception"));
    }
}
