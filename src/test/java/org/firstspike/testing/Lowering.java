package org.firstspike.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.dsl.Frontend;
import org.firstspike.ir.IrBuilder;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.passes.PassContext;
import org.firstspike.passes.Pipeline;

/** Compiling networks in tests: the whole pass pipeline, and custom target files. */
public final class Lowering {
    private Lowering() {
    }

    /** Writes {@code dir/name.ttfs} and {@code dir/name.json} and loads them with the front end. */
    public static Network load(Path dir, String name, String source, String json) {
        try {
            Files.writeString(dir.resolve(name + ".json"), json);
            Path p = dir.resolve(name + ".ttfs");
            Files.writeString(p, source);
            return Frontend.load(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the pass pipeline; errors throw DiagnosticException. */
    public static IrProgram compile(Network net, CompileOptions options, Target target) {
        PassContext ctx = new PassContext(net.source(), options, target);
        return Pipeline.run(IrBuilder.fromNetwork(net), ctx, (p, x) -> { });
    }

    /** {@code compile(net, defaults().withTicks(ticks), generic)}. */
    public static IrProgram compile(Network net, int ticks) {
        return compile(net, CompileOptions.defaults().withTicks(ticks), Targets.load("generic"));
    }

    /**
     * Writes {@code dir/name.json}, a target like generic (unbounded resources) with the given engine,
     * and loads it with {@link Targets#load(String)}.
     */
    public static Target target(Path dir, String name, int lanes, int units, int delayBits, int maxProductBits,
            int ticks) {
        return target(dir, name, lanes, units, lanes, delayBits, maxProductBits, ticks);
    }

    /** As above, with {@code stream} elements per cycle for host input, gather, pooling and output writes. */
    public static Target target(Path dir, String name, int lanes, int units, int stream, int delayBits,
            int maxProductBits, int ticks) {
        return target(dir, name, lanes, units, stream, delayBits, maxProductBits, ticks, false);
    }

    /** As above, and whether the Verilog engine's neuron unit reads Zc from the direct table. */
    public static Target target(Path dir, String name, int lanes, int units, int stream, int delayBits,
            int maxProductBits, int ticks, boolean directZc) {
        return target(dir, name, lanes, units, stream, delayBits, maxProductBits, ticks, directZc, 0, 0);
    }

    /** As above, and the multiplier port widths the Verilog lanes tile their products to (0, 0: none). */
    public static Target target(Path dir, String name, int lanes, int units, int stream, int delayBits,
            int maxProductBits, int ticks, boolean directZc, int dspPortA, int dspPortB) {
        String ports = dspPortA == 0 ? "" : String.format(Locale.ROOT, ", \"dsp_ports\": [%d, %d]", dspPortA, dspPortB);
        String json = String.format(Locale.ROOT, """
                {
                  "name": "%s",
                  "description": "test engine: %d lanes, %d neuron units",
                  "family": "generic",
                  "device": "generic",
                  "package": "none",
                  "resources": { "logic_cells": 0, "luts": 1000000, "ffs": 2000000, "ram_blocks": 100000,
                                 "ram_block_bits": 36864, "spram_blocks": 0, "spram_block_bits": 0, "dsps": 1000 },
                  "clock_mhz": 100,
                  "engine": { "lanes": %d, "neuron_units": %d, "delay_bits": %d, "max_product_bits": %d,
                              "ticks_per_t_max": %d, "stream_width": %d, "direct_zc_table": %b%s }
                }
                """, name, lanes, units, lanes, units, delayBits, maxProductBits, ticks, stream, directZc, ports);
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name + ".json");
            Files.writeString(p, json);
            return Targets.load(p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
