package org.firstspike.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory images of the event engine (docs/architecture.md §3): every network-specific fact as
 * flat integer arrays, exactly the lists the cycle-accurate engine runs on, so the Verilog engine
 * that reads them does the same work in the same cycles. Stage 0 is the input; arrays that belong
 * to one kind of stage are concatenated over the stages of that kind, and each stage's descriptor
 * holds its bases.
 */
public final class HardwareImage {
    public static final int KIND_INPUT = 0;
    public static final int KIND_CORE = 1;
    public static final int KIND_MINPOOL = 2;
    public static final int KIND_TIMEADD = 3;

    /** One stage's descriptor. Fields a kind does not use are 0. */
    public record StageDescriptor(String name, int kind, int size, int tickBase, int feedFirst, int feedCount,
            int dropFrom, int outputs, int positions, int windowTaps, boolean quirk, int biasTick, int biasElement,
            int fanStartBase, int neuronBase, int posStartBase, int tapStartBase, int paddedBase, int padTick, int operands,
            boolean output) {
    }

    /** One feed: {@code pairs} pairs from {@code pairBase}, reading ticks at {@code sourceTickBase}. */
    public record FeedDescriptor(int sourceTickBase, int pairBase, int pairs) {
    }

    public final List<StageDescriptor> stages;
    public final List<FeedDescriptor> feeds;
    /** Per pair: source element, input element, delay ticks. */
    public final int[] pairFrom;
    public final int[] pairTo;
    public final int[] pairDelay;
    /** Per core input list (concatenated): start of its fan-out in fanTarget/fanLevel (absolute), one past the last at the end of each core. */
    public final int[] fanStart;
    public final int[] fanTarget;
    public final int[] fanLevel;
    /** Per core input list: lane bundles. */
    public final int[] bundles;
    /** Per core neuron (concatenated): Θ, and whether it is dead. */
    public final long[] theta;
    public final boolean[] dead;
    /** Per core input list: start of its positions in posList (absolute). */
    public final int[] posStart;
    public final int[] posList;
    /** Per minpool output element: start of its window's input taps (absolute); one past the last at the end. */
    public final int[] tapStart;
    public final int[] taps;
    /** Per minpool output element: whether its window has pad taps. */
    public final boolean[] padded;
    public final int tickWords;
    /** The tick of a silent input: the host sends events for the others only. */
    public final int inputNoSpikeTick;
    public final int horizon;
    public final long[] zHi;
    public final long[] zLo;
    public final long zHalf;
    public final int zFractionBits;
    public final int thresholdFractionBits;
    public final int lanes;
    public final int neuronUnits;

    private HardwareImage(Builder b, SimProgram p) {
        this.stages = List.copyOf(b.stages);
        this.feeds = List.copyOf(b.feeds);
        this.pairFrom = b.pairFrom.toArray();
        this.pairTo = b.pairTo.toArray();
        this.pairDelay = b.pairDelay.toArray();
        this.fanStart = b.fanStart.toArray();
        this.fanTarget = b.fanTarget.toArray();
        this.fanLevel = b.fanLevel.toArray();
        this.bundles = b.bundles.toArray();
        this.theta = b.theta.stream().mapToLong(Long::longValue).toArray();
        this.dead = toBooleans(b.dead);
        this.posStart = b.posStart.toArray();
        this.posList = b.posList.toArray();
        this.tapStart = b.tapStart.toArray();
        this.taps = b.taps.toArray();
        this.padded = toBooleans(b.padded);
        this.tickWords = b.tickWords;
        this.inputNoSpikeTick = ((org.firstspike.ir.IrOp.Input) p.ir().nodes().get(0).op()).noSpikeTick();
        this.horizon = p.grid().horizon();
        this.zHi = p.table().hi();
        this.zLo = p.table().lo();
        this.zHalf = p.table().half();
        this.zFractionBits = p.table().fractionBits();
        this.thresholdFractionBits = p.grid().thresholdFractionBits();
        this.lanes = p.engine().lanes();
        this.neuronUnits = p.engine().neuronUnits();
    }

    private static boolean[] toBooleans(Ints v) {
        boolean[] out = new boolean[v.size];
        for (int i = 0; i < v.size; i++) {
            out[i] = v.data[i] != 0;
        }
        return out;
    }

    /** A program this version of the Verilog engine cannot run, with the reason. */
    public static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    /** The images of {@code p}; the Verilog engine runs one lane and one neuron unit. */
    public static HardwareImage of(SimProgram p) {
        if (p.engine().lanes() != 1 || p.engine().neuronUnits() != 1) {
            throw new Unsupported("the Verilog engine has one lane and one neuron unit so far; this target asks for "
                    + p.engine().lanes() + " lanes and " + p.engine().neuronUnits() + " neuron units");
        }
        Builder b = new Builder();
        List<Stage> st = p.stages();
        int[] tickBase = new int[st.size()];
        for (int s = 0; s < st.size(); s++) {
            tickBase[s] = b.tickWords;
            b.tickWords += st.get(s).size;
        }
        for (int s = 0; s < st.size(); s++) {
            b.add(st.get(s), tickBase, st.get(s) == p.output());
        }
        return new HardwareImage(b, p);
    }

