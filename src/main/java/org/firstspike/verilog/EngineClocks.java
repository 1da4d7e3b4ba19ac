package org.firstspike.verilog;

import org.firstspike.sim.HardwareImage;

/**
 * Clocks the Verilog engine spends on an image, from the simulator's engine cycles
 * (docs/architecture.md §6): its memories are block RAM with registered reads, so an engine cycle
 * spans {@link #PHASES} clocks, the host's input cycles one clock each, a minpool output write one
 * clock per window tap plus four, and a decoder cycle two clocks per piece of its crossing products
 * plus two. Must match hdl/fs_engine.v's PHASES, POOL_PHASES and DECODE_PHASES; co-simulation checks
 * it on every image.
 */
public final class EngineClocks {
    /** Clocks per engine cycle: the longest chain of dependent reads (event, position list start, position entry, kernel level and state) and the commit. */
    public static final int PHASES = 5;

    private EngineClocks() {
    }

    /** Clocks from the first input to done, for an image that took {@code cycles} engine cycles to the decision. */
    public static long clocks(HardwareImage img, long cycles) {
        long inputs = img.stages.get(0).size();
        return inputs + PHASES * (cycles - inputs) + (poolPhases(img) - PHASES) * poolWrites(img)
                + (decodePhases(img) - PHASES) * outputs(img);
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

    /** Clocks of one minpool output write. */
    public static int poolPhases(HardwareImage img) {
        return MemoryImages.maxTaps(img) + 4;
    }

    /** Minpool output writes before the output core: every element of every such stage, one cycle each. */
    static long poolWrites(HardwareImage img) {
        long n = 0;
        for (HardwareImage.StageDescriptor d : img.stages) {
            if (d.output()) {
                break;
            }
            if (d.kind() == HardwareImage.KIND_MINPOOL) {
                n += d.size();
            }
        }
        return n;
    }
}
