package org.firstspike.verilog;

import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.firstspike.sim.CoreCycles;
import org.firstspike.sim.HardwareImage;
import org.firstspike.sim.SimResult;
import org.firstspike.sim.StageStats;

/**
 * Clocks the Verilog engine spends on an image, from the simulator's engine cycles
 * (docs/architecture.md §6.1). Its memories are block RAM with registered reads, so a cycle spans
 * as many clocks as its chain of dependent reads plus the commit: {@link #PHASES} in general; the
 * host's input one clock; a minpool output write one clock per tap of its window plus four, less two
 * when it follows a write of the same channel (the commit before read its tap range and first tap
 * ahead) and one when it starts a channel after the first (its tap range read ahead); a decoder cycle
 * two clocks per piece of its crossing products plus two. Shorter cycles: a core event's later cycles
 * keep the reads that do not change (CoreCycles) — the next chunk of channels, or the next position
 * or bias entry, one clock; the gather's next pair of a run one; a time-add arrival three, a minpool
 * arrival two (its queue entry, then the commit: it writes its tick, reading nothing); the neuron
 * unit's cycles five (the table lookup of the tick under test from the first clock, then the firing
 * test registered), three with the direct Zc table (one read).
 * A tick change takes one clock, three in a stage's first, and reads the bucket's head entry, so the
 * tick's first event starts a clock into its chain (not in a minpool stage).
 * An event that follows another of the same tick (core or merge) starts a clock later in its chain:
 * the last commit of the one before reads its queue entry ahead; a core's starts three clocks later:
 * its position-list start and channel base were read while the one before ran, so that commit reads
 * its first position entry and kernel row (or bias entry) too. A resolution whose range comes from
 * the neuron's state alone (no firing test) takes two. With the direct Zc table a binary-search step
 * takes two, the test and the commit: its state read stays from the cycle that set the range, which
 * read the first step's Zc, and each step reads both possible next ticks' Zc.
 * Must match hdl/fs_engine.v (PHASES, pool_last, DECODE_PHASES, MERGE_PHASES, UNIT_PHASES, next_ph);
 * co-simulation checks it on every image.
 */
public final class EngineClocks {
    /** Clocks per engine cycle: the longest chain of dependent reads (event, position list start, position entry, kernel level and state) and the commit. */
    public static final int PHASES = 5;
    /** Clocks of an event cycle that moves to the event's next position or bias entry: read ahead in the commit clock before it, the entry from the list's second port. */
    public static final int POSITION_STEP = 1;
    /** Clocks of an event cycle that moves to the next chunk of output channels: read ahead in the commit clock before it. */
    public static final int CHUNK_STEP = 1;
    /** Clocks of a time-add stage's event cycle: its queue entry, then the element's sum and count, then the commit. */
    public static final int MERGE_PHASES = 3;
    /** Clocks of a minpool stage's event cycle: its queue entry, then the commit (an arrival writes its tick, reading nothing). */
    public static final int POOL_ARRIVAL_PHASES = 2;
    /** Clocks of a gather cycle that moves to the next pair of a run: its source tick and bucket were read ahead (the queue reads write-first). */
    public static final int PAIR_STEP = 1;
    /** Clocks of a resolution that needs no firing test (CoreCycles): the neuron's state and dead bit, then the commit. */
    public static final int QUICK_RESOLUTION = 2;
    /**
     * Clocks of a tick change after a stage's first: the queue's next nonempty tick and its bucket's
     * head were read since the tick change before.
     */
    public static final int TICK_PHASES = 1;
    /** Clocks of a stage's first tick change: the occupancy word and then the head, after the gather's last push. */
    public static final int FIRST_TICK_PHASES = 3;
    /**
     * Clocks a tick's first event saves, in a core or time-add stage: the tick change's commit read
     * its queue entry (the bucket's head) and looked up Z of the tick. (A minpool's first arrival
     * does not: at one clock the next tick change would come before the queue's map settled.)
     */
    public static final int TICK_READ_AHEAD = 1;
    /** Clocks a follow-on event saves: the previous event's last commit read its queue entry. */
    public static final int QUEUE_READ_AHEAD = 1;
    /**
     * Clocks a core's follow-on event saves besides: the event before held its own entry and lists in
     * registers and read this one's entry, position-list start and channel base while it ran, so its
     * last commit read this one's first position entry and kernel row (or bias entry) too.
     */
    public static final int LIST_READ_AHEAD = 2;
    /**
     * Clocks of a neuron-unit cycle (probe, search, resolution, search step): the 3-clock table lookup,
     * the firing test (registered, so the product and compare and what the commit decides with them
     * are apart), then the commit.
     */
    public static final int UNIT_PHASES = 5;
    /** The same with the direct Zc table (target engine.direct_zc_table): one read, the test, then the commit. */
    public static final int DIRECT_UNIT_PHASES = 3;
    /**
     * Clocks of a binary-search step with the direct Zc table: the firing test and the commit alone
     * (the cycle before read the neuron's state and the step's Zc).
     */
    public static final int DIRECT_STEP = 2;

