package org.firstspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.firstspike.testing.CliRun;

/**
 * `compile -o DIR` writes the Verilog project and says whether the engine's memories fit the
 * target's block RAM: the tiny example does, the seed model's (1.82 Mbit, its largest memory the kernel
 * rows) do not fit an Artix-7 with 45 BRAM36.
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
    void theSeedProjectIsWrittenButSaysItWillNotSynthesize() throws Exception {
        Path out = dir.resolve("seed");
        CliRun r = CliRun.of("compile", "examples/fmnist_shuffle_delay.ttfs", "--target",
                SynthCommandTest.smallArtix(dir).toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("kernel") && r.err().contains("will not synthesize for artix-45"), r.err());
        assertTrue(Files.exists(out.resolve("fs_top.v")));
    }
}
