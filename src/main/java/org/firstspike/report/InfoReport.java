package org.firstspike.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.firstspike.model.Network;
import org.firstspike.model.NeuronModel;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;

/** The `info` command's report: the time base, neuron, input encoding, and a table per layer. */
public final class InfoReport {
    private InfoReport() {
    }

    public static String text(Network net) {
        List<LayerInfo> layers = LayerInfo.of(net);
        StringBuilder out = new StringBuilder();
        NeuronModel n = net.neuron();
        out.append("network ").append(net.name()).append("  (").append(net.source().displayName()).append(")\n");
        out.append(String.format("time:   t_max = %s, no_spike z = %s (t = %s), tau_syn = %s%n",
                num(net.time().tMax()), num(net.time().noSpikeZ()), num(net.time().toT(net.time().noSpikeZ())),
                num(n.tauSyn())));
        out.append(String.format("neuron: %s, threshold %s, next_input_test %s, last_input_sentinel %s%n",
                NeuronModel.MODEL_NAME, num(n.threshold()), n.nextInputTest().word(), n.lastInputSentinel().word()));
        out.append("input:  ").append(net.inputOp().sampleShape()).append(" sample, ")
                .append(net.inputOp().encoding().describe()).append('\n');
        out.append("output: ").append(net.output()).append(", decode ").append(net.decode().kind())
                .append(" (earliest spike wins, ties to the lowest index)\n\n");
        Table t = new Table("layer", "op", "input", "output", "params", "fan-in", "synapses", "delays", "quantization");
        long params = 0;
        long synapses = 0;
        long neurons = 0;
        for (LayerInfo l : layers) {
            t.row(l.name(), l.op(), inputs(l), l.outputShape(), l.params() == 0 ? "" : l.params(),
                    l.fanIn() == 0 ? "" : l.fanIn(), l.synapses() == 0 ? "" : l.synapses(), l.delays(),
                    l.quantization() + overrides(net, l.name()));
            params += l.params();
            synapses += l.synapses();
            neurons += l.neurons();
        }
        t.row("total", "", "", "", params, "", synapses, "", neurons + " neurons");
        return out.append(t.render()).toString();
    }

    /** Per-layer neuron settings that differ from the network's defaults, e.g. "; ge; no_spike 2×". */
    private static String overrides(Network net, String name) {
        if (!(net.node(name).op() instanceof Op.NeuronLayer l)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        NeuronModel d = net.neuron();
        if (l.neuron().nextInputTest() != d.nextInputTest()) {
            sb.append("; next_input_test ").append(l.neuron().nextInputTest().word());
        }
        if (l.neuron().threshold() != d.threshold()) {
            sb.append("; threshold ").append(num(l.neuron().threshold()));
        }
        if (l.noSpikeZ() != net.time().noSpikeZ()) {
            sb.append("; no_spike z ").append(num(l.noSpikeZ()));
        }
        return sb.toString();
    }

    private static String inputs(LayerInfo l) {
        if (l.inputs().isEmpty()) {
            return "";
        }
        return String.join(", ", l.inputs().stream().map(i -> i + " " + l.inputShapes().get(l.inputs().indexOf(i)))
                .toList());
    }

    public static ObjectNode json(Network net) {
        ObjectNode root = Json.object();
        root.put("network", net.name());
        root.put("file", net.source().displayName());
        ObjectNode time = root.putObject("time");
        Json.put(time, "t_max", net.time().tMax());
        Json.put(time, "no_spike_z", net.time().noSpikeZ());
        Json.put(time, "no_spike_t", net.time().toT(net.time().noSpikeZ()));
        Json.put(time, "tau_syn", net.time().tauSyn());
        root.set("neuron", neuron(net.neuron()));
        ObjectNode input = root.putObject("input");
        input.set("sample_shape", shape(net.inputOp().sampleShape()));
        input.put("encoding", net.inputOp().encoding().describe());
        ArrayNode layers = root.putArray("layers");
        long params = 0;
        long synapses = 0;
        long neurons = 0;
        for (LayerInfo l : LayerInfo.of(net)) {
            layers.add(layer(net, l));
            params += l.params();
            synapses += l.synapses();
            neurons += l.neurons();
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("params", params);
        totals.put("synapses", synapses);
        totals.put("neurons", neurons);
        root.put("output", net.output());
        root.put("decode", net.decode().kind());
        return root;
    }

    private static ObjectNode layer(Network net, LayerInfo l) {
        ObjectNode o = Json.object();
        o.put("name", l.name());
        o.put("op", net.node(l.name()).op().keyword());
        o.put("description", l.op());
        ArrayNode ins = o.putArray("inputs");
        l.inputs().forEach(ins::add);
        ArrayNode shapes = o.putArray("input_shapes");
        l.inputShapes().forEach(s -> shapes.add(shape(s)));
        o.set("output_shape", shape(l.outputShape()));
        o.put("params", l.params());
        o.put("fan_in", l.fanIn());
        o.put("synapses", l.synapses());
        o.put("neurons", l.neurons());
        Op op = net.node(l.name()).op();
        if (op instanceof Op.NeuronLayer nl) {
            o.set("neuron", neuron(nl.neuron()));
            Json.put(o, "no_spike_z", nl.noSpikeZ());
            ObjectNode q = o.putObject("quantization");
            var quant = nl.weights().quantization();
            q.put("scheme", quant.scheme().word());
            if (quant.quantized()) {
                q.put("bits", quant.bits());
                q.put("per", quant.granularity().word());
                ArrayNode scales = q.putArray("scales");
                for (double s : quant.scales()) {
                    scales.add(s);
                }
            }
            o.put("weights_from", nl.weights().origin());
        } else if (op instanceof Op.Delay d) {
            ObjectNode del = o.putObject("delays");
            ArrayNode applied = del.putArray("applied");
            for (double v : d.applied()) {
                applied.add(v);
            }
            del.put("clamps_negative", d.clampsNegative());
            del.put("from", d.origin());
        }
        return o;
    }

    private static ObjectNode neuron(NeuronModel n) {
        ObjectNode o = Json.object();
        o.put("model", NeuronModel.MODEL_NAME);
        Json.put(o, "threshold", n.threshold());
        Json.put(o, "tau_syn", n.tauSyn());
        o.put("next_input_test", n.nextInputTest().word());
        o.put("last_input_sentinel", n.lastInputSentinel().word());
        return o;
    }

    private static ArrayNode shape(Shape s) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        s.dims().forEach(a::add);
        return a;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format("%.9g", v);
    }
}
