package org.firstspike.report;

import org.firstspike.model.Network;
import org.firstspike.model.Shape;

/** Human-readable neuron positions: "[c5, y6, x4]" in a feature map, "[7]" in a vector. */
public final class NeuronNames {
    private NeuronNames() {
    }

    public static String index(Network net, String node, int flat) {
        Shape s = net.node(node).shape();
        if (!s.isMap()) {
            return "[" + flat + "]";
        }
        int c = flat / s.plane();
        int y = flat % s.plane() / s.width();
        int x = flat % s.width();
        return "[c" + c + ", y" + y + ", x" + x + "]";
    }
}
