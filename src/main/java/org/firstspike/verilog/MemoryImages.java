package org.firstspike.verilog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.firstspike.sim.HardwareImage;

/**
 * Writes a {@link HardwareImage} as the $readmemh files hdl/fs_engine.v reads, one hex word per
 * line (two's complement for negative values), and the engine's size parameters. An empty array
 * is written as one zero word, because a Verilog memory has at least one entry.
 */
public final class MemoryImages {
    /** Words per stage descriptor, in HardwareImage.StageDescriptor order (fs_engine's NF). */
    public static final int STAGE_WORDS = 23;

    private MemoryImages() {
    }

    /** The engine's parameters, by name, in a fixed order; file parameters are names relative to the project. */
    public static Map<String, String> parameters(HardwareImage img, String dir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("LANES", Integer.toString(img.lanes));
        p.put("STAGES", Integer.toString(img.stages.size()));
        p.put("TICK_WORDS", Integer.toString(img.tickWords));
        p.put("INPUTS", Integer.toString(img.stages.get(0).size()));
        p.put("NO_SPIKE_TICK", Integer.toString(img.inputNoSpikeTick));
        p.put("FEEDS", Integer.toString(Math.max(1, img.feeds.size())));
        p.put("RUNS", Integer.toString(Math.max(1, img.runFrom.length)));
        p.put("FAN_LISTS", Integer.toString(Math.max(1, img.fanStart.length)));
        p.put("SYNAPSES", Integer.toString(Math.max(1, img.fanTarget.length)));
        p.put("KERNEL", Integer.toString(Math.max(1, img.kernel.length / img.lanes)));
        p.put("CHANNELS", Integer.toString(Math.max(1, img.chanBase.length)));
        p.put("PIXEL_BITS", Integer.toString(img.pixelBits));
        p.put("POS_STARTS", Integer.toString(Math.max(1, img.posStart.length)));
        p.put("NEURONS", Integer.toString(Math.max(1, img.dead.length / img.lanes)));
        p.put("THETAS", Integer.toString(Math.max(1, img.theta.length / img.lanes)));
        p.put("POS_ENTRIES", Integer.toString(Math.max(1, img.posList.length)));
        p.put("TAP_STARTS", Integer.toString(Math.max(1, img.tapStart.length)));
        p.put("TAP_ENTRIES", Integer.toString(Math.max(1, img.taps.length)));
        p.put("PADDED", Integer.toString(Math.max(1, img.padded.length)));
        p.put("MAX_EVENTS", Integer.toString(maxEvents(img)));
        p.put("MAX_CORE", Integer.toString(maxBank(img)));
        p.put("MAX_MERGE", Integer.toString(maxMerge(img)));
        p.put("MAX_OUTPUTS", Integer.toString(Math.max(1, (int) EngineClocks.outputs(img))));
        p.put("MAX_POSITIONS", Integer.toString(maxPositions(img)));
        p.put("MAX_TAPS", Integer.toString(maxTaps(img)));
        p.put("HORIZON", Integer.toString(img.horizon));
        p.put("HI_DEPTH", Integer.toString(img.zHi.length));
        p.put("ZC_DIRECT", img.directZc ? "1" : "0");
        p.put("ZC_DEPTH", Integer.toString(img.directZc ? img.zc.length : 1));
        p.put("MUL_A", Integer.toString(img.dspPortA));
        p.put("MUL_B", Integer.toString(img.dspPortB));
        p.put("F", Integer.toString(img.zFractionBits));
        p.put("G", Integer.toString(img.thresholdFractionBits));
        p.put("Z_HALF", "64'd" + img.zHalf);
        EngineWidths w = EngineWidths.of(img);
        p.put("A_BITS", Integer.toString(w.aBits()));
        p.put("B_BITS", Integer.toString(w.bBits()));
        p.put("TH_BITS", Integer.toString(w.thetaBits()));
        p.put("Z_BITS", Integer.toString(w.zBits()));
        p.put("W", Integer.toString(w.wordBits()));
        p.put("LEVEL_BITS", Integer.toString(w.levelBits()));
        p.put("TICK_BITS", Integer.toString(w.tickBits()));
        p.put("COUNT_BITS", Integer.toString(w.countBits()));
        p.put("SCRUB", scrubs(img) ? "1" : "0");
        p.put("EP_BITS", Integer.toString(epochBits(img)));
        for (String[] f : FILES) {
            p.put(f[0], '"' + dir + "/" + f[1] + '"');
        }
        return p;
    }

