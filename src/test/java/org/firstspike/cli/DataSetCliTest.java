package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.firstspike.readers.NpyWriter;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;
import org.firstspike.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data sets on the command line: every command that runs samples checks their shape against the
 * network's input before it computes or writes anything; the tiny example's own data set
 * (examples/tiny/inputs.npy, no labels) runs, its sample 0 the case tiny.ttfs solves on paper, and
 * a report over it says there is no accuracy rather than printing NaN.
 */
class DataSetCliTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"eval", "sim", "synth", "cosim"})
    void samplesOfAnotherShapeAreRefused(String command) throws Exception {
        Path data = dir.resolve("x.npy");
        NpyWriter.write(data, Tensor.of(DType.FLOAT64, new double[16], 4, 2, 2));
        Path out = dir.resolve("out");
        String[] args = switch (command) {
            case "synth" -> new String[] {command, "examples/tiny.ttfs", "--data", data.toString(), "--target",
                "xc7a35t-serial", "-o", out.toString()};
            case "cosim" -> new String[] {command, "examples/tiny.ttfs", "--data", data.toString(), "--work",
                out.toString()};
            default -> new String[] {command, "examples/tiny.ttfs", "--data", data.toString()};
        };
        CliRun r = CliRun.of(args);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("x.npy: error: samples have shape [2, 2] but input 'x' of tiny takes [3]"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** tiny.ttfs: with x = (0, ln 2, ln 3) output y0 spikes first, at t = ln 14. */
    @Test
    void theTinyDataSetsFirstSampleGivesTheClassSolvedOnPaper() {
        CliRun r = CliRun.of("sim", "examples/tiny.ttfs", "--data", "examples/tiny/inputs.npy", "--image", "0",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(0, j.get("decision").asInt());
        double tick = j.get("tick_length").asDouble();
        assertEquals(Math.log(14), j.get("decision_tick").asLong() * tick, 4 * tick, j.toString());
    }

    @Test
    void anUnlabelledSetHasNoAccuracy() {
        CliRun text = CliRun.of("eval", "examples/tiny.ttfs", "--data", "examples/tiny/inputs.npy", "--hardware",
                "--target", "generic-serial");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("none: the data set has no labels"), text.out());
        assertFalse(text.out().contains("NaN"), text.out());
        CliRun json = CliRun.of("eval", "examples/tiny.ttfs", "--data", "examples/tiny/inputs.npy", "--hardware",
                "--target", "generic-serial", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.json().get("reference_accuracy").isNull(), json.out());
        assertEquals(100, json.json().get("images").asInt());
    }
}
