package org.firstspike.hdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.firstspike.testing.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hdl/fs_dual_rom.v: lint-clean, no latches, both read ports on one block RAM on Xilinx (true dual
 * port: no second copy), and its Verilator testbench.
 */
class FsDualRomTest {
    @TempDir
    Path dir;

    @Test
    void lintsClean() {
        Hdl.lint(dir, List.of(Hdl.lib("fs_dual_rom.v")), "fs_dual_rom");
        Hdl.lint(dir, List.of(Hdl.lib("fs_dual_rom.v")), "fs_dual_rom", "-GWIDTH=18", "-GDEPTH=2497");
    }

    @Test
    void bothPortsShareOneXilinxBlockRam() {
        // 1,024 × 16 bits (no bit constant) is one RAMB18's worth: a second copy would take another
        Hdl.write(dir.resolve("rom.hex"), words(1024, i -> i * 40503 & 0xFFFF));
        Hdl.synthesize(dir, List.of(Hdl.lib("fs_dual_rom.v")), "fs_dual_rom",
                "-set WIDTH 16 -set DEPTH 1024 -set INIT \"rom.hex\"", "synth_xilinx",
                "select -assert-count 1 t:RAMB18E1");
    }

    /** A $readmemh file of {@code n} words, word i = {@code f(i)}. */
    private static String words(int n, IntUnaryOperator f) {
        return IntStream.range(0, n).mapToObj(i -> Integer.toHexString(f.applyAsInt(i)))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void testbenchPasses() {
        Hdl.write(dir.resolve("rom_init.hex"), words(64, i -> 5 * i + 2));
        String out = Hdl.simulate(dir, List.of(Hdl.lib("fs_dual_rom.v")), Hdl.lib("tb/fs_dual_rom_tb.sv"));
        assertTrue(out.contains("PASS fs_dual_rom"), out);
    }
}
