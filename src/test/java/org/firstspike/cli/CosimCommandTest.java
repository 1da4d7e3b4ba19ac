package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.firstspike.testing.CliRun;

/** `firstspike cosim` from the command line: the JSON fields, and a target the Verilog engine cannot run. */
class CosimCommandTest {
    static final String RES = "examples/fmnist_res_add.ttfs";

    @Test
    void jsonReportsTheRequiredFields() {
        CliRun r = CliRun.of("cosim", RES, "--images", "2", "--first", "5", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(2, j.get("images").asInt());
        assertEquals(5, j.get("first_image").asInt());
        assertEquals(0, j.get("mismatched_images").asInt());
        assertEquals(2, j.get("cycles_equal").asInt());
        assertTrue(j.get("first_mismatch").isNull());
        assertEquals("generic", j.get("target").asText(), "the default target");
    }

    @Test
    void aParallelTargetIsRefusedWithTheReason() {
        CliRun r = CliRun.of("cosim", RES, "--images", "1", "--target", "xc7a35t-units8");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("one neuron unit") && r.err().contains("32 lanes"), r.err());
    }
}
