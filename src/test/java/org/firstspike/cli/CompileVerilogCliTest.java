package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `compile -o DIR` writes the Verilog project and says whether the engine's memories fit the
 * target's block RAM: the tiny example does, the seed model's images (3.8 Mbit, its largest memory the kernel rows) do not.
 */
class CompileVerilogCliTest {
    @TempDir
    Path dir;

    @Test
    void theTinyProjectFitsAndSaysSo() {
        Path out = dir.resolve("tiny");
        CliRun r = CliRun.of("compile", "examples/tiny.ttfs", "--target", "ice40-up5k", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("they fit ice40-up5k's block RAM (122,880 bits)"), r.err());
        for (String f : new String[] {"fs_engine.v", "fs_event_queue.v", "fs_top.v", "tb_cosim.sv", "build.sh"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
    }

    @Test
    void theSeedProjectIsWrittenButSaysItWillNotSynthesize() {
        Path out = dir.resolve("seed");
        CliRun r = CliRun.of("compile", "examples/fmnist_shuffle_delay.ttfs", "--target", "xc7a35t-serial", "-o",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("kernel") && r.err().contains("will not synthesize for xc7a35t-serial"),
                r.err());
        assertTrue(Files.exists(out.resolve("fs_top.v")));
    }
}
