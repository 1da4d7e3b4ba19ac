package org.firstspike.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.data.Dataset;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.reference.FloatReference;
import org.firstspike.report.HardwareEvaluation;
import org.firstspike.report.HardwareReport;
import org.firstspike.report.Json;
import org.firstspike.report.Table;
import org.firstspike.sim.SimProgram;

/** `eval --hardware`: the float reference against the cycle-accurate engine, and `--sweep`. */
final class HardwareEval {
    private HardwareEval() {
    }

    static void addOptions(Options o) {
        o.addOption(Option.builder().longOpt("hardware")
                .desc("also run the cycle-accurate integer engine and compare").build());
        o.addOption(Option.builder().longOpt("no-early-exit").desc("count cycles to the end, not to the decision")
                .build());
        o.addOption(Option.builder().longOpt("sweep").desc("with --hardware: a table over --sweep-ticks × --sweep-bits")
                .build());
        o.addOption(Option.builder().longOpt("sweep-ticks").hasArg().argName("LIST")
                .desc("ticks per t_max for --sweep (default 256,1024,4096)").build());
        o.addOption(Option.builder().longOpt("sweep-bits").hasArg().argName("LIST")
                .desc("weight bits for --sweep (default 4,6,8)").build());
        HardwareOptions.addTo(o);
    }

    static void run(CommandLine cl, Io io, Network net, FloatReference ref, Dataset data, int images, int threads)
            throws UsageException {
        if (cl.hasOption("sweep")) {
            sweep(cl, io, net, ref, data, images, threads);
            return;
        }
        Compilation c = HardwareOptions.compile(net, cl, (p, ir) -> { });
        SimProgram program = SimProgram.of(c.ir(), c.target().engine());
        HardwareReport r = HardwareEvaluation.run(net, ref, program, data, images, threads,
                !cl.hasOption("no-early-exit"), new Progress(io, images));
        String config = describe(c.target(), c.ir().grid().ticksPerTMax());
        io.out().print(cl.hasOption("json") ? Json.write(HardwareEvalText.json(net.name(), data.name(), config, r))
                : HardwareEvalText.text(net.name(), data.name(), config, r));
    }

    static String describe(Target t, int ticks) {
        return String.format("%s engine, %d lanes, %d neuron unit%s, %d-element streams, Δ = t_max/%d", t.name(),
                t.engine().lanes(), t.engine().neuronUnits(), t.engine().neuronUnits() == 1 ? "" : "s",
                t.engine().stream(), ticks);
    }

    private static void sweep(CommandLine cl, Io io, Network net, FloatReference ref, Dataset data, int images,
            int threads) throws UsageException {
        int[] ticks = list(cl.getOptionValue("sweep-ticks", "256,1024,4096"), "--sweep-ticks");
        int[] bits = list(cl.getOptionValue("sweep-bits", "4,6,8"), "--sweep-bits");
        Target target = Targets.load(cl.getOptionValue("target", Targets.DEFAULT));
        List<String> head = new ArrayList<>();
        head.add("ticks per t_max");
        for (int b : bits) {
            head.add(b + "-bit weights");
        }
        Table t = new Table(head.toArray(String[]::new));
        var json = Json.MAPPER.createArrayNode();
        double refAccuracy = Double.NaN;
        for (int tk : ticks) {
            List<Object> row = new ArrayList<>();
            row.add(tk);
            for (int b : bits) {
                CompileOptions o = CompileOptions.defaults().withTicks(tk).withWeightBits(b).withPtqBits(b);
                Compilation c = HardwareOptions.compile(net, target, o, (p, ir) -> { });
                HardwareReport r = HardwareEvaluation.run(net, ref, SimProgram.of(c.ir(), target.engine()), data,
                        images, threads, true, n -> { });
                refAccuracy = r.referenceAccuracy();
                row.add(String.format("%.2f%% / %.2f%%", 100 * r.hardwareAccuracy(), 100 * r.classAgreement()));
                var cell = json.addObject();
                cell.put("ticks", tk);
                cell.put("weight_bits", b);
                Json.put(cell, "hardware_accuracy", r.hardwareAccuracy());
                cell.put("class_agreement", r.classAgreement());
                cell.put("cycles_per_image_mean", r.cyclesPerImage());
            }
            t.row(row.toArray());
        }
        if (cl.hasOption("json")) {
            var o = Json.object();
            o.put("network", net.name());
            o.put("images", images);
            Json.put(o, "reference_accuracy", refAccuracy);
            o.set("sweep", json);
            io.out().print(Json.write(o));
            return;
        }
        io.out().printf("%s on %s, %d images: hardware accuracy / class agreement (reference accuracy %.2f%%); "
                + "weights at the trained width are the trained levels, others are re-quantized%n", net.name(),
                data.name(), images, 100 * refAccuracy);
        io.out().print(t.render());
    }

    private static int[] list(String csv, String option) throws UsageException {
        try {
            int[] v = java.util.Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int x : v) {
                if (x < 1) {
                    throw new NumberFormatException();
                }
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes positive integers separated by commas, not '" + csv + "'");
        }
    }
}
