package org.firstspike.report;

import java.util.List;
import org.firstspike.model.Network;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;
import org.firstspike.model.WindowTaps;

/**
 * What `info` shows for one node. Synapses count real connections only: a conv tap that lands on
 * padding is not a synapse. A bias input counts as one synapse per neuron.
 */
public record LayerInfo(String name, String op, List<String> inputs, List<Shape> inputShapes, Shape outputShape,
        long params, int fanIn, long synapses, long neurons, String delays, String quantization) {

    public static List<LayerInfo> of(Network net) {
        return net.nodes().stream().map(n -> of(net, n)).toList();
    }

    static LayerInfo of(Network net, Node n) {
        List<Shape> in = n.inputs().stream().map(i -> net.node(i).shape()).toList();
        Op op = n.op();
        long params = 0;
        int fanIn = 0;
        long synapses = 0;
        long neurons = 0;
        String delays = "";
        String quant = "";
        if (op instanceof Op.NeuronLayer l) {
            int bias = l.bias() == null ? 0 : 1;
            params = l.weights().values().size() + (long) bias * l.weights().outputs();
            fanIn = l.weights().perOutput() + bias;
            neurons = n.shape().size();
            synapses = synapses(op, in.get(0), l.weights().outputs()) + (long) bias * neurons;
            quant = l.weights().quantization().describe();
        } else if (op instanceof Op.MinPool p) {
            fanIn = p.window().taps();
        } else if (op instanceof Op.AvgPoolZ p) {
            fanIn = p.window().taps();
        } else if (op instanceof Op.Add) {
            fanIn = n.inputs().size();
        } else if (op instanceof Op.Delay d) {
            params = d.raw().length;
            fanIn = 1;
            delays = delayRange(d);
        } else if (op instanceof Op.Input i) {
            params = encoderParams(i);
        }
        return new LayerInfo(n.name(), describe(op), n.inputs(), in, n.shape(), params, fanIn, synapses, neurons,
                delays, quant);
    }

    private static long synapses(Op op, Shape in, int outChannels) {
        if (op instanceof Op.Dense) {
            return (long) in.size() * outChannels;
        }
        Op.Conv2d c = (Op.Conv2d) op;
        long real = 0;
        for (int[] taps : WindowTaps.allChannels(c.window(), in)) {
            for (int t : taps) {
                real += t >= 0 ? 1 : 0;
            }
        }
        return real * outChannels;
    }

    private static String delayRange(Op.Delay d) {
        double min = java.util.Arrays.stream(d.applied()).min().orElse(0);
        double max = java.util.Arrays.stream(d.applied()).max().orElse(0);
        long clamped = java.util.Arrays.stream(d.raw()).filter(x -> x < 0).count();
        String range = String.format("%.4g..%.4g", min, max);
        return d.applied().length + " ch " + range + (clamped > 0 ? ", " + clamped + " clamped" : "");
    }

    private static long encoderParams(Op.Input i) {
        if (!(i.encoding() instanceof org.firstspike.model.InputEncoding.Ann a)) {
            return 0;
        }
        long n = 0;
        for (var s : a.steps()) {
            if (s instanceof org.firstspike.model.InputEncoding.AnnStep.Conv c) {
                n += c.weight().size() + (c.bias() == null ? 0 : c.bias().length);
            } else if (s instanceof org.firstspike.model.InputEncoding.AnnStep.BatchNorm b) {
                n += 4L * b.gamma().length;
            }
        }
        return n;
    }

    /** "conv2d k3 s2 p1", "minpool k3 s2 p1", "shuffle g2", … */
    static String describe(Op op) {
        if (op instanceof Op.Conv2d c) {
            return "conv2d " + c.window();
        } else if (op instanceof Op.MinPool p) {
            return "minpool " + p.window();
        } else if (op instanceof Op.AvgPoolZ p) {
            return "avgpool_z " + p.window();
        } else if (op instanceof Op.Shuffle s) {
            return "shuffle g" + s.groups();
        } else if (op instanceof Op.Flatten f) {
            return "flatten " + f.order().word();
        } else if (op instanceof Op.ChannelSlice s) {
            return "slice c" + s.from() + ".." + (s.to() - 1);
        }
        return op.keyword();
    }
}
