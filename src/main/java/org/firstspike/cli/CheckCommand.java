package org.firstspike.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.firstspike.diag.Diagnostic;
import org.firstspike.diag.DiagnosticPrinter;
import org.firstspike.dsl.Frontend;
import org.firstspike.report.Json;
import org.firstspike.report.LayerInfo;

/** `firstspike check FILE`: parse, resolve, load weights and infer shapes; report every problem. */
final class CheckCommand implements Command {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public String operands() {
        return "FILE";
    }

    @Override
    public String summary() {
        return "check a .ttfs network: syntax, names, shapes, weight files";
    }

    @Override
    public Options options() {
        return new Options().addOption(CliSupport.JSON);
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        Frontend.Result r = Frontend.check(CliSupport.file(cl, name()));
        if (cl.hasOption("json")) {
            io.out().print(Json.write(json(r)));
            if (!r.ok()) {
                io.err().print(DiagnosticPrinter.render(r.diagnostics()));
            }
            return r.ok() ? 0 : 1;
        }
        io.err().print(DiagnosticPrinter.render(r.diagnostics()));
        if (!r.ok()) {
            return 1;
        }
        var net = r.network();
        var layers = LayerInfo.of(net);
        long neuronLayers = net.nodes().stream().filter(n -> n.op() instanceof org.firstspike.model.Op.NeuronLayer)
                .count();
        long synapses = layers.stream().mapToLong(LayerInfo::synapses).sum();
        long neurons = layers.stream().mapToLong(LayerInfo::neurons).sum();
        io.out().printf("%s: ok — network %s: %d nodes, %d neuron layers, %,d neurons, %,d synapses%n",
                net.source().displayName(), net.name(), net.nodes().size(), neuronLayers, neurons, synapses);
        return 0;
    }

    private static ObjectNode json(Frontend.Result r) {
        ObjectNode root = Json.object();
        root.put("ok", r.ok());
        if (r.ok()) {
            root.put("network", r.network().name());
        }
        ArrayNode errors = root.putArray("errors");
        ArrayNode warnings = root.putArray("warnings");
        for (Diagnostic d : r.diagnostics()) {
            ObjectNode o = (d.isError() ? errors : warnings).addObject();
            if (d.span() != null) {
                o.put("file", d.span().file().displayName());
                o.put("line", d.span().line());
                o.put("column", d.span().column());
            } else {
                o.put("file", d.file());
            }
            o.put("message", d.message());
        }
        return root;
    }
}