    /** A growable int array: the images are built in one pass. */
    private static final class Ints {
        int[] data = new int[16];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    private static final class Builder {
        final List<StageDescriptor> stages = new ArrayList<>();
        final List<FeedDescriptor> feeds = new ArrayList<>();
        final Ints pairFrom = new Ints();
        final Ints pairTo = new Ints();
        final Ints pairDelay = new Ints();
        final Ints fanStart = new Ints();
        final Ints fanTarget = new Ints();
        final Ints fanLevel = new Ints();
        final Ints bundles = new Ints();
        final List<Long> theta = new ArrayList<>();
        final Ints dead = new Ints();
        final Ints posStart = new Ints();
        final Ints posList = new Ints();
        final Ints tapStart = new Ints();
        final Ints taps = new Ints();
        final Ints padded = new Ints();
        int tickWords;

        void add(Stage st, int[] tickBase, boolean output) {
            int feedFirst = feeds.size();
            for (Feed f : st.feeds) {
                if (f.pairs() == 0) {
                    continue; // a feed without pairs costs no gather cycle: the image leaves it out
                }
                feeds.add(new FeedDescriptor(tickBase[f.source()], pairFrom.size, f.pairs()));
                for (int i = 0; i < f.pairs(); i++) {
                    pairFrom.add(f.from()[i]);
                    pairTo.add(f.to()[i]);
                    pairDelay.add(f.delay() == null ? 0 : f.delay()[i]);
                }
            }
            int drop = st.dropFrom() == Integer.MAX_VALUE ? -1 : st.dropFrom();
            int feedCount = feeds.size() - feedFirst;
            if (st instanceof CoreStage c) {
                stages.add(core(c, tickBase, feedFirst, feedCount, drop, output));
            } else if (st instanceof MinPoolStage m) {
                stages.add(pool(m, tickBase, feedFirst, feedCount));
            } else if (st instanceof TimeAddStage t) {
                stages.add(new StageDescriptor(t.name, KIND_TIMEADD, t.size, tickBase[stages.size()], feedFirst,
                        feedCount, drop, 0, 0, 0, false, -1, 0, 0, 0, 0, 0, 0, 0, t.operands(), false));
            } else {
                stages.add(new StageDescriptor(st.name, KIND_INPUT, st.size, tickBase[stages.size()], feedFirst, 0,
                        drop, 0, 0, 0, false, -1, 0, 0, 0, 0, 0, 0, 0, 0, false));
            }
        }

        private StageDescriptor core(CoreStage c, int[] tickBase, int feedFirst, int feedCount, int drop,
                boolean output) {
            int fanBase = fanStart.size;
            int neuronBase = theta.size();
            int posBase = posStart.size;
            int targetBase = fanTarget.size;
            int posListBase = posList.size;
            int lists = c.fanStart.length - 1;
            for (int m = 0; m <= lists; m++) {
                fanStart.add(targetBase + c.fanStart[m]);
                posStart.add(posListBase + c.posStart[m]);
            }
            for (int k = 0; k < c.fanTarget.length; k++) {
                fanTarget.add(c.fanTarget[k]);
                fanLevel.add(c.fanLevel[k]);
            }
            for (int m = 0; m < lists; m++) {
                bundles.add(c.bundles[m]);
                // the quirk's position counters advance one per cycle of the event (the bias apart)
                boolean bias = c.biasTick >= 0 && m == c.biasElement();
                if (c.lastInputQuirk && !bias && c.posStart[m + 1] - c.posStart[m] > c.bundles[m]) {
                    throw new Unsupported("core '" + c.name + "': input " + m + " reaches " + (c.posStart[m + 1]
                            - c.posStart[m]) + " window positions but only " + c.bundles[m] + " synapse bundles, "
                            + "so its last_input_sentinel counters need more cycles than the cost model gives");
                }
            }
            for (int k = 0; k < c.posList.length; k++) {
                posList.add(c.posList[k]);
            }
            for (int j = 0; j < c.size; j++) {
                theta.add(c.theta[j]);
                dead.add(c.dead[j] ? 1 : 0);
            }
            return new StageDescriptor(c.name, KIND_CORE, c.size, tickBase[stages.size()], feedFirst, feedCount,
                    drop, c.outputs, c.positions, c.windowTaps, c.lastInputQuirk, c.biasTick,
                    c.biasTick >= 0 ? c.biasElement() : 0, fanBase, neuronBase, posBase, 0, 0, 0, 0, output);
        }

        private StageDescriptor pool(MinPoolStage m, int[] tickBase, int feedFirst, int feedCount) {
            // invert input element → windows into window → input taps
            int base = tapStart.size;
            int[] count = new int[m.size + 1];
            for (int w : m.windows) {
                count[w + 1]++;
            }
            for (int j = 0; j < m.size; j++) {
                count[j + 1] += count[j];
            }
            int[] list = new int[m.windows.length];
            int[] at = java.util.Arrays.copyOf(count, m.size);
            for (int e = 0; e + 1 < m.windowStart.length; e++) {
                for (int k = m.windowStart[e]; k < m.windowStart[e + 1]; k++) {
                    list[at[m.windows[k]]++] = e;
                }
            }
            int listBase = taps.size;
            for (int j = 0; j <= m.size; j++) {
                tapStart.add(listBase + count[j]);
            }
            for (int e : list) {
                taps.add(e);
            }
            int paddedBase = padded.size;
            for (boolean p : m.padded) {
                padded.add(p ? 1 : 0);
            }
            return new StageDescriptor(m.name, KIND_MINPOOL, m.size, tickBase[stages.size()], feedFirst,
                    feedCount, -1, 0, 0, 0, false, -1, 0, 0, 0, 0, base, paddedBase, m.padTick, 0, false);
        }
    }
}