    private EngineClocks() {
    }

    /** Clocks from the first input to done, for an image the simulator ran with early exit. */
    public static long clocks(HardwareImage img, SimResult r) {
        long inputs = img.stages.get(0).size();
        CoreCycles core = r.coreCyclesToDecision();
        long ticks = tickChanges(img, r);
        return inputs + PHASES * (r.cyclesToDecision() - inputs) + poolClocks(img) - PHASES * poolWrites(img)
                + (decodePhases(img) - PHASES) * outputs(img) - (PHASES - POSITION_STEP) * core.positionSteps()
                - (PHASES - CHUNK_STEP) * core.chunkSteps() - (PHASES - unitPhases(img)) * core.unitCycles()
                - (PHASES - PAIR_STEP) * pairSteps(img) - (PHASES - MERGE_PHASES) * mergeEvents(img, r)
                - (MERGE_PHASES - POOL_ARRIVAL_PHASES) * poolArrivals(img, r)
                - (PHASES - TICK_PHASES) * ticks - TICK_READ_AHEAD * (ticks - poolTickChanges(img, r))
                + (FIRST_TICK_PHASES - TICK_PHASES) * drainedStages(img, r)
                - QUEUE_READ_AHEAD * (core.followOns() + mergeFollowOns(img, r)) - LIST_READ_AHEAD * core.followOns()
                - (unitPhases(img) - QUICK_RESOLUTION) * core.quickResolutions()
                - (img.directZc ? DIRECT_UNIT_PHASES - DIRECT_STEP : 0) * core.searchSteps();
    }

    /** Clocks of a neuron-unit cycle on this image's engine. */
    public static int unitPhases(HardwareImage img) {
        return img.directZc ? DIRECT_UNIT_PHASES : UNIT_PHASES;
    }

    /** Arrivals at minpool and time-add stages before the output core: all their events, one cycle each. */
    static long mergeEvents(HardwareImage img, SimResult r) {
        return mergeStages(img, r).mapToLong(StageStats::events).sum();
    }

    /** Of those, the minpool stages' arrivals. */
    static long poolArrivals(HardwareImage img, SimResult r) {
        return stagesBeforeOutput(img, r, k -> k == HardwareImage.KIND_MINPOOL).mapToLong(StageStats::events).sum();
    }

    /** Of those, the arrivals that follow another of the same tick: all but the first of each tick. */
    static long mergeFollowOns(HardwareImage img, SimResult r) {
        return mergeStages(img, r).mapToLong(st -> st.events() - st.ticks()).sum();
    }

    private static Stream<StageStats> mergeStages(HardwareImage img, SimResult r) {
        return stagesBeforeOutput(img, r, k -> k != HardwareImage.KIND_CORE);
    }

    /**
     * Tick changes up to the decision: one per nonempty tick of the cores (events less those that
     * follow one of the same tick) and of the merge stages before the output core.
     */
    static long tickChanges(HardwareImage img, SimResult r) {
        CoreCycles core = r.coreCyclesToDecision();
        return core.starts() - core.followOns() + mergeEvents(img, r) - mergeFollowOns(img, r);
    }