    private static final String[][] FILES = {
        {"STAGE_INIT", "stages.hex"}, {"FEED_INIT", "feeds.hex"}, {"RUNFROM_INIT", "run_from.hex"},
        {"RUNTO_INIT", "run_to.hex"}, {"RUNDELAY_INIT", "run_delay.hex"}, {"RUNLENGTH_INIT", "run_length.hex"},
        {"FANSTART_INIT", "fan_start.hex"}, {"FANTARGET_INIT", "fan_target.hex"}, {"FANCHAN_INIT", "fan_chan.hex"},
        {"KERNEL_INIT", "kernel.hex"}, {"CHANBASE_INIT", "chan_base.hex"},
        {"THETA_INIT", "theta.hex"}, {"DEAD_INIT", "dead.hex"}, {"POSSTART_INIT", "pos_start.hex"},
        {"POSLIST_INIT", "pos_list.hex"}, {"POSROW_INIT", "pos_row.hex"}, {"TAPSTART_INIT", "tap_start.hex"}, {"TAPS_INIT", "taps.hex"},
        {"PADDED_INIT", "padded.hex"}, {"HI_INIT", "z_hi.hex"}, {"LO_INIT", "z_lo.hex"}, {"ZC_INIT", "z_c.hex"}};

    /** Writes every image file into {@code dir}. */
    public static void write(HardwareImage img, Path dir) throws IOException {
        Files.createDirectories(dir);
        EngineWidths w = EngineWidths.of(img);
        int word = w.wordBits();
        StringBuilder sd = new StringBuilder();
        for (HardwareImage.StageDescriptor d : img.stages) {
            for (int v : descriptorWords(d)) {
                sd.append(hex(v, word)).append('\n');
            }
        }
        Files.writeString(dir.resolve("stages.hex"), sd.toString());
        StringBuilder fd = new StringBuilder();
        for (HardwareImage.FeedDescriptor f : img.feeds) {
            fd.append(hex(f.sourceTickBase(), word)).append('\n').append(hex(f.runBase(), word)).append('\n')
                    .append(hex(f.runs(), word)).append('\n');
        }
        Files.writeString(dir.resolve("feeds.hex"), orZero(fd, 3));
        ints(dir, "run_from.hex", img.runFrom, word);
        ints(dir, "run_to.hex", img.runTo, word);
        ints(dir, "run_delay.hex", img.runDelay, word);
        ints(dir, "run_length.hex", img.runLength, word);
        ints(dir, "fan_start.hex", img.fanStart, word);
        ints(dir, "fan_target.hex", img.fanTarget, word);
        ints(dir, "fan_chan.hex", img.fanChannel, word);
        lanes(dir, "kernel.hex", java.util.Arrays.stream(img.kernel).asLongStream().toArray(), img.lanes, w.levelBits());
        ints(dir, "chan_base.hex", img.chanBase, word);
        lanes(dir, "theta.hex", img.theta, img.lanes, w.thetaBits());
        long[] dead = new long[img.dead.length];
        for (int i = 0; i < dead.length; i++) {
            dead[i] = img.dead[i] ? 1 : 0;
        }
        lanes(dir, "dead.hex", dead, img.lanes, 1);
        ints(dir, "pos_start.hex", img.posStart, word);
        ints(dir, "pos_list.hex", img.posList, word);
        ints(dir, "pos_row.hex", img.posRow, word);
        ints(dir, "tap_start.hex", img.tapStart, word);
        ints(dir, "taps.hex", img.taps, word);
        bits(dir, "padded.hex", img.padded);
        longs(dir, "z_hi.hex", img.zHi, w.zBits());
        longs(dir, "z_lo.hex", img.zLo, w.zBits());
        longs(dir, "z_c.hex", img.directZc ? img.zc : new long[1], w.zBits());
    }

    /** Whether descriptor word k is a tick (signed: the drop, bias and pad ticks); the others are indices. */
    static boolean isTickWord(int k) {
        return k == 5 || k == 10 || k == 17;
    }

    /** A stage descriptor's STAGE_WORDS words, in fs_engine's order. */
    static int[] descriptorWords(HardwareImage.StageDescriptor d) {
        return new int[] {d.kind(), d.size(), d.tickBase(), d.feedFirst(), d.feedCount(), d.dropFrom(), d.chunks(),
            d.positions(), d.windowTaps(), d.quirk() ? 1 : 0, d.biasTick(), d.biasElement(), d.fanStartBase(),
            d.neuronBase(), d.posStartBase(), d.tapStartBase(), d.paddedBase(), d.padTick(), d.operands(),
            d.output() ? 1 : 0, d.channelBase(), d.inPixels(), d.thetaBase()};
    }

    private static String orZero(StringBuilder sb, int words) {
        return sb.length() > 0 ? sb.toString() : "0\n".repeat(words);
    }

    private static void ints(Path dir, String name, int[] v, int bits) throws IOException {
        longs(dir, name, java.util.Arrays.stream(v).asLongStream().toArray(), bits);
    }

