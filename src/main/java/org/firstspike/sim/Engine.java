package org.firstspike.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cycle-accurate simulator of docs/architecture.md: runs a {@link SimProgram} on one image at a
 * time, stage after stage, exactly as the hardware engine does, and counts its cycles. Not thread
 * safe: use one engine per thread (they can share the program).
 */
public final class Engine {
    static final int NEVER = Integer.MAX_VALUE;
    /** Cycles to load a stage's descriptor before it starts. */
    static final int SETUP_CYCLES = 2;

    private final SimProgram program;
    private final boolean earlyExit;
    private final int stream;
    private int[] evTick = new int[0];
    private int[] evElement = new int[0];
    private int[] sortedTick = new int[0];
    private int[] sortedElement = new int[0];
    private final int[] bucket;
    private int[] a = new int[0];
    private long[] b = new long[0];
    private int[] mark = new int[0];
    private int[] lastApplied = new int[0];
    private int[] count = new int[0];
    private int[] lastArrival = new int[0];
    private int[] scratch = new int[0];
    private List<StageStats> stats;
    private long delayWrites;
    private int stageEvents;
    private int stageTicks;
    private long coreSyn;
    private long coreSynBeforeDecision;
    private long coreEvents;
    private long coreEventsBeforeDecision;
    private long processBeforeDecision;
    private CoreCycles stageCore;
    private CoreCycles stageCoreBeforeDecision;

    public Engine(SimProgram program, boolean earlyExit) {
        this.program = program;
        this.earlyExit = earlyExit;
        this.stream = program.engine().stream();
        this.bucket = new int[program.grid().horizon() + 2];
    }

    SimProgram program() {
        return program;
    }

    /** Runs one image given the host's input ticks. {@code raster} keeps every stage's ticks in the result. */
    public SimResult run(int[] inputTicks, boolean raster) {
        List<Stage> stages = program.stages();
        int[][] ticks = new int[stages.size()][];
        ticks[0] = inputTicks;
        stats = new ArrayList<>();
        long cycles = wide(inputTicks.length);
        long toDecision = -1;
        CoreCycles steps = CoreCycles.NONE;
        CoreCycles coreToDecision = CoreCycles.NONE;
        int decision = 0;
        int decisionTick = -1;
        for (int s = 1; s < stages.size(); s++) {
            Stage st = stages.get(s);
            long gather = SETUP_CYCLES + gather(st, ticks);
            int events = sort(program.grid().horizon());
            ticks[s] = new int[st.size];
            coreSyn = 0;
            coreSynBeforeDecision = 0;
            coreEvents = 0;
            coreEventsBeforeDecision = 0;
            processBeforeDecision = -1;
            stageCore = CoreCycles.NONE;
            stageCoreBeforeDecision = CoreCycles.NONE;
            long process = st.process(this, sortedTick, sortedElement, events, ticks[s]);
            long stageCycles = gather + process;
            long beforeDecision = processBeforeDecision < 0 ? stageCycles : gather + processBeforeDecision;
            stats.add(stats(st, ticks[s], stageCycles, beforeDecision));
            if (st == program.output()) {
                toDecision = cycles + beforeDecision;
                coreToDecision = steps.plus(stageCoreBeforeDecision);
                CoreStage core = (CoreStage) st;
                decision = decide(core, ticks[s]);
                decisionTick = ticks[s][decision] < core.noSpikeTick ? ticks[s][decision] : -1;
            }
            cycles += stageCycles;
            steps = steps.plus(stageCore);
        }
        return new SimResult(decision, decisionTick, raster ? ticks : null, List.copyOf(stats),
                cycles, earlyExit ? toDecision : cycles, earlyExit ? coreToDecision : steps);
    }

    /** Reads every feed's source ticks into events (adding delays, dropping what the stage ignores). */
    private long gather(Stage st, int[][] ticks) {
        int capacity = 1;
        for (Feed f : st.feeds) {
            capacity += f.pairs();
        }
        ensureEvents(capacity);
        int drop = st.dropFrom();
        int n = 0;
        long cycles = 0;
        long delayed = 0;
        for (Feed f : st.feeds) {
            cycles += wide(f.pairs());
            int[] src = ticks[f.source()];
            for (int i = 0; i < f.pairs(); i++) {
                int t = src[f.from()[i]];
                if (t == NEVER) {
                    continue;
                }
                if (f.delay() != null) {
                    t += f.delay()[i];
                }
                if (t >= drop) {
                    continue;
                }
                delayed += f.delay() != null && f.delay()[i] > 0 ? 1 : 0;
                evTick[n] = t;
                evElement[n++] = f.to()[i];
            }
        }
        if (st instanceof CoreStage c && c.biasTick >= 0 && c.biasTick < drop) {
            evTick[n] = c.biasTick;
            evElement[n++] = c.biasElement();
        }
        stageEvents = n;
        delayWrites = delayed;
        return cycles;
    }

