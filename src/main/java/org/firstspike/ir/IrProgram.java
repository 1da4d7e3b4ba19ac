package org.firstspike.ir;

import java.util.List;
import java.util.Optional;
import org.firstspike.model.TimeBase;

/**
 * The event-driven IR: nodes in topological order (sources first), the output node, and once
 * chosen the time grid and target. What `compile --emit ir` writes as JSON and reads back.
 *
 * @param source the .ttfs file it was compiled from (display name), for messages
 * @param time   the trained model's time base (t_max, no-spike z, τ)
 */
public record IrProgram(String name, String source, String target, TimeBase time, TimeGrid grid,
        List<IrNode> nodes, String output) {

    public IrProgram {
        nodes = List.copyOf(nodes);
    }

    public IrNode node(String nodeName) {
        return find(nodeName).orElseThrow(() -> new IllegalArgumentException("no IR node '" + nodeName + "'"));
    }

    public Optional<IrNode> find(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    public IrProgram withNodes(List<IrNode> newNodes) {
        return new IrProgram(name, source, target, time, grid, newNodes, output);
    }

    public IrProgram withGrid(TimeGrid g) {
        return new IrProgram(name, source, target, time, g, nodes, output);
    }

    public IrProgram withTarget(String t) {
        return new IrProgram(name, source, t, time, grid, nodes, output);
    }
}
