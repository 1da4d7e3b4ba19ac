package org.firstspike.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
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
        return "lower a network through the pass pipeline to the event-driven IR";
    }

    @Override
    public String details() {
        return "--emit ir -o DIR writes DIR/<network>.ir.json. --print-passes lists the pipeline; --print-after NAME "
                + "prints the IR after that pass (all for every pass).";
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder().longOpt("emit").hasArg().argName("WHAT").desc("what to write: ir").build())
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR").desc("output directory").build())
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
        if (cl.hasOption("emit")) {
            emit(cl, c.ir());
        }
        return 0;
    }

    private static void emit(CommandLine cl, IrProgram ir) throws UsageException {
        if (!cl.getOptionValue("emit").equals("ir")) {
            throw new UsageException("--emit takes ir");
        }
        if (!cl.hasOption("output")) {
            throw new UsageException("--emit ir needs -o DIR");
        }
        OutputDirectory.replace(Path.of(cl.getOptionValue("output")),
                tmp -> Files.writeString(tmp.resolve(ir.name() + ".ir.json"), IrJson.write(ir)));
    }
}
