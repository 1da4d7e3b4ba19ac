package org.firstspike.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.report.Json;
import org.firstspike.synth.SynthException;
import org.firstspike.synth.SynthReport;
import org.firstspike.synth.SynthRunner;

/** `firstspike synth-hdl DIR --top NAME --target T`: synthesis report of hand-written or generated Verilog. */
final class SynthHdlCommand implements Command {
    @Override
    public String name() {
        return "synth-hdl";
    }

    @Override
    public String operands() {
        return "DIR";
    }

    @Override
    public String summary() {
        return "synthesize a directory's Verilog (Yosys; nextpnr on iCE40): resources and fmax";
    }

    @Override
    public String details() {
        return "Reads every *.v and *.sv file in DIR but testbenches (tb_*, *_tb, such as a compile project's "
                + "tb_cosim.sv), elaborates --top, rejects latches, and runs synth_ice40 (then "
                + "nextpnr-ice40 at the target's clock for the achieved fmax), synth_xilinx -family xc7, or a generic "
                + "6-LUT synth, depending on the target's family. Without open place and route (xc7, generic) fmax "
                + "is the target's clock; on xc7 Yosys's sta adds the longest path's cell delays, an upper bound "
                + "on it. Logs, script and netlist go to DIR/synth-TARGET (or -o DIR). --cycles N "
                + "adds µs per image = N / fmax. Needs Yosys and nextpnr-ice40: scripts/install-deps.sh.";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("top").hasArg().argName("NAME").desc("top module (required)")
                        .build())
                .addOption(Option.builder().longOpt("target").hasArg().argName("T")
                        .desc("target: " + String.join(", ", Targets.SHIPPED) + " or a .json file (required)").build())
                .addOption(Option.builder().longOpt("cycles").hasArg().argName("N")
                        .desc("cycles per image, for µs per image").build())
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR")
                        .desc("where logs, script and netlist go (default DIR/synth-TARGET)").build())
                .addOption(CliSupport.JSON);
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        List<String> rest = cl.getArgList();
        if (rest.isEmpty()) {
            throw new UsageException("missing DIR; usage: firstspike synth-hdl DIR --top NAME --target T");
        }
        if (rest.size() > 1) {
            throw new UsageException("unexpected argument '" + rest.get(1) + "'");
        }
        if (!cl.hasOption("top")) {
            throw new UsageException("synth-hdl needs --top NAME, the top module");
        }
        if (!cl.hasOption("target")) {
            throw new UsageException("synth-hdl needs --target T: one of " + String.join(", ", Targets.SHIPPED)
                    + " or a target .json file");
        }
        Long cycles = cycles(cl.getOptionValue("cycles"));
        Path dir = Path.of(rest.get(0));
        Target target = Targets.load(cl.getOptionValue("target"));
        Path out = cl.hasOption("output") ? Path.of(cl.getOptionValue("output"))
                : SynthRunner.defaultOutput(dir, target);
        SynthReport report;
        try {
            report = new SynthRunner(SynthRunner.Tools.ON_PATH, line -> io.err().println("synth: " + line))
                    .run(dir, cl.getOptionValue("top"), target, out);
        } catch (SynthException e) {
            io.err().println("firstspike: error: " + e.getMessage());
            return 1;
        }
        if (cycles != null) {
            report = report.withClocks(cycles);
        }
        io.out().print(cl.hasOption("json") ? Json.write(report.json()) : report.text());
        return 0;
    }

    private static Long cycles(String v) throws UsageException {
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v.trim().replace("_", ""));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--cycles needs a positive integer, not '" + v + "'");
        }
    }
}
