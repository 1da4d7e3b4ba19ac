package org.firstspike.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.device.Targets;
import org.firstspike.ir.IrJson;
import org.firstspike.ir.IrPrinter;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.passes.Pass;
import org.firstspike.passes.Pipeline;

/** `firstspike compile FILE`: lower through the pass pipeline and write the result. */
final class CompileCommand implements Command {
    @Override
    public String name() {
        return "compile";
    }

    @Override
    public String operands() {
        return "FILE";
    }

    @Override
    public String summary() {
        return "lower a network through the pass pipeline; write its Verilog project (-o) or IR";
    }

    @Override
    public String details() {
        return "-o DIR writes a self-contained Verilog project for --target (--emit verilog, the default): the "
                + "engine, the generated top, its memory images, a Verilator testbench, build.sh and a README; with "
                + "--data SET [--images N] also the samples' input events and the simulator's results for them, "
                + "which build.sh checks the Verilog against. "
                + "--emit ir -o DIR writes DIR/<network>.ir.json instead. --print-passes lists the pipeline; "
                + "--print-after NAME prints the IR after that pass (all for every pass).";
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder().longOpt("emit").hasArg().argName("WHAT").desc("what -o writes: verilog (default) or ir").build())
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR").desc("output directory").build())
                .addOption(Option.builder().longOpt("data").hasArg().argName("SET")
                        .desc("with -o: write these samples' input events (inputs.txt) and the simulator's results "
                                + "for them (expected.txt), which the project's build.sh checks").build())
                .addOption(Option.builder().longOpt("images").hasArg().argName("N")
                        .desc("with --data: the first N samples (default 20)").build())
                .addOption(Option.builder().longOpt("print-passes").desc("list the passes and exit").build())
                .addOption(Option.builder().longOpt("print-after").hasArg().argName("NAME")
                        .desc("print the IR after pass NAME (or all)").build());
        HardwareOptions.addTo(o);
        return o;
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        if (cl.hasOption("print-passes")) {
            for (Pass p : Pipeline.PASSES) {
                io.out().printf("%-22s %s%n", p.name(), p.description());
            }
            return 0;
        }
        String after = cl.getOptionValue("print-after");
        if (after != null && !after.equals("all") && Pipeline.byName(after) == null) {
            throw new UsageException("no pass '" + after + "'" + org.firstspike.diag.Suggest.didYouMean(after,
                    Pipeline.PASSES.stream().map(Pass::name).toList()) + "; see --print-passes");
        }
        Network net = CliSupport.network(cl, name(), io);
        Compilation c = HardwareOptions.compile(net, cl, (pass, ir) -> {
            if (after != null && (after.equals("all") || after.equals(pass.name()))) {
                io.out().print("// after " + pass.name() + "\n" + IrPrinter.print(ir));
            }
        });
        c.report().forEach(line -> io.err().println(line));
        String emit = cl.getOptionValue("emit", "verilog");
        if (!emit.equals("ir") && !emit.equals("verilog")) {
            throw new UsageException("--emit takes verilog or ir, not '" + emit + "'");
        }
        if (cl.hasOption("emit") && !cl.hasOption("output")) {
            throw new UsageException("--emit " + emit + " needs -o DIR");
        }
        if (cl.hasOption("data") && (!cl.hasOption("output") || emit.equals("ir"))) {
            throw new UsageException("--data writes the Verilog project's inputs.txt and expected.txt: it needs -o DIR "
                    + "and --emit verilog");
        }
        if (cl.hasOption("output")) {
            Path out = Path.of(cl.getOptionValue("output"));
            if (emit.equals("ir")) {
                OutputDirectory.replace(out, tmp -> Files.writeString(tmp.resolve(c.ir().name() + ".ir.json"),
                        IrJson.write(c.ir())));
            } else {
                String fit = verilog(c, out, cl, net);
                io.err().println("wrote the Verilog project to " + out + " (see its README.md)");
                io.err().println(fit);
            }
        }
        return 0;
    }

    /** The shipped targets the Verilog engine implements. */
    static java.util.List<String> verilogTargets() {
        return Targets.SHIPPED.stream()
                .filter(t -> org.firstspike.sim.HardwareImage.implemented(Targets.load(t).engine())).toList();
    }

    /** Writes the project; returns a line on its memories against the target's block RAM. */
    static String verilog(Compilation c, Path out, CommandLine cl, Network net) throws UsageException {
        org.firstspike.sim.SimProgram program = org.firstspike.sim.SimProgram.of(c.ir(), c.target().engine());
        org.firstspike.sim.HardwareImage image;
        try {
            image = org.firstspike.sim.HardwareImage.of(program);
        } catch (org.firstspike.sim.HardwareImage.Unsupported e) {
            throw new UsageException(e.getMessage()
                    + "; use --target " + String.join(", ", verilogTargets()));
        }
        org.firstspike.verilog.EngineProject project = new org.firstspike.verilog.EngineProject(image, c.ir().name());
        String inputs = "0\n";
        String expected = null;
        if (cl.hasOption("data")) {
            org.firstspike.data.Dataset data = CliSupport.dataset(cl, net, null);
            int n = Math.min(CliSupport.intOption(cl, "images", 20, 1), data.count());
            java.util.List<int[]> ticks = CliSupport.hostTicks(net, c.ir(), data, 0, n);
            inputs = org.firstspike.verilog.TestbenchFiles.inputs(ticks, image);
            expected = org.firstspike.verilog.TestbenchFiles.expected(program, image, ticks);
        }
        String in = inputs;
        String exp = expected;
        OutputDirectory.replace(out, tmp -> project.writeForUser(tmp, c.target().name(), in, exp));
        org.firstspike.verilog.ImageFootprint f = org.firstspike.verilog.ImageFootprint.of(image);
        String misfit = f.misfit(c.target());
        return misfit == null
                ? String.format(java.util.Locale.ROOT, "verilog: the engine's memories need %,d bits; they fit %s's "
                        + "block RAM (%,d bits)", f.bitsOn(c.target()), c.target().name(),
                        c.target().resources().ramBits())
                : "verilog: " + misfit + "; the project simulates, but will not synthesize for " + c.target().name();
    }
}