    /** Of those, the minpool stages'. */
    static long poolTickChanges(HardwareImage img, SimResult r) {
        return stagesBeforeOutput(img, r, k -> k == HardwareImage.KIND_MINPOOL).mapToLong(StageStats::ticks).sum();
    }

    /** The stages up to the output core with an event to drain: each has one first tick change. */
    static long drainedStages(HardwareImage img, SimResult r) {
        int output = IntStream.range(1, img.stages.size()).filter(s -> img.stages.get(s).output()).findFirst()
                .orElse(img.stages.size() - 1);
        return IntStream.rangeClosed(1, output).filter(s -> r.stages().get(s - 1).events() > 0).count();
    }

    /** The statistics of the stages before the output core whose kind passes {@code kind}. */
    private static Stream<StageStats> stagesBeforeOutput(HardwareImage img, SimResult r, IntPredicate kind) {
        return IntStream.range(1, img.stages.size()).takeWhile(s -> !img.stages.get(s).output())
                .filter(s -> kind.test(img.stages.get(s).kind())).mapToObj(s -> r.stages().get(s - 1));
    }

    /**
     * The gather's cycles that move to the next pair of the same run, over the stages up to the output
     * core (whose gather precedes its decision): a feed's pairs less its runs.
     */
    static long pairSteps(HardwareImage img) {
        long n = 0;
        for (HardwareImage.StageDescriptor d : img.stages) {
            for (int f = d.feedFirst(); f < d.feedFirst() + d.feedCount(); f++) {
                n += img.feeds.get(f).pairs() - img.feeds.get(f).runs();
            }
            if (d.output()) {
                break;
            }
        }
        return n;
    }

    /**
     * Clocks of one decoder cycle: the crossing products B·A' run on the firing test's Z-wide multiplier,
     * ⌈B bits / Z bits⌉ pieces each, one per clock, then the commit (at least {@link #PHASES}).
     */
    public static int decodePhases(HardwareImage img) {
        EngineWidths w = EngineWidths.of(img);
        int chunks = (w.bBits() + w.zBits() - 1) / w.zBits();
        return Math.max(PHASES, 2 * chunks + 2);
    }

    /** The output core's neurons: the decoder takes one cycle each, once per image. */
    static long outputs(HardwareImage img) {
        return img.stages.stream().filter(HardwareImage.StageDescriptor::output).mapToLong(
                HardwareImage.StageDescriptor::size).sum();
    }

    /** Clocks a minpool write streamed after one of the same channel saves: its tap range and first tap were read ahead. */
    public static final int POOL_STREAM_AHEAD = 2;
    /** Clocks a minpool write that starts a later channel saves: its tap range was read ahead. */
    public static final int POOL_CHANNEL_AHEAD = 1;

    /**
     * Clocks of the minpool output writes before the output core: per write its window's taps plus
     * four, less the read-ahead of the writes that follow another.
     */
    static long poolClocks(HardwareImage img) {
        long n = 0;
        for (HardwareImage.StageDescriptor d : minpoolsBeforeOutput(img)) {
            int pixels = d.positions();
            long channels = d.size() / pixels;
            long perChannel = 0;
            for (int q = 0; q < pixels; q++) {
                perChannel += img.tapStart[d.tapStartBase() + q + 1] - img.tapStart[d.tapStartBase() + q] + 4;
            }
            n += channels * perChannel - POOL_STREAM_AHEAD * channels * (pixels - 1)
                    - POOL_CHANNEL_AHEAD * (channels - 1);
        }
        return n;
    }

    /** Minpool output writes before the output core: every element of every such stage, one cycle each. */
    static long poolWrites(HardwareImage img) {
        return minpoolsBeforeOutput(img).stream().mapToLong(HardwareImage.StageDescriptor::size).sum();
    }

    private static java.util.List<HardwareImage.StageDescriptor> minpoolsBeforeOutput(HardwareImage img) {
        return img.stages.stream().takeWhile(d -> !d.output()).filter(d -> d.kind() == HardwareImage.KIND_MINPOOL)
                .toList();
    }
}
