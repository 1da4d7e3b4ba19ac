package org.firstspike.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.diag.SourceFile;

/**
 * A checked network: nodes in topological order (inputs before users), each with a known shape
 * and bound weights. Everything downstream — the float reference, lowering, simulation — reads this.
 */
public record Network(String name, SourceFile source, TimeBase time, NeuronModel neuron, List<Node> nodes,
        String output, Decode decode) {

    public Network {
        nodes = List.copyOf(nodes);
    }

    public Node node(String nodeName) {
        for (Node n : nodes) {
            if (n.name().equals(nodeName)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no node '" + nodeName + "'");
    }

    public Node input() {
        return nodes.get(0);
    }

    public Op.Input inputOp() {
        return (Op.Input) input().op();
    }

    public Node outputNode() {
        return node(output);
    }

    /** Node index by name, for evaluators that keep values in arrays. */
    public Map<String, Integer> indexByName() {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).name(), i);
        }
        return index;
    }
}
