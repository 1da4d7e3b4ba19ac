package org.firstspike.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.device.Target;
import org.firstspike.ir.Edge;
import org.firstspike.ir.IrNode;
import org.firstspike.ir.IrOp;
import org.firstspike.ir.IrProgram;
import org.firstspike.ir.TimeGrid;
import org.firstspike.ir.ZTable;

/**
 * A lowered program in the form the engine runs: flat arrays per stage, compiled once and shared by
 * every simulating thread. Built from the final IR and the target's engine configuration.
 */
public final class SimProgram {
    private final IrProgram ir;
    private final Target.Engine engine;
    private final ZTable table;
    private final long[] z;
    private final long[] zc;
    private final List<Stage> stages;
    private final Stage output;

    private SimProgram(IrProgram ir, Target.Engine engine, List<Stage> stages, Stage output) {
        this.ir = ir;
        this.engine = engine;
        this.table = new ZTable(ir.grid());
        this.z = new long[table.horizon() + 1];
        this.zc = new long[table.horizon() + 1];
        for (int n = 0; n <= table.horizon(); n++) {
            z[n] = table.z(n);
            zc[n] = table.zc(n);
        }
        this.stages = stages;
        this.output = output;
    }

    public static SimProgram of(IrProgram ir, Target.Engine engine) {
        Map<String, Integer> index = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (IrNode n : ir.nodes()) {
            index.put(n.name(), stages.size());
            stages.add(stage(n, feeds(n, index), ir, engine));
        }
        return new SimProgram(ir, engine, stages, stages.get(index.get(ir.output())));
    }

    private static Feed[] feeds(IrNode n, Map<String, Integer> index) {
        Feed[] feeds = new Feed[n.inputs().size()];
        for (int k = 0; k < feeds.length; k++) {
            Edge e = n.inputs().get(k);
            int pairs = (int) e.connected();
            int[] from = new int[pairs];
            int[] to = new int[pairs];
            int[] delay = e.delay() == null ? null : new int[pairs];
            int p = 0;
            for (int x = 0; x < e.map().length; x++) {
                if (e.map()[x] >= 0) {
                    from[p] = x;
                    to[p] = e.map()[x];
                    if (delay != null) {
                        delay[p] = e.delay().ticksOf(x);
                    }
                    p++;
                }
            }
            feeds[k] = new Feed(index.get(e.source()), from, to, delay);
        }
        return feeds;
    }

    private static Stage stage(IrNode n, Feed[] feeds, IrProgram ir, Target.Engine engine) {
        if (n.op() instanceof IrOp.Input in) {
            return new InputStage(n.name(), n.size(), in.silentFrom(), in.noSpikeTick());
        } else if (n.op() instanceof IrOp.Neuron c) {
            return CoreCompiler.compile(n, c, feeds, ir.grid(), engine.lanes());
        } else if (n.op() instanceof IrOp.MinPool p) {
            return PoolCompiler.compile(n, p, feeds);
        } else if (n.op() instanceof IrOp.TimeAdd t) {
            return new TimeAddStage(n.name(), n.size(), feeds, t.operands());
        }
        throw new IllegalArgumentException("node '" + n.name() + "' (" + n.op().getClass().getSimpleName()
                + ") is not lowered; run the whole pass pipeline first");
    }

    public IrProgram ir() {
        return ir;
    }

    public TimeGrid grid() {
        return ir.grid();
    }

    public Target.Engine engine() {
        return engine;
    }

    public ZTable table() {
        return table;
    }

    long[] z() {
        return z;
    }

    long[] zc() {
        return zc;
    }

    List<Stage> stages() {
        return stages;
    }

    Stage output() {
        return output;
    }

    /** Index of the stage named {@code name}. */
    public int stageIndex(String name) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name.equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no stage " + name);
    }

    public List<String> stageNames() {
        return stages.stream().map(s -> s.name).toList();
    }
}
