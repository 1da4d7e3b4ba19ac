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
    private final int[] last;
    private final int[] detect;
    private final int[] count;
    private final int[] lastArrival;
    private final boolean output;
    private long syn;
    private long cycles;
    private long decisionCycles = -1;
    private long synBeforeDecision = -1;

    CoreRun(CoreStage c, Engine e, int[] out) {
        this.c = c;
        this.e = e;
        this.out = out;
        this.g = e.program().grid().thresholdFractionBits();
        this.z = e.program().z();
        this.zc = e.program().zc();
        this.a = e.stateA(c.size);
        this.b = e.stateB(c.size);
        this.last = e.stateLast(c.size);
        this.detect = e.stateDetect(c.size);
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
            }
            deliver(evElement[i], tick);
            cycles += c.bundles[evElement[i]];
        }
        long finalize = finalizeAll();
        cycles += finalize;
        if (output) {
            cycles += decodeCost();
            if (decisionCycles < 0) {
                decisionCycles = cycles;
                synBeforeDecision = syn;
            }
        }
        e.account(syn, output ? synBeforeDecision : syn, output ? decisionCycles : cycles);
        return cycles;
    }

    private void deliver(int m, int tick) {
        if (c.lastInputQuirk) {
            for (int k = c.posStart[m]; k < c.posStart[m + 1]; k++) {
                count[c.posList[k]]++;
                lastArrival[c.posList[k]] = tick;
            }
        }
        long zt = z[tick];
        for (int k = c.fanStart[m]; k < c.fanStart[m + 1]; k++) {
            int j = c.fanTarget[k];
            if (detect[j] >= 0) {
                continue;
            }
            if (last[j] < tick) {
                long ap = ((long) a[j] << g) - c.theta[j];
                if (ap > 0 && zc[tick - 1] * ap >= b[j] << g) {
                    detect[j] = tick - 1;
                    continue;
                }
                last[j] = tick;
            }
            int q = c.fanLevel[k];
            a[j] += q;
            b[j] += q * zt;
            syn++;
        }
    }

    private boolean fires(int j, int tick) {
        long ap = ((long) a[j] << g) - c.theta[j];
        return ap > 0 && zc[tick] * ap >= b[j] << g;
    }

    /** First tick in [lo, hi] at which neuron j fires, given that it fires at hi; counts search steps. */
    private int search(int j, int lo, int hi, long[] steps) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (fires(j, mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
            steps[0]++;
        }
        return lo;
    }

    /** The firing tick of neuron j (or the no-spike tick), and its finalize cost in cycles. */
    private int resolve(int j, long[] steps) {
        if (c.dead[j]) {
            return c.noSpikeTick;
        }
        if (detect[j] >= 0) {
            return search(j, last[j], detect[j], steps);
        }
        int p = j % c.positions;
        int limit = c.lastInputQuirk && count[p] == c.windowTaps ? lastArrival[p] : c.noSpikeTick - 1;
        if (last[j] >= 0 && last[j] <= limit && fires(j, limit)) {
            return search(j, last[j], limit, steps);
        }
        return c.noSpikeTick;
    }

    private long finalizeAll() {
        int units = e.program().engine().neuronUnits();
        long[] work = new long[units];
        long[] steps = new long[1];
        for (int j = 0; j < c.size; j++) {
            steps[0] = 1;
            out[j] = resolve(j, steps);
            work[j % units] += steps[0];
        }
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
        long[] work = new long[units];
        boolean any = false;
        long[] steps = new long[1];
        for (int j = 0; j < c.size; j++) {
            if (!c.dead[j] && (detect[j] >= 0 || last[j] >= 0 && last[j] <= tick && fires(j, tick))) {
                any = true;
                steps[0] = 1;
                search(j, last[j], detect[j] >= 0 ? detect[j] : tick, steps);
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
        }
    }

    private long decodeCost() {
        int units = e.program().engine().neuronUnits();
        return (c.size + units - 1) / units;
    }
}