    /** {@code bits}-wide words, two's complement, as many hex digits as the memory's width. */
    private static void longs(Path dir, String name, long[] v, int bits) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (long x : v) {
            sb.append(hex(x, bits)).append('\n');
        }
        Files.writeString(dir.resolve(name), orZero(sb, 1));
    }

    /** Words of {@code lanes} values of {@code bits} each, lane i in bits [i · bits, (i + 1) · bits). */
    private static void lanes(Path dir, String name, long[] flat, int lanes, int bits) throws IOException {
        StringBuilder sb = new StringBuilder();
        java.math.BigInteger mask = java.math.BigInteger.ONE.shiftLeft(bits).subtract(java.math.BigInteger.ONE);
        for (int w = 0; w + lanes <= flat.length; w += lanes) {
            java.math.BigInteger word = java.math.BigInteger.ZERO;
            for (int i = lanes - 1; i >= 0; i--) {
                word = word.shiftLeft(bits).or(java.math.BigInteger.valueOf(flat[w + i]).and(mask));
            }
            String h = word.toString(16);
            sb.append("0".repeat((lanes * bits + 3) / 4 - h.length())).append(h).append('\n');
        }
        Files.writeString(dir.resolve(name), orZero(sb, 1));
    }

    private static void bits(Path dir, String name, boolean[] v) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (boolean x : v) {
            sb.append(x ? "1\n" : "0\n");
        }
        Files.writeString(dir.resolve(name), orZero(sb, 1));
    }

    /** {@code v} as a {@code bits}-wide two's complement word in hex. */
    static String hex(long v, int bits) {
        long word = bits >= 64 ? v : v & ((1L << bits) - 1);
        return String.format(Locale.ROOT, "%0" + (bits + 3) / 4 + "x", word);
    }

    /**
     * Whether the engine scrubs its epoch tags while the host streams an image in: only when that takes
     * at least as many clocks (one per input) as the tagged memories have entries.
     */
    static boolean scrubs(HardwareImage img) {
        return img.stages.get(0).size() >= Math.max(maxBank(img), maxMerge(img));
    }

    /** Epoch tag bits: with the scrub, one image's epochs 1 .. stages; without, 32 (never reused in practice). */
    static int epochBits(HardwareImage img) {
        return scrubs(img) ? 32 - Integer.numberOfLeadingZeros(img.stages.size()) : 32;
    }

    /** The merge unit's entries: a time-add's elements, a minpool's input elements (channels × input pixels). */
    private static int maxMerge(HardwareImage img) {
        int m = maxSize(img, HardwareImage.KIND_TIMEADD);
        for (HardwareImage.StageDescriptor d : img.stages) {
            if (d.kind() == HardwareImage.KIND_MINPOOL) {
                m = Math.max(m, d.size() / d.positions() * d.inPixels());
            }
        }
        return m;
    }

    /** The neuron state's depth: the most bank addresses of a core (chunks × positions), at least 1. */
    static int maxBank(HardwareImage img) {
        int m = 1;
        for (HardwareImage.StageDescriptor d : img.stages) {
            if (d.kind() == HardwareImage.KIND_CORE) {
                m = Math.max(m, d.chunks() * d.positions());
            }
        }
        return m;
    }

    /** The largest stage of one kind (at least 1): the depth of that kind's per-element memories. */
    private static int maxSize(HardwareImage img, int kind) {
        int m = 1;
        for (HardwareImage.StageDescriptor d : img.stages) {
            if (d.kind() == kind) {
                m = Math.max(m, d.size());
            }
        }
        return m;
    }

    private static int maxPositions(HardwareImage img) {
        int m = 1;
        for (HardwareImage.StageDescriptor d : img.stages) {
            m = Math.max(m, d.positions());
        }
        return m;
    }

    /** The most events one stage can queue: its pairs, plus the bias. */
    private static int maxEvents(HardwareImage img) {
        int m = 1;
        for (HardwareImage.StageDescriptor d : img.stages) {
            int n = d.biasTick() >= 0 ? 1 : 0;
            for (int f = d.feedFirst(); f < d.feedFirst() + d.feedCount(); f++) {
                n += img.feeds.get(f).pairs();
            }
            m = Math.max(m, n);
        }
        return m;
    }

    /** The most input taps of one minpool window (at least 1). */
    static int maxTaps(HardwareImage img) {
        return Math.max(1, maxRun(img.tapStart));
    }

    /** The longest run between consecutive start offsets (lists concatenated per stage, one extra entry each). */
    private static int maxRun(int[] start) {
        int m = 0;
        for (int i = 0; i + 1 < start.length; i++) {
            m = Math.max(m, start[i + 1] - start[i]);
        }
        return m;
    }
}
