package org.firstspike.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.data.Dataset;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.model.Network;
import org.firstspike.reference.FloatReference;
import org.firstspike.report.Evaluation;
import org.firstspike.report.GoldenComparison;
import org.firstspike.report.Json;
import org.firstspike.report.NeuronNames;
import org.firstspike.report.OutlierExplanation;
import java.util.List;

/** `firstspike eval FILE --data SET`: the exact float reference over a data set, optionally vs golden files. */
final class EvalCommand implements Command {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String operands() {
        return "FILE";
    }

    @Override
    public String summary() {
        return "run the exact float reference over a data set; accuracy, and agreement with golden outputs";
    }

    @Override
    public String details() {
        return "SET is fmnist-test or fmnist-train (Debian's dataset-fashion-mnist, or FIRSTSPIKE_FMNIST_DIR), "
                + "an IDX file, or a .npy of samples (pixels 0..255, or spike times for spikes(...) inputs). "
                + "--golden DIR compares with the trainer's DIR/out_z.npy and DIR/pred.npy.";
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder().longOpt("data").hasArg().argName("SET").required()
                        .desc("data set: fmnist-test, fmnist-train, an IDX file or a .npy file").build())
                .addOption(Option.builder().longOpt("labels").hasArg().argName("FILE")
                        .desc("labels for a .npy data set").build())
                .addOption(Option.builder().longOpt("images").hasArg().argName("N")
                        .desc("evaluate the first N samples (default: all)").build())
                .addOption(Option.builder().longOpt("golden").hasArg().argName("DIR")
                        .desc("compare with the trainer's out_z.npy and pred.npy in DIR").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("worker threads (default: all processors)").build())
                .addOption(Option.builder().longOpt("dump").hasArg().argName("DIR")
                        .desc("write every node's z values of the evaluated samples to DIR/<node>.npy").build())
                .addOption(CliSupport.JSON);
        HardwareEval.addOptions(o);
        return o;
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        Network net = CliSupport.network(cl, name(), io);
        Dataset data = CliSupport.dataset(cl, net, null);
        int images = Math.min(CliSupport.intOption(cl, "images", data.count(), 1), data.count());
        int threads = CliSupport.intOption(cl, "threads", Runtime.getRuntime().availableProcessors(), 1);
        FloatReference ref = new FloatReference(net);
        if (cl.hasOption("hardware")) {
            HardwareEval.run(cl, io, net, ref, data, images, threads);
            return 0;
        }
        if (cl.hasOption("dump")) {
            NodeDump.write(Path.of(cl.getOptionValue("dump")), ref, data, images);
        }
        Evaluation.Outputs out = Evaluation.run(ref, data, images, threads, new Progress(io, images));
        GoldenComparison golden = cl.hasOption("golden")
                ? GoldenComparison.compare(Path.of(cl.getOptionValue("golden")), out) : null;
        List<OutlierExplanation.Explanation> why = golden == null ? List.of()
                : OutlierExplanation.explain(ref, data, golden);
        double accuracy = data.labelled() ? Evaluation.accuracy(out, data) : Double.NaN;
        if (cl.hasOption("json")) {
            io.out().print(Json.write(json(net, data, out, threads, accuracy, golden, why)));
        } else {
            io.out().print(EvalText.render(net, data, out, threads, accuracy, golden, why, cl.getOptionValue("golden")));
        }
        return 0;
    }

    private static ObjectNode json(Network net, Dataset data, Evaluation.Outputs out, int threads, double accuracy,
            GoldenComparison golden, List<OutlierExplanation.Explanation> why) {
        ObjectNode o = Json.object();
        o.put("network", net.name());
        o.put("data", data.name());
        o.put("images", out.count());
        Json.put(o, "accuracy", accuracy);
        o.put("seconds", out.seconds());
        o.put("images_per_second", out.count() / Math.max(out.seconds(), 1e-9));
        o.put("threads", threads);
        if (golden != null) {
            o.put("max_rel_error", golden.maxRelError());
            o.put("frac_within_1e-4", golden.fracWithin());
            o.put("pred_agreement", golden.predAgreement());
            ArrayNode ties = o.putArray("near_ties");
            ArrayNode dis = o.putArray("disagreements");
            for (var d : golden.disagreements()) {
                if (d.nearTie()) {
                    ties.add(d.image());
                }
                ObjectNode x = dis.addObject();
                x.put("image", d.image());
                x.put("ours", d.ours());
                x.put("golden", d.golden());
                x.put("near_tie", d.nearTie());
                x.put("our_gap", d.oursGap());
                x.put("golden_gap", d.goldenGap());
            }
            ArrayNode outliers = o.putArray("outliers");
            golden.outliers().stream().limit(100).forEach(x -> {
                ObjectNode e = outliers.addObject();
                e.put("image", x.image());
                e.put("neuron", x.neuron());
                e.put("ours", x.ours());
                e.put("golden", x.golden());
                e.put("rel_error", x.relError());
            });
            o.put("outlier_count", golden.outliers().size());
            o.put("outlier_images", golden.outlierImages().size());
            ArrayNode explained = o.putArray("explained_by_near_ties");
            ArrayNode unexplained = o.putArray("unexplained_images");
            for (var e : why) {
                if (!e.explained()) {
                    unexplained.add(e.image());
                    continue;
                }
                ObjectNode x = explained.addObject();
                x.put("image", e.image());
                ArrayNode flips = x.putArray("flipped");
                for (var t : e.flipped()) {
                    ObjectNode f = flips.addObject();
                    f.put("node", t.node());
                    f.put("neuron", t.neuron());
                    f.put("index", NeuronNames.index(net, t.node(), t.neuron()));
                    f.put("margin", t.margin());
                    f.put("decision_here", t.wasValid() ? "fires" : "rejects");
                }
            }
        }
        return o;
    }
}
