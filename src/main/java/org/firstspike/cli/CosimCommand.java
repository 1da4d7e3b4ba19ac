package org.firstspike.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.data.Dataset;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.report.Json;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimProgram;
import org.firstspike.verilog.Cosim;
import org.firstspike.verilog.Verilator;

/** `firstspike cosim FILE`: the Verilog engine under Verilator against the Java engine, image by image. */
final class CosimCommand implements Command {
    @Override
    public String name() {
        return "cosim";
    }

    @Override
    public String operands() {
        return "FILE";
    }

    @Override
    public String summary() {
        return "co-simulate the generated Verilog (Verilator) against the cycle-accurate simulator";
    }

    @Override
    public String details() {
        return "Builds the network's Verilog engine with Verilator, runs the images through it and through the Java "
                + "engine, and compares per image the decision, the output spikes up to the decision tick and the "
                + "cycles to the decision. The first divergent image is then run again with a full dump and compared "
                + "stage by stage (--debug K does that for image K). Exit code 1 on any difference. The Verilog "
                + "engine has any number of lanes, one neuron unit and streams one element per cycle so far: the "
                + "default target, generic, has eight lanes; generic-serial one.";
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder().longOpt("data").hasArg().argName("SET")
                        .desc("data set, as for eval (default fmnist-test)").build())
                .addOption(Option.builder().longOpt("labels").hasArg().argName("FILE").desc("labels for a .npy set")
                        .build())
                .addOption(Option.builder().longOpt("images").hasArg().argName("N").desc("images (default 200)")
                        .build())
                .addOption(Option.builder().longOpt("first").hasArg().argName("K").desc("first image (default 0)")
                        .build())
                .addOption(Option.builder().longOpt("debug").hasArg().argName("K")
                        .desc("compare every internal spike of image K, stage by stage").build())
                .addOption(Option.builder().longOpt("trace").hasArg().argName("K")
                        .desc("write a VCD of image K (trace.vcd, in --work or the current directory) and stop").build())
                .addOption(Option.builder().longOpt("work").hasArg().argName("DIR")
                        .desc("build in DIR and keep it (default: a temporary directory, removed)").build())
                .addOption(CliSupport.JSON);
        HardwareOptions.addTo(o);
        return o;
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        Network net = CliSupport.network(cl, name(), io);
        Dataset data = CliSupport.dataset(cl, net, "fmnist-test");
        int first = CliSupport.intOption(cl, "first", 0, 0);
        int images = Math.min(CliSupport.intOption(cl, "images", 200, 1), Math.max(0, data.count() - first));
        int debug = CliSupport.intOption(cl, "debug", -1, 0);
        if (images == 0 || debug >= images) {
            throw DiagnosticException.fileError(data.name(), "has " + data.count() + " samples: nothing to run from "
                    + first + (debug >= 0 ? " with --debug " + debug : ""));
        }
        Compilation c = HardwareOptions.compile(net, cl, (p, ir) -> { });
        IrProgram ir = c.ir();
        SimProgram program = SimProgram.of(ir, c.target().engine());
        List<int[]> inputs = CliSupport.hostTicks(net, ir, data, first, images);
        Path dir = workDir(cl);
        try {
            if (cl.hasOption("trace")) {
                return trace(program, net.name(), dir, inputs, CliSupport.intOption(cl, "trace", 0, 0), cl, io);
            }
            return cosim(program, net.name(), dir, inputs, first, debug, cl.hasOption("json"), c.target().name(), io);
        } catch (HardwareImage.Unsupported e) {
            throw new UsageException(e.getMessage());
        } catch (Verilator.ToolException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("co-simulation in " + dir + ": " + e.getMessage());
        } finally {
            if (!cl.hasOption("work")) {
                delete(dir);
            }
        }
    }

    private static int cosim(SimProgram program, String network, Path dir, List<int[]> inputs, int first, int debug,
            boolean json, String target, Io io) throws IOException, Verilator.ToolException {
        Cosim cosim = new Cosim(program, network);
        long t0 = System.nanoTime();
        io.err().println("cosim: building the Verilog engine with Verilator in " + dir);
        cosim.build(dir);
        long t1 = System.nanoTime();
        Progress progress = new Progress(io, inputs.size());
        List<Cosim.ImageResult> results = cosim.run(dir, inputs, debug, progress::accept);
        long t2 = System.nanoTime();
        Cosim.ImageResult bad = results.stream().filter(r -> r.firstDifference() != null).findFirst().orElse(null);
        int debugImage = debug >= 0 ? debug : bad != null ? bad.image() : -1;
        List<Cosim.Divergence> divergences = List.of();
        if (debugImage >= 0) {
            if (debug < 0) {
                cosim.run(dir, List.of(inputs.get(debugImage)), 0, k -> { });
                divergences = cosim.divergences(dir, results.get(debugImage).expected());
            } else {
                divergences = cosim.divergences(dir, results.get(debug).expected());
            }
        }
        long mismatched = results.stream().filter(r -> r.firstDifference() != null).count();
        long cyclesEqual = results.stream().filter(Cosim.ImageResult::cyclesEqual).count();
        double build = (t1 - t0) / 1e9;
        double sim = (t2 - t1) / 1e9;
        if (json) {
            ObjectNode o = Json.object();
            o.put("network", network);
            o.put("target", target);
            o.put("images", results.size());
            o.put("first_image", first);
            o.put("mismatched_images", mismatched);
            o.put("cycles_equal", cyclesEqual);
            o.put("build_seconds", build);
            o.put("simulate_seconds", sim);
            o.put("first_mismatch", bad == null ? null : "image " + (first + bad.image()) + ": " + bad.firstDifference());
            if (debugImage >= 0) {
                o.put("debug_image", first + debugImage);
                var arr = o.putArray("divergences");
                divergences.stream().limit(100).forEach(d -> arr.add(d.toString()));
            }
            io.out().print(Json.write(o));
        } else {
            io.out().printf("%s on %s: %d images from %d, Verilog engine under Verilator (build %.1f s, %.2f s per "
                    + "image)%n", network, target, results.size(), first, build, sim / results.size());
            io.out().printf("  images identical   %d / %d%n", results.size() - mismatched, results.size());
            io.out().printf("  cycles equal       %d / %d%n", cyclesEqual, results.size());
            if (bad != null) {
                io.out().printf("  first difference   image %d: %s%n", first + bad.image(), bad.firstDifference());
            }
            if (debugImage >= 0) {
                io.out().printf("  image %d, every spike compared stage by stage: %s%n", first + debugImage,
                        divergences.isEmpty() ? "identical" : divergences.size() + " differences, first "
                                + divergences.get(0));
            }
        }
        return mismatched == 0 && divergences.isEmpty() ? 0 : 1;
    }

    /** --trace K: builds with tracing, runs image K alone and writes its VCD. */
    private static int trace(SimProgram program, String network, Path dir, List<int[]> inputs, int k, CommandLine cl,
            Io io) throws IOException, Verilator.ToolException, UsageException {
        if (k >= inputs.size()) {
            throw new UsageException("--trace " + k + " is not among the " + inputs.size() + " images");
        }
        Cosim cosim = new Cosim(program, network);
        io.err().println("cosim: building the Verilog engine with tracing in " + dir);
        cosim.build(dir, true);
        List<Cosim.ImageResult> r = cosim.run(dir, List.of(inputs.get(k)), -1, true, n -> { });
        Path vcd = cl.hasOption("work") ? dir.resolve("trace.vcd") : Path.of("trace.vcd");
        if (!cl.hasOption("work")) {
            Files.move(dir.resolve("trace.vcd"), vcd, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        io.out().printf("wrote %s (%,d bytes) for image %d: %s%n", vcd, Files.size(vcd), k,
                r.get(0).firstDifference() == null ? "identical to the Java engine" : r.get(0).firstDifference());
        return r.get(0).firstDifference() == null ? 0 : 1;
    }

    private static Path workDir(CommandLine cl) throws UsageException {
        try {
            if (cl.hasOption("work")) {
                Path p = Path.of(cl.getOptionValue("work"));
                Files.createDirectories(p);
                return p;
            }
            return Files.createTempDirectory("firstspike-cosim");
        } catch (IOException e) {
            throw new UsageException("cannot create the work directory: " + e.getMessage());
        }
    }

    private static void delete(Path dir) {
        try {
            OutputDirectory.deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
