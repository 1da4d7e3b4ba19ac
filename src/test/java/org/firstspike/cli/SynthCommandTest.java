package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.firstspike.testing.CliRun;

/**
 * `firstspike synth` end to end: the tiny example's generated engine through Yosys for the Artix-7
 * one-lane target (fields of the issue, µs = clocks / the stated clock) and through Yosys and nextpnr
 * for the UP5K (it places, with nextpnr's Fmax), and the seed model refused
 * before synthesis because its memory images exceed the device, with nothing written: on a 45-BRAM36
 * Artix-7 (1.66 Mbit against its 1.82 Mbit of images; on ice40-up5k the compiler's place-cores pass
 * already refuses it, and the xc7a35t's 50 blocks hold it).
 */
class SynthCommandTest {
    private static final String TINY_DATA = "examples/tiny/inputs.npy";

    @TempDir
    Path dir;

    @Test
    void theTinyNetworkSynthesizesForArtix7() throws Exception {
        Path out = dir.resolve("tiny");
        CliRun r = CliRun.of("synth", "examples/tiny.ttfs", "--target", "xc7a35t-serial", "--images", "3", "--json",
                "--data", TINY_DATA, "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("xc7a35t-serial", j.get("target").asText());
        assertTrue(j.get("fits").asBoolean(), j.toString());
        assertTrue(j.get("luts").asInt() > 0 && j.get("ffs").asInt() > 0, j.toString());
        assertTrue(j.get("dsps").asInt() > 0, "the firing test and the lanes multiply: " + j);
        assertTrue(j.has("brams"));
        assertEquals(0, j.get("latches").asInt());
        assertEquals(100.0, j.get("fmax_mhz").asDouble(), 0.0);
        double clocks = j.get("clocks_per_image").asDouble();
        assertEquals(clocks / 100.0, j.get("us_per_image").asDouble(), 1e-3);
        // the engine cycles are the simulator's, as `sim` reports them for the same three images
        long cycles = 0;
        for (int k = 0; k < 3; k++) {
            CliRun sim = CliRun.of("sim", "examples/tiny.ttfs", "--data", TINY_DATA, "--image", Integer.toString(k),
                    "--target", "xc7a35t-serial", "--json");
            assertEquals(0, sim.code(), sim.err());
            cycles += sim.json().get("cycles_to_decision").asLong();
        }
        assertEquals(Math.round(cycles / 3.0), j.get("engine_cycles_per_image").asLong());
        assertTrue(Files.exists(out.resolve("rtl").resolve("fs_top.v")));
        // written beside, then moved into place: the logs where the report says, no temporary left
        assertEquals(out.resolve("synth").toString(), j.get("directory").asText());
        assertTrue(Files.exists(out.resolve("synth").resolve("yosys.log")));
        try (var siblings = Files.list(dir)) {
            assertEquals(java.util.List.of(out), siblings.toList());
        }
    }

    /** A directory FirstSpike did not write is never overwritten, and nothing is synthesized. */
    @Test
    void aForeignOutputDirectoryIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "my own file\n");
        CliRun r = CliRun.of("synth", "examples/tiny.ttfs", "--target", "xc7a35t-serial", "--images", "1",
                "--data", TINY_DATA, "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("was not written by firstspike"), r.err());
        assertFalse(r.err().contains("yosys:"), "refused before synthesis: " + r.err());
        try (var files = Files.list(out)) {
            assertEquals(java.util.List.of(out.resolve("notes.txt")), files.toList());
        }
    }

    /**
     * The README's UP5K row: with 10 table bits the tiny engine places on the UP5K inside the serial
     * I/O wrapper, which carries only the top's live bits, and nextpnr gives its Fmax.
     */
    @Test
    void theTinyNetworkPlacesOnTheUp5kWithTenTableBits() {
        Path out = dir.resolve("up5k");
        CliRun r = CliRun.of("synth", "examples/tiny.ttfs", "--target", "ice40-up5k", "--z-fraction-bits", "10",
                "--images", "10", "--json", "--data", TINY_DATA, "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("fits").asBoolean(), j.toString());
        assertTrue(j.get("lcs").asInt() <= 5280, j.toString());
        assertTrue(j.get("dsps").asInt() <= 8, j.toString());
        double fmax = j.get("fmax_mhz").asDouble();
        assertTrue(fmax > 0 && j.get("fmax_source").asText().contains("nextpnr"), j.toString());
        assertEquals(j.get("clocks_per_image").asDouble() / fmax, j.get("us_per_image").asDouble(), 1e-6);
        JsonNode w = j.get("io_wrapper");
        assertTrue(w.get("in_bits").asInt() < w.get("top_in_bits").asInt()
                && w.get("out_bits").asInt() < w.get("top_out_bits").asInt(), "only live bits wrapped: " + w);
    }

    @Test
    void theSeedModelIsRefusedBeforeSynthesis() throws Exception {
        Path out = dir.resolve("seed");
        String target = smallArtix(dir).toString();
        CliRun r = CliRun.of("synth", "examples/fmnist_shuffle_delay.ttfs", "--target", target, "--images", "1",
                "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("kernel") && r.err().contains("artix-45 has 1,658,880 bits"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** The one-lane Artix-7 target with 45 BRAM36 instead of 50: too few for the seed model's images. */
    static Path smallArtix(Path dir) throws java.io.IOException {
        Path t = dir.resolve("artix-45.json");
        String json = Files.readString(Path.of("targets/xc7a35t-serial.json")).replace("\"xc7a35t-serial\"",
                "\"artix-45\"").replace("\"ram_blocks\": 50", "\"ram_blocks\": 45");
        Files.writeString(t, json);
        return t;
    }
}
