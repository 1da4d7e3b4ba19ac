package org.firstspike.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external hardware tools for tests: Verilator lint and simulation, Yosys synthesis. A
 * missing tool fails the test (never skips it): `scripts/install-deps.sh` installs them.
 */
public final class Hdl {
    private Hdl() {
    }

    public static final Path HDL = TestData.ROOT.resolve("hdl");

    /** A library file in hdl/. */
    public static Path lib(String file) {
        return HDL.resolve(file);
    }

    /** What a tool printed and its exit code. */
    public record Run(int code, String output) {
    }

    /** Runs a command in {@code dir}; stdout and stderr together; fails if the tool is missing. */
    public static Run run(Path dir, List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command.get(0) + " timed out after " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            fail(command.get(0) + " cannot be run (" + e.getMessage() + "): install Verilator, Yosys and "
                    + "nextpnr-ice40 with scripts/install-deps.sh — these tests are never skipped");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> strings(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            out.add(f.toAbsolutePath().toString());
        }
        return out;
    }

    /**
     * `verilator --lint-only -Wall` on {@code files} with {@code top} and parameter overrides
     * ("-GNAME=VALUE"): zero warnings, exit 0.
     */
    public static void lint(Path dir, List<Path> files, String top, String... params) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        cmd.addAll(List.of(params));
        cmd.addAll(strings(files));
        Run r = run(dir, cmd, 120);
        assertEquals(0, r.code(), "verilator lint of " + top + ":\n" + r.output());
        assertFalse(r.output().contains("%Warning"), "verilator lint of " + top + " warns:\n" + r.output());
    }

    /**
     * Yosys: reads {@code files}, elaborates {@code top} with {@code chparams} (e.g. "-set WIDTH 8"),
     * asserts there is no latch after `proc`, then runs {@code synthCommand} (e.g. "synth_ice40") and
     * the extra {@code script} (e.g. "select -assert-min 1 t:SB_RAM40_4K"). Returns the log.
     */
    public static String synthesize(Path dir, List<Path> files, String top, String chparams, String synthCommand,
            String script) {
        StringBuilder ys = new StringBuilder();
        ys.append("read_verilog -sv ").append(String.join(" ", strings(files))).append('\n');
        if (!chparams.isBlank()) {
            ys.append("chparam ").append(chparams).append(' ').append(top).append('\n');
        }
        ys.append("hierarchy -check -top ").append(top).append('\n');
        ys.append("proc\n");
        ys.append("select -assert-none t:$dlatch t:$adlatch t:$dlatchsr t:$_DLATCH_*\n");
        ys.append(synthCommand).append(" -top ").append(top).append('\n');
        ys.append("select -assert-none t:$_DLATCH_* t:$_DLATCHSR_* t:SB_DFFL*\n");
        ys.append(script).append('\n');
        ys.append("stat\n");
        write(dir.resolve(top + ".ys"), ys.toString());
        Run r = run(dir, List.of("yosys", "-q", "-l", top + ".yosys.log", "-s", top + ".ys"), 600);
        String log = read(dir.resolve(top + ".yosys.log"));
        assertEquals(0, r.code(), "yosys on " + top + ":\n" + r.output() + "\n" + tail(log, 60));
        return log;
    }

    /**
     * synth_xilinx of the library module {@code file} (top {@code top}) with {@code chparams}, in
     * {@code dir}: asserts it maps to exactly {@code dsp48} DSP48E1 blocks.
     */
    public static void assertDsp48(Path dir, String file, String top, String chparams, int dsp48) {
        synthesize(dir, List.of(lib(file)), top, chparams, "synth_xilinx -flatten",
                "select -assert-count " + dsp48 + " t:DSP48E1");
    }

    /**
     * Builds {@code testbench} (a SystemVerilog module {@code tb} that $finish-es by itself) with the
     * library files under `verilator --binary` and runs it in {@code dir}; returns what it printed.
     * The testbench reports a failure with $fatal (a nonzero exit) or by printing lines the caller checks.
     */
    public static String simulate(Path dir, List<Path> files, Path testbench, String... params) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--binary", "-Wall", "-Wno-fatal", "--timescale",
                "1ns/1ps", "--top-module", "tb", "-Mdir", dir.resolve("obj").toString(), "-O2", "--x-assign", "fast",
                "--x-initial", "fast", "-j", "2"));
        cmd.addAll(List.of(params));
        cmd.addAll(strings(files));
        cmd.add(testbench.toAbsolutePath().toString());
        Run build = run(dir, cmd, 600);
        assertEquals(0, build.code(), "verilator --binary:\n" + tail(build.output(), 80));
        Run sim = run(dir, List.of(dir.resolve("obj").resolve("Vtb").toString()), 600);
        assertEquals(0, sim.code(), "simulation of " + testbench.getFileName() + " failed:\n" + tail(sim.output(), 80));
        return sim.output();
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String s, int lines) {
        String[] l = s.split("\n");
        int from = Math.max(0, l.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(l, from, l.length));
    }
}
