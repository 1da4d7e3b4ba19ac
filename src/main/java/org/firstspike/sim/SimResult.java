package org.firstspike.sim;

import java.util.List;

/**
 * The engine's result for one image: the decided class and the tick of the deciding spike (−1 if
 * no output fired), every stage's output ticks (the raster, when kept), per-stage statistics and
 * cycles — in total, and up to the decision when early exit is on — and how the cores' event cycles
 * among the latter followed one another.
 */
public record SimResult(int decision, int decisionTick, int[][] ticks, List<StageStats> stages, long cycles,
        long cyclesToDecision, CoreCycles coreCyclesToDecision) {

    public long synapticEvents() {
        return stages.stream().mapToLong(StageStats::synapticEvents).sum();
    }

    public long synapticEventsBeforeDecision() {
        return stages.stream().mapToLong(StageStats::synapticEventsBeforeDecision).sum();
    }

    public long synapticOps() {
        return stages.stream().mapToLong(StageStats::synapticOps).sum();
    }

    public long synapticOpsBeforeDecision() {
        return stages.stream().mapToLong(StageStats::synapticOpsBeforeDecision).sum();
    }

    public long delayWrites() {
        return stages.stream().mapToLong(StageStats::delayWrites).sum();
    }
}
