package org.firstspike.sim;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.device.Target;

/**
 * The memory images of the event engine (docs/architecture.md §3): every network-specific fact as
 * flat integer arrays, exactly the lists the cycle-accurate engine runs on, so the Verilog engine
 * that reads them does the same work in the same cycles. Stage 0 is the input; arrays that belong
 * to one kind of stage are concatenated over the stages of that kind, and each stage's descriptor
 * holds its bases.
 *
 * A core's synapses are not stored one by one: an event for input element m = (channel c, pixel s)
 * reaches the window positions listed for pixel s, and at each position p with tap t the kernel row
 * of (c, t) gives every output channel's level (docs/architecture.md §4.3). So a core's event word
 * (in the queue, and in the pair lists that feed it) is c · 2^{@link #pixelBits} + s, and its images
 * are the kernel rows, each channel's first row, and per pixel its (position, row offset) list.
 *
 * With L lanes, output channel o lives in lane (and state bank) o mod L, at chunk o / L: a kernel row is
 * K = ⌈outputs / L⌉ words of L levels, thresholds K words of L, and neuron (o, position p) sits in its
 * bank at address (o / L) · positions + p, where the dead bits are words of L too. Every lane of a
 * cycle uses the same address. The bias is one more kernel row (input channel C_in, pixel 0) whose
 * list names the (bank address, chunk) pairs that hold a synapse.
 */
public final class HardwareImage {
    public static final int KIND_INPUT = 0;
    public static final int KIND_CORE = 1;
    public static final int KIND_MINPOOL = 2;
    public static final int KIND_TIMEADD = 3;

    /** One stage's descriptor. Fields a kind does not use are 0. */
    public record StageDescriptor(String name, int kind, int size, int tickBase, int feedFirst, int feedCount,
            int dropFrom, int chunks, int positions, int windowTaps, boolean quirk, int biasTick, int biasElement,
            int fanStartBase, int neuronBase, int posStartBase, int tapStartBase, int paddedBase, int padTick, int operands,
            boolean output, int channelBase, int inPixels, int thetaBase) {
    }

    /** One feed: {@code runs} runs from {@code runBase} holding {@code pairs} pairs, reading ticks at {@code sourceTickBase}. */
    public record FeedDescriptor(int sourceTickBase, int runBase, int runs, int pairs) {
    }

    public final List<StageDescriptor> stages;
    public final List<FeedDescriptor> feeds;
    /**
     * The gather's pairs in runs: pair k of a run reads source element from + k and feeds input element
     * to + k (a core's: its event word) after the run's delay, for k below its length. Chunks, shuffles
     * and concatenations move whole channels, so a feed is a few runs, not one entry per pair.
     */
    public final int[] runFrom;
    public final int[] runTo;
    public final int[] runDelay;
    public final int[] runLength;
    /** Per core: start and end of its bias list in fanTarget/fanChannel (absolute; equal without a bias). */
    public final int[] fanStart;
    /** The bias lists, one entry per (position, chunk) with a synapse: its bank address and chunk. */
    public final int[] fanTarget;
    public final int[] fanChannel;
    /** Kernel words of L levels (word w's lane i at w · L + i); per core, row k's chunk c is word k · K + c. */
    public final int[] kernel;
    /** Per core input channel, then its bias row if it has a bias: the absolute word of its first kernel row. */
    public final int[] chanBase;
    /** Input element m of a core is channel m / pixels, pixel m % pixels; its event word packs them with this many pixel bits. */
    public final int pixelBits;
    /** Per core chunk (concatenated), words of L: Θ of output channel chunk · L + lane (0 past the last). */
    public final long[] theta;
    /** Per core bank address (concatenated), words of L: whether that neuron can never fire (past the last channel: true). */
    public final boolean[] dead;
    /** Per core pixel: start of its window positions in posList/posRow (absolute); one past the last at the end of each core. */
    public final int[] posStart;
    /** Per entry: the window position, and the offset of its tap's kernel row from the channel's first (tap · K). */
    public final int[] posList;
    public final int[] posRow;
    /**
     * Per minpool output pixel: start of its window's input pixels in taps (absolute); one past the last
     * at the end of each stage. Every channel has the same windows: output element c · outPixels + q
     * reads input elements c · inPixels + taps[k] (the descriptor's positions and inPixels).
     */
    public final int[] tapStart;
    public final int[] taps;
    /** Per minpool output pixel: whether its window has pad taps. */
    public final boolean[] padded;
    public final int tickWords;
    /** The tick of a silent input: the host sends events for the others only. */
    public final int inputNoSpikeTick;
    public final int horizon;
    public final long[] zHi;
    public final long[] zLo;
    public final long zHalf;
    /** Zc of every tick the tables cover, for the direct Zc table ({@link #directZc}). */
    public final long[] zc;
    /** Whether the Verilog engine's neuron unit reads {@link #zc} directly (target engine.direct_zc_table). */
    public final boolean directZc;
    /** The device multiplier's signed port widths the lanes tile their products to; 0 for none (target engine.dsp_ports). */
    public final int dspPortA;
    public final int dspPortB;
    public final int zFractionBits;
    public final int thresholdFractionBits;
    public final int lanes;
    public final int neuronUnits;

