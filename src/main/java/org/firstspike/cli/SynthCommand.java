package org.firstspike.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.data.Dataset;
import org.firstspike.device.Targets;
import org.firstspike.model.Network;
import org.firstspike.report.Json;
import org.firstspike.sim.Engine;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimProgram;
import org.firstspike.sim.SimResult;
import org.firstspike.synth.SynthException;
import org.firstspike.synth.SynthReport;
import org.firstspike.synth.SynthRunner;
import org.firstspike.verilog.EngineClocks;
import org.firstspike.verilog.EngineProject;
import org.firstspike.verilog.ImageFootprint;

/**
 * `firstspike synth FILE --target T`: generates the network's Verilog, synthesizes it (Yosys, and
 * nextpnr-ice40 for Fmax on iCE40, Yosys's sta for the longest path on Xilinx) and combines Fmax
 * with the simulator's mean cycles to the decision into µs per image.
 */
final class SynthCommand implements Command {
    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String operands() {
        return "FILE";
    }

    @Override
    public String summary() {
        return "synthesize the network's Verilog and report resources, Fmax and µs per image";
    }

    @Override
    public String details() {
        return "Writes the Verilog project for --target (as compile -o does) into the output directory (default "
                + "build/<network>-<target>), runs Yosys (synth_ice40 or synth_xilinx) and, on iCE40, nextpnr-ice40 "
                + "for Fmax; Xilinx has no open place-and-route here, so its Fmax is the target's stated clock, and "
                + "Yosys's sta adds the clock the longest path's cell delays allow at most (logic_fmax_bound_mhz; "
                + "routing only adds delay) with the µs per image at that bound. µs per image are the Verilog "
                + "engine's mean clocks to the decision over --images test images (clocks_per_image, from the "
                + "cycle-accurate simulator's engine cycles, engine_cycles_per_image) divided by Fmax. The directory "
                + "is written beside and moved into place when the tools are through, with their logs when they fail; "
                + "an existing one is replaced only if FirstSpike wrote it.";
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR")
                        .desc("project and synthesis directory").build())
                .addOption(Option.builder().longOpt("data").hasArg().argName("SET")
                        .desc("data set for clocks per image (default fmnist-test)").build())
                .addOption(Option.builder().longOpt("images").hasArg().argName("N")
                        .desc("images for clocks per image (default 100)").build())
                .addOption(CliSupport.JSON);
        HardwareOptions.addTo(o);
        return o;
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        if (!cl.hasOption("target")) {
            throw new UsageException("synth needs --target T: one of " + String.join(", ", Targets.SHIPPED)
                    + " or a target .json file");
        }
        Network net = CliSupport.network(cl, name(), io);
        Compilation c = HardwareOptions.compile(net, cl, (p, ir) -> { });
        SimProgram program = SimProgram.of(c.ir(), c.target().engine());
        HardwareImage image;
        try {
            image = HardwareImage.of(program);
        } catch (HardwareImage.Unsupported e) {
            throw new UsageException(e.getMessage());
        }
        String misfit = ImageFootprint.of(image).misfit(c.target());
        if (misfit != null) {
            throw new UsageException(misfit + ". Nothing was synthesized. What still has to shrink is in "
                    + "docs/architecture.md §6.2.");
        }
        long[] cost = meanCost(cl, net, program, image);
        Path dir = Path.of(cl.getOptionValue("output", "build/" + net.name() + "-" + c.target().name()));
        SynthReport[] done = new SynthReport[1];
        String[] failed = new String[1];
        // the project and the tools' logs are written next to DIR and moved into place when the tools
        // are through; a failed run keeps its logs too, since they say why
        OutputDirectory.replace(dir, tmp -> {
            Path rtl = tmp.resolve("rtl");
            Files.createDirectories(rtl);
            new EngineProject(image, net.name()).writeRtl(rtl);
            try {
                done[0] = new SynthRunner(SynthRunner.Tools.ON_PATH, line -> io.err().println("synth: " + line))
                        .run(rtl, "fs_top", c.target(), tmp.resolve("synth"));
            } catch (SynthException e) {
                failed[0] = e.getMessage().replace(tmp.toString(), dir.toString());
            }
        });
        if (failed[0] != null) {
            throw new UsageException(failed[0]);
        }
        SynthReport report = done[0].withDirectory(dir.resolve("synth")).withImageCost(cost[1], cost[0]);
        io.out().print(cl.hasOption("json") ? Json.write(report.json()) : report.text());
        return 0;
    }

    /**
     * The mean engine cycles and clocks to the decision over the first images of the data set: the
     * simulator's cycles, and their clocks in the Verilog engine (EngineClocks; co-simulation checks
     * the formula).
     */
    private static long[] meanCost(CommandLine cl, Network net, SimProgram program, HardwareImage image)
            throws UsageException {
        Dataset data = CliSupport.dataset(cl, net, "fmnist-test");
        int images = Math.min(CliSupport.intOption(cl, "images", 100, 1), data.count());
        Engine engine = new Engine(program, true);
        long cycles = 0;
        long clocks = 0;
        for (int[] ticks : CliSupport.hostTicks(net, program.ir(), data, 0, images)) {
            SimResult r = engine.run(ticks, false);
            cycles += r.cyclesToDecision();
            clocks += EngineClocks.clocks(image, r);
        }
        return new long[] {Math.round(cycles / (double) images), Math.round(clocks / (double) images)};
    }
}
