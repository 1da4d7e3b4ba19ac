package org.firstspike.verilog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds and runs a Verilator testbench; a missing Verilator is an error that says how to install it. */
public final class Verilator {
    private Verilator() {
    }

    /** A tool run that failed, with what it printed. */
    public static final class ToolException extends Exception {
        private static final long serialVersionUID = 1L;

        public ToolException(String message) {
            super(message);
        }
    }

    /** `verilator --binary` of {@code sources} (relative to dir) and tb_cosim.sv into dir/obj. */
    public static void build(Path dir, List<String> sources, boolean trace) throws ToolException {
        List<String> cmd = new ArrayList<>(buildCommand(sources));
        if (trace) {
            cmd.add(1, "--trace");
        }
        run(dir, cmd, 1800);
    }

    /** The Verilator command that builds the testbench, as build.sh runs it. */
    public static List<String> buildCommand(List<String> sources) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--binary", "-Wall", "-Wno-fatal", "--timescale",
                "1ns/1ps", "--top-module", "tb_cosim", "-Mdir", "obj", "-O2", "--x-assign", "fast", "--x-initial",
                "fast", "-j", "2"));
        cmd.addAll(sources);
        cmd.add("tb_cosim.sv");
        return cmd;
    }

    /** Runs the built testbench in dir with plusargs; {@code line} sees each line it prints, as it prints it. */
    public static void simulate(Path dir, List<String> plusargs, java.util.function.Consumer<String> line)
            throws ToolException {
        List<String> cmd = new ArrayList<>(List.of(dir.resolve("obj").resolve("Vtb_cosim").toString()));
        cmd.addAll(plusargs);
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ToolException("the Verilator testbench cannot be run: " + e.getMessage());
        }
        StringBuilder last = new StringBuilder();
        try (java.io.BufferedReader r = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                line.accept(l);
                last.append(l).append('\n');
                if (last.length() > 8000) {
                    last.delete(0, last.length() - 4000);
                }
            }
            if (p.waitFor() != 0) {
                throw new ToolException("the Verilator testbench failed (exit " + p.exitValue() + "):\n" + last);
            }
        } catch (IOException e) {
            throw new ToolException("the Verilator testbench: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("the Verilator testbench was interrupted");
        }
    }

    static String run(Path dir, List<String> cmd, int timeoutSeconds) throws ToolException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ToolException(cmd.get(0) + " cannot be run: " + e.getMessage()
                    + "; install Verilator (scripts/install-deps.sh does)");
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ToolException(cmd.get(0) + " timed out after " + timeoutSeconds + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new ToolException(cmd.get(0) + " failed (exit " + p.exitValue() + "):\n" + tail(text, 40));
            }
            return text;
        } catch (IOException e) {
            throw new ToolException(cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(cmd.get(0) + " interrupted");
        }
    }

    private static String tail(String s, int lines) {
        String[] l = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(l, Math.max(0, l.length - lines), l.length));
    }
}
