package org.firstspike.sim;

/** One image's pass through a core: the per-neuron state machine and its cycle count. */
final class CoreRun {
    private final CoreStage c;
    private final Engine e;
    private final int[] out;
    private final int g;
    private final long[] z;
    private final long[] zc;
    private final int[] a;
    private final long[] b;
    private final int[] mark;
    private final int[] lastApplied;
    private final int[] count;
    private final int[] lastArrival;
    private final boolean output;
    private long syn;
    private long delivered;
    private long deliveredBeforeDecision = -1;
    private long cycles;
    private long decisionCycles = -1;
    private long synBeforeDecision = -1;
    private long starts;
    private long followOns;
    private long positionSteps;
    private long chunkSteps;
    private long unitCycles;
    private long quickResolutions;
    private long searchSteps;
    private CoreCycles coreBeforeDecision;

    CoreRun(CoreStage c, Engine e, int[] out) {
        this.c = c;
        this.e = e;
        this.out = out;
        this.g = e.program().grid().thresholdFractionBits();
        this.z = e.program().z();
        this.zc = e.program().zc();
        this.a = e.stateA(c.size);
        this.b = e.stateB(c.size);
        this.mark = e.stateMark(c.size);
        this.lastApplied = e.stateLastApplied(c.size);
        this.count = e.positionCount(c.positions);
        this.lastArrival = e.positionLast(c.positions);
        this.output = e.program().output() == c;
    }

    long run(int[] evTick, int[] evElement, int events) {
        int group = -1;
        for (int i = 0; i < events; i++) {
            int tick = evTick[i];
            if (tick != group) {
                if (output && group >= 0 && decisionCycles < 0) {
                    probe(tick - 1);
                }
                cycles++;
                group = tick;
            } else {
                followOns++;
            }
            deliver(evElement[i], tick);
            delivered += c.fanStart[evElement[i] + 1] - c.fanStart[evElement[i]];
            cycles += c.eventCycles[evElement[i]];
            starts++;
            positionSteps += c.positionSteps[evElement[i]];
            chunkSteps += c.eventCycles[evElement[i]] - 1 - c.positionSteps[evElement[i]];
        }
        long finalize = finalizeAll();
        cycles += finalize;
        unitCycles += finalize;
        if (output) {
            cycles += decodeCost();
            if (decisionCycles < 0) {
                decisionCycles = cycles;
                synBeforeDecision = syn;
                deliveredBeforeDecision = delivered;
                coreBeforeDecision = kinds(0, 0);
            }
        }
        e.account(syn, output ? synBeforeDecision : syn, delivered, output ? deliveredBeforeDecision : delivered,
                output ? decisionCycles : cycles);
        e.accountCore(kinds(0, 0), output ? coreBeforeDecision : kinds(0, 0));
        return cycles;
    }

    /**
     * The lanes' work for one event. {@code mark[j]} is the tick of neuron j's last applied arrival,
     * −1 before any, or ≤ −2 once it is known to have fired (the detecting tick is −2 − mark).
     */
    private void deliver(int m, int tick) {
        if (c.lastInputQuirk) {
            for (int k = c.posStart[m]; k < c.posStart[m + 1]; k++) {
                count[c.posList[k]]++;
                lastArrival[c.posList[k]] = tick;
            }
        }
        final int[] target = c.fanTarget;
        final short[] level = c.fanLevel;
        final int[] mk = mark;
        final int[] acc = a;
        final long[] acc2 = b;
        final long[] theta = c.theta;
        final long zt = z[tick];
        final long zPrev = tick > 0 ? zc[tick - 1] : 0;
        final int shift = g;
        long applied = 0;
        for (int k = c.fanStart[m], end = c.fanStart[m + 1]; k < end; k++) {
            int j = target[k];
            int seen = mk[j];
            if (seen < tick) {
                if (seen <= -2) {
                    continue;
                }
                long ap = ((long) acc[j] << shift) - theta[j];
                if (ap > 0 && zPrev * ap >= acc2[j] << shift) {
                    lastApplied[j] = seen;
                    mk[j] = -2 - (tick - 1);
                    continue;
                }
                mk[j] = tick;
            }
            int q = level[k];
            acc[j] += q;
            acc2[j] += q * zt;
            applied++;
        }
        syn += applied;
    }

    private boolean fires(int j, int tick) {
        long ap = ((long) a[j] << g) - c.theta[j];
        return ap > 0 && zc[tick] * ap >= b[j] << g;
    }

    /**
     * First tick in [lo, hi] at which neuron j fires, given that it fires at hi; counts its search
     * steps in steps[0] and, of them, those after its first in steps[1].
     */
    private int search(int j, int lo, int hi, long[] steps) {
        int n = 0;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (fires(j, mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
            n++;
        }
        steps[0] += n;
        steps[1] += n;
        return lo;
    }

    /** The firing tick of neuron j (or the no-spike tick), and its finalize cost in cycles. */
    private int resolve(int j, long[] steps) {
        if (c.dead[j]) {
            quickResolutions++;
            return c.noSpikeTick;
        }
        if (mark[j] <= -2) {
            quickResolutions++;
            return search(j, lastApplied[j], -2 - mark[j], steps);
        }
        int p = j % c.positions;
        int limit = c.lastInputQuirk && count[p] == c.windowTaps ? lastArrival[p] : c.noSpikeTick - 1;
        if (mark[j] < 0) {
            quickResolutions++;
            return c.noSpikeTick;
        }
        return mark[j] <= limit && fires(j, limit) ? search(j, mark[j], limit, steps) : c.noSpikeTick;
    }

    private long finalizeAll() {
        int units = e.program().engine().neuronUnits();
        long[] work = new long[units];
        long[] steps = new long[2];
        for (int j = 0; j < c.size; j++) {
            steps[0] = 1;
            out[j] = resolve(j, steps);
            work[j % units] += steps[0];
        }
        searchSteps += steps[1];
        long max = 0;
        for (long w : work) {
            max = Math.max(max, w);
        }
        return max;
    }

    /** Early exit: between tick groups, has any output neuron fired by {@code tick}? Then the decision is known. */
    private void probe(int tick) {
        int units = e.program().engine().neuronUnits();
        cycles += (c.size + units - 1) / units;
        unitCycles += (c.size + units - 1) / units;
        long[] work = new long[units];
        boolean any = false;
        long[] steps = new long[2];
        for (int j = 0; j < c.size; j++) {
            boolean detected = mark[j] <= -2;
            if (!c.dead[j] && (detected || mark[j] >= 0 && mark[j] <= tick && fires(j, tick))) {
                any = true;
                steps[0] = 1;
                search(j, detected ? lastApplied[j] : mark[j], detected ? -2 - mark[j] : tick, steps);
                work[j % units] += steps[0];
            }
        }
        if (any) {
            long max = 0;
            for (long w : work) {
                max = Math.max(max, w);
            }
            decisionCycles = cycles + max + decodeCost();
            synBeforeDecision = syn;
            deliveredBeforeDecision = delivered;
            coreBeforeDecision = kinds(max, steps[1]);
        }
    }

    /**
     * The cycles so far by kind, and {@code searching} more unit cycles (the searches a decisive probe
     * starts), {@code probeSearchSteps} of them binary-search steps.
     */
    private CoreCycles kinds(long searching, long probeSearchSteps) {
        return new CoreCycles(starts, followOns, positionSteps, chunkSteps, unitCycles + searching, quickResolutions,
                searchSteps + probeSearchSteps);
    }

    private long decodeCost() {
        int units = e.program().engine().neuronUnits();
        return (c.size + units - 1) / units;
    }
}