    private HardwareImage(Builder b, SimProgram p) {
        this.stages = List.copyOf(b.stages);
        this.feeds = List.copyOf(b.feeds);
        this.runFrom = b.runFrom.toArray();
        this.runTo = b.runTo.toArray();
        this.runDelay = b.runDelay.toArray();
        this.runLength = b.runLength.toArray();
        this.fanStart = b.fanStart.toArray();
        this.fanTarget = b.fanTarget.toArray();
        this.fanChannel = b.fanChannel.toArray();
        this.kernel = b.kernel.toArray();
        this.chanBase = b.chanBase.toArray();
        this.pixelBits = b.pixelBits;
        this.theta = b.theta.stream().mapToLong(Long::longValue).toArray();
        this.dead = toBooleans(b.dead);
        this.posStart = b.posStart.toArray();
        this.posList = b.posList.toArray();
        this.posRow = b.posRow.toArray();
        this.tapStart = b.tapStart.toArray();
        this.taps = b.taps.toArray();
        this.padded = toBooleans(b.padded);
        this.tickWords = b.tickWords;
        this.inputNoSpikeTick = ((org.firstspike.ir.IrOp.Input) p.ir().nodes().get(0).op()).noSpikeTick();
        this.horizon = p.grid().horizon();
        this.zHi = p.table().hi();
        this.zLo = p.table().lo();
        this.zHalf = p.table().half();
        this.zc = java.util.stream.IntStream.rangeClosed(0, p.table().horizon()).mapToLong(p.table()::zc).toArray();
        this.directZc = p.engine().directZc();
        this.dspPortA = p.engine().dspPortA();
        this.dspPortB = p.engine().dspPortB();
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

    /** Whether the Verilog engine implements {@code e}: L lanes, one neuron unit, one element per cycle on the streams. */
    public static boolean implemented(Target.Engine e) {
        return e.neuronUnits() == 1 && e.stream() == 1;
    }

    /** The images of {@code p}; the Verilog engine runs L lanes, one neuron unit and streams one element per cycle. */
    public static HardwareImage of(SimProgram p) {
        if (!implemented(p.engine())) {
            throw new Unsupported("the Verilog engine has one neuron unit and streams one element per cycle so far; "
                    + "this target asks for " + p.engine().neuronUnits() + " neuron units and a stream width of "
                    + p.engine().stream() + " (" + p.engine().lanes() + " lanes are fine)");
        }
        List<Stage> st = p.stages();
        int pixels = 1;
        for (Stage s : st) {
            if (s instanceof CoreStage c) {
                pixels = Math.max(pixels, c.kernel.spatial());
            }
        }
        Builder b = new Builder(32 - Integer.numberOfLeadingZeros(Math.max(1, pixels - 1)), p.engine().lanes());
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
        final Ints runFrom = new Ints();
        final Ints runTo = new Ints();
        final Ints runDelay = new Ints();
        final Ints runLength = new Ints();
        final Ints fanStart = new Ints();
        final Ints fanTarget = new Ints();
        final Ints fanChannel = new Ints();
        final Ints kernel = new Ints();
        final Ints chanBase = new Ints();
        final List<Long> theta = new ArrayList<>();
        final Ints dead = new Ints();
        final Ints posStart = new Ints();
        final Ints posList = new Ints();
        final Ints posRow = new Ints();
        final Ints tapStart = new Ints();
        final Ints taps = new Ints();
        final Ints padded = new Ints();
        final int pixelBits;
        final int lanes;
        int tickWords;

        Builder(int pixelBits, int lanes) {
            this.pixelBits = pixelBits;
            this.lanes = lanes;
        }

        /** Core c's event word for input element m: its channel and pixel. */
        private int eventWord(CoreStage c, int m) {
            return m / c.kernel.spatial() << pixelBits | m % c.kernel.spatial();
        }

        void add(Stage st, int[] tickBase, boolean output) {
            int feedFirst = feeds.size();
            for (Feed f : st.feeds) {
                if (f.pairs() == 0) {
                    continue; // a feed without pairs costs no gather cycle: the image leaves it out
                }
                int first = runFrom.size;
                for (int i = 0; i < f.pairs(); i++) {
                    int to = st instanceof CoreStage c ? eventWord(c, f.to()[i]) : f.to()[i];
                    int delay = f.delay() == null ? 0 : f.delay()[i];
                    int last = runFrom.size - 1;
                    if (last >= first && f.from()[i] == runFrom.data[last] + runLength.data[last]
                            && to == runTo.data[last] + runLength.data[last] && delay == runDelay.data[last]) {
                        runLength.data[last]++;
                    } else {
                        runFrom.add(f.from()[i]);
                        runTo.add(to);
                        runDelay.add(delay);
                        runLength.add(1);
                    }
                }
                feeds.add(new FeedDescriptor(tickBase[f.source()], first, runFrom.size - first, f.pairs()));
            }
            int drop = st.dropFrom() == Integer.MAX_VALUE ? -1 : st.dropFrom();
            int feedCount = feeds.size() - feedFirst;
            if (st instanceof CoreStage c) {
                stages.add(core(c, tickBase, feedFirst, feedCount, drop, output));
            } else if (st instanceof MinPoolStage m) {
                stages.add(pool(m, tickBase, feedFirst, feedCount));
            } else if (st instanceof TimeAddStage t) {
                stages.add(new StageDescriptor(t.name, KIND_TIMEADD, t.size, tickBase[stages.size()], feedFirst,
                        feedCount, drop, 0, 0, 0, false, -1, 0, 0, 0, 0, 0, 0, 0, t.operands(), false, 0, 0, 0));
            } else {
                stages.add(new StageDescriptor(st.name, KIND_INPUT, st.size, tickBase[stages.size()], feedFirst, 0,
                        drop, 0, 0, 0, false, -1, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0));
            }
        }

        private StageDescriptor core(CoreStage c, int[] tickBase, int feedFirst, int feedCount, int drop,
                boolean output) {
            int chunks = (c.outputs + lanes - 1) / lanes;
            int fanBase = fanStart.size;
            int neuronBase = dead.size / lanes;
            int thetaBase = theta.size() / lanes;
            int posBase = posStart.size;
            int chanFirst = chanBase.size;
            boolean bias = c.biasTick >= 0;
            CoreStage.Kernel kn = c.kernel;
            for (int ch = 0; ch < kn.channels(); ch++) {
                chanBase.add(kernel.size / lanes + ch * kn.taps() * chunks);
            }
            for (int row = 0; row < kn.channels() * kn.taps(); row++) {
                addRow(kn.rows(), row * c.outputs, c.outputs, chunks);
            }
            fanStart.add(fanTarget.size);
            if (bias) {
                addBias(c, chunks);
            }
            fanStart.add(fanTarget.size);
            // channel 0's elements are the pixels; every channel's element of a pixel has its positions
            for (int px = 0; px < kn.spatial(); px++) {
                posStart.add(posList.size);
                for (int k = c.posStart[px]; k < c.posStart[px + 1]; k++) {
                    posList.add(c.posList[k]);
                    posRow.add(c.posTap[k] * chunks);
                }
            }
            posStart.add(posList.size);
            checkPixelLists(c);
            for (int o = 0; o < chunks * lanes; o++) {
                theta.add(o < c.outputs ? c.theta[o * c.positions] : 0L);
            }
            for (int k = 0; k < chunks; k++) {
                for (int q = 0; q < c.positions; q++) {
                    for (int i = 0; i < lanes; i++) {
                        int o = k * lanes + i;
                        dead.add(o >= c.outputs || c.dead[o * c.positions + q] ? 1 : 0);
                    }
                }
            }
            return new StageDescriptor(c.name, KIND_CORE, c.size, tickBase[stages.size()], feedFirst, feedCount,
                    drop, chunks, c.positions, c.windowTaps, c.lastInputQuirk, c.biasTick,
                    bias ? kn.channels() << pixelBits : 0, fanBase, neuronBase, posBase, 0, 0, 0, 0, output, chanFirst, 0,
                    thetaBase);
        }

        /**
         * The bias: one more kernel row, each channel's level (0 where no neuron of it takes one: all
         * idle), and its list of (bank address, chunk) groups.
         */
        private void addBias(CoreStage c, int chunks) {
            int[] level = new int[c.outputs];
            int from = c.fanStart[c.biasElement()];
            int to = c.fanStart[c.biasElement() + 1];
            for (int k = from; k < to; k++) {
                level[c.fanTarget[k] / c.positions] = c.fanLevel[k];
            }
            chanBase.add(kernel.size / lanes);
            addRow(level, 0, c.outputs, chunks);
            java.util.BitSet groups = CoreCompiler.biasGroups(c.fanTarget, from, to, c.positions, lanes);
            for (int g = groups.nextSetBit(0); g >= 0; g = groups.nextSetBit(g + 1)) {
                fanTarget.add(g);
                fanChannel.add(g / c.positions);
            }
        }

        /** One kernel row, levels[from + o] for o below outputs: K words of L, channel o at lane o mod L of word o / L. */
        private void addRow(int[] levels, int from, int outputs, int chunks) {
            for (int o = 0; o < chunks * lanes; o++) {
                kernel.add(o < outputs ? levels[from + o] : 0);
            }
        }

        /** The images hold one position list per pixel: every channel's element there must have the same one. */
        private static void checkPixelLists(CoreStage c) {
            CoreStage.Kernel kn = c.kernel;
            for (int m = kn.spatial(); m < c.inputSize(); m++) {
                int px = m % kn.spatial();
                int shift = m / kn.spatial() * kn.taps();
                int n = c.posStart[m + 1] - c.posStart[m];
                boolean same = n == c.posStart[px + 1] - c.posStart[px];
                for (int k = 0; same && k < n; k++) {
                    same = c.posList[c.posStart[m] + k] == c.posList[c.posStart[px] + k]
                            && c.posTap[c.posStart[m] + k] == c.posTap[c.posStart[px] + k] + shift;
                }
                if (!same) {
                    throw new IllegalStateException("core '" + c.name + "': input " + m + " has other window "
                            + "positions than pixel " + px + " of channel 0");
                }
            }
        }

        private StageDescriptor pool(MinPoolStage m, int[] tickBase, int feedFirst, int feedCount) {
            // invert input element → windows into window → input taps, for channel 0's output pixels
            int base = tapStart.size;
            int[][] window = windowsOf(m);
            for (int q = 0; q < m.outPixels; q++) {
                tapStart.add(taps.size);
                for (int e : window[q]) {
                    taps.add(e);
                }
            }
            tapStart.add(taps.size);
            int paddedBase = padded.size;
            for (int q = 0; q < m.outPixels; q++) {
                padded.add(m.padded[q] ? 1 : 0);
            }
            checkChannels(m, window);
            return new StageDescriptor(m.name, KIND_MINPOOL, m.size, tickBase[stages.size()], feedFirst,
                    feedCount, -1, 0, m.outPixels, 0, false, -1, 0, 0, 0, 0, base, paddedBase, m.padTick, 0, false, 0,
                    m.inPixels, 0);
        }

        /** Every output element's window: its input elements, ascending. */
        private static int[][] windowsOf(MinPoolStage m) {
            int[] count = new int[m.size];
            for (int w : m.windows) {
                count[w]++;
            }
            int[][] window = new int[m.size][];
            for (int j = 0; j < m.size; j++) {
                window[j] = new int[count[j]];
            }
            int[] at = new int[m.size];
            for (int e = 0; e + 1 < m.windowStart.length; e++) {
                for (int k = m.windowStart[e]; k < m.windowStart[e + 1]; k++) {
                    window[m.windows[k]][at[m.windows[k]]++] = e;
                }
            }
            return window;
        }

        /** The images hold channel 0's windows: every channel's must be the same, shifted by its channel. */
        private static void checkChannels(MinPoolStage m, int[][] window) {
            for (int j = m.outPixels; j < m.size; j++) {
                int q = j % m.outPixels;
                int shift = j / m.outPixels * m.inPixels;
                boolean same = window[j].length == window[q].length && m.padded[j] == m.padded[q];
                for (int k = 0; same && k < window[j].length; k++) {
                    same = window[j][k] == window[q][k] + shift;
                }
                if (!same) {
                    throw new IllegalStateException("minpool '" + m.name + "': output " + j
                            + " has another window than pixel " + q + " of channel 0");
                }
            }
        }
    }
}
