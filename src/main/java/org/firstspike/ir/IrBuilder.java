package org.firstspike.ir;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.model.InputEncoding;
import org.firstspike.model.IndexMap;
import org.firstspike.model.Network;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Quantization;
import org.firstspike.model.Shape;

/**
 * The IR of a checked network before any pass: one IR node per model node, every edge the
 * identity. Passes then lower it (see passes.Pipeline).
 */
public final class IrBuilder {
    private IrBuilder() {
    }

    public static IrProgram fromNetwork(Network net) {
        List<IrNode> nodes = new ArrayList<>();
        for (Node n : net.nodes()) {
            List<Shape> in = n.inputs().stream().map(i -> net.node(i).shape()).toList();
            List<Edge> edges = new ArrayList<>();
            for (int k = 0; k < n.inputs().size(); k++) {
                edges.add(new Edge(n.inputs().get(k), identity(in.get(k).size()), null));
            }
            nodes.add(new IrNode(n.name(), op(net, n, in), edges, n.shape().toArray(), Origin.of(n.span())));
        }
        return new IrProgram(net.name(), net.source().displayName(), null, net.time(), null, nodes, net.output());
    }

    static int[] identity(int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = i;
        }
        return m;
    }

    private static IrOp op(Network net, Node n, List<Shape> in) {
        Op op = n.op();
        if (op instanceof Op.Input i) {
            return new IrOp.Input(i.sampleShape().toArray(), describe(i.encoding()), net.time().noSpikeZ(), -1, -1);
        } else if (op instanceof Op.NeuronLayer l) {
            return neuron(l, in.get(0));
        } else if (op instanceof Op.MinPool p) {
            return new IrOp.MinPool(p.window(), in.get(0).toArray(), p.padZ(), -1);
        } else if (op instanceof Op.AvgPoolZ p) {
            return new IrOp.AvgPoolZ(p.window(), p.padZ());
        } else if (op instanceof Op.Delay d) {
            return new IrOp.DelayLine(d.applied().clone(), n.shape().plane());
        } else if (op instanceof Op.Add) {
            return new IrOp.Add();
        }
        return new IrOp.Move(op.keyword(), IndexMap.of(op, in, n.shape()));
    }

    private static IrOp.Neuron neuron(Op.NeuronLayer l, Shape in) {
        Quantization q = l.weights().quantization();
        Weights.Trained trained = new Weights.Trained(l.weights().values().toArray(), q.scheme().word(), q.bits(),
                q.quantized() ? q.granularity() : null, q.quantized() ? q.levels().clone() : null,
                q.quantized() ? q.scales().clone() : null, l.weights().origin());
        Bias bias = l.bias() == null ? null : new Bias(l.bias().weights().clone(), l.bias().spikeTime(), null, -1);
        org.firstspike.model.Window win = l instanceof Op.Conv2d c ? c.window() : null;
        return new IrOp.Neuron(l instanceof Op.Conv2d ? "conv2d" : "dense", win, in.toArray(),
                l.weights().outputs(), l.neuron().threshold(), l.neuron().nextInputTest(),
                l.neuron().lastInputSentinel(), l.noSpikeZ(), -1, new Weights(trained, null), bias, new int[0], null,
                null);
    }

    private static String describe(InputEncoding e) {
        return e.describe();
    }
}