    /** Counting sort of the gathered events by tick (the event queue's buckets, drained in order). */
    private int sort(int horizon) {
        int n = stageEvents;
        Arrays.fill(bucket, 0);
        for (int i = 0; i < n; i++) {
            bucket[evTick[i] + 1]++;
        }
        stageTicks = 0;
        for (int t = 1; t < bucket.length; t++) {
            stageTicks += bucket[t] > 0 ? 1 : 0;
        }
        for (int t = 1; t < bucket.length; t++) {
            bucket[t] += bucket[t - 1];
        }
        for (int i = 0; i < n; i++) {
            int at = bucket[evTick[i]]++;
            sortedTick[at] = evTick[i];
            sortedElement[at] = evElement[i];
        }
        return n;
    }

    /** Earliest output spike; same tick: the earlier crossing (exact); then the lowest index; none: class 0. */
    private int decide(CoreStage core, int[] out) {
        int g = program.grid().thresholdFractionBits();
        int best = -1;
        for (int j = 0; j < core.size; j++) {
            if (out[j] >= core.noSpikeTick) {
                continue;
            }
            if (best < 0 || out[j] < out[best] || out[j] == out[best] && Crossing.earlier(b[j],
                    ((long) a[j] << g) - core.theta[j], b[best], ((long) a[best] << g) - core.theta[best])) {
                best = j;
            }
        }
        return Math.max(best, 0);
    }

    /** Set by a core as it finishes: its synaptic operations, and where its decision point was. */
    void account(long syn, long synBeforeDecision, long delivered, long deliveredBeforeDecision,
            long cyclesBeforeDecision) {
        coreSyn = syn;
        coreSynBeforeDecision = synBeforeDecision;
        coreEvents = delivered;
        coreEventsBeforeDecision = deliveredBeforeDecision;
        processBeforeDecision = cyclesBeforeDecision;
    }

    /** Set by a core as it finishes: how its event cycles followed one another, in all and up to the decision. */
    void accountCore(CoreCycles all, CoreCycles beforeDecision) {
        stageCore = all;
        stageCoreBeforeDecision = beforeDecision;
    }

    private StageStats stats(Stage st, int[] out, long cycles, long beforeDecision) {
        int fired = 0;
        String kind = "input";
        if (st instanceof CoreStage c) {
            kind = "core";
            for (int t : out) {
                fired += t < c.noSpikeTick ? 1 : 0;
            }
        } else if (st instanceof MinPoolStage) {
            kind = "minpool";
        } else if (st instanceof TimeAddStage) {
            kind = "time_add";
        }
        int neurons = st instanceof CoreStage ? st.size : 0;
        return new StageStats(st.name, kind, neurons, fired, stageEvents, stageTicks, coreEvents,
                coreEventsBeforeDecision, coreSyn, coreSynBeforeDecision, delayWrites, cycles, beforeDecision);
    }

    /** Cycles to stream {@code elements} through the host input, gather, pool or output write. */
    long wide(int elements) {
        return (elements + stream - 1) / stream;
    }

    private void ensureEvents(int n) {
        if (evTick.length < n) {
            evTick = new int[n];
            evElement = new int[n];
            sortedTick = new int[n];
            sortedElement = new int[n];
        }
    }

    int[] stateA(int n) {
        if (a.length < n) {
            a = new int[n];
            b = new long[n];
            mark = new int[n];
            lastApplied = new int[n];
        }
        Arrays.fill(a, 0, n, 0);
        Arrays.fill(b, 0, n, 0);
        Arrays.fill(mark, 0, n, -1);
        return a;
    }

    long[] stateB(int n) {
        return b;
    }

    /** Last applied tick, −1 before any arrival, ≤ −2 once fired (see CoreRun). */
    int[] stateMark(int n) {
        return mark;
    }

    /** Written only when a neuron is found to have fired: the tick of its last applied arrival then. */
    int[] stateLastApplied(int n) {
        return lastApplied;
    }

    int[] positionCount(int n) {
        if (count.length < n) {
            count = new int[n];
            lastArrival = new int[n];
        }
        Arrays.fill(count, 0, n, 0);
        Arrays.fill(lastArrival, 0, n, -1);
        return count;
    }

    int[] positionLast(int n) {
        return lastArrival;
    }

    int[] scratchInts(int n) {
        if (scratch.length < n) {
            scratch = new int[n];
        }
        Arrays.fill(scratch, 0, n, 0);
        return scratch;
    }
}
