package org.firstspike.verilog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstspike.device.Target;
import org.firstspike.sim.HardwareImage;

/**
 * Every memory hdl/fs_engine.v instantiates for an image, with its depth and width: what synthesis
 * must place in RAM. {@code synth} checks it against the device before running Yosys, so a network
 * whose images cannot fit is refused in a second with the reason, not after an hour of mapping.
 */
public record ImageFootprint(List<Memory> memories) {

    /**
     * One memory: depth × width bits; {@code secondPort}: a list read at two addresses (fs_dual_rom),
     * one true dual-port block RAM on Xilinx but two copies in iCE40 EBR, which has one read port.
     */
    public record Memory(String name, long depth, int width, boolean secondPort) {
        Memory(String name, long depth, int width) {
            this(name, depth, width, false);
        }

        public long bits() {
            return depth * width;
        }
    }

    /** The memories' bits, each once (as Yosys counts them before mapping). */
    public long totalBits() {
        return memories.stream().mapToLong(Memory::bits).sum();
    }

    /** The block RAM bits the memories take on the target's family: on iCE40 a two-port list twice. */
    public long bitsOn(Target t) {
        boolean copies = t.family().equals("ice40");
        return totalBits() + memories.stream().filter(x -> copies && x.secondPort()).mapToLong(Memory::bits).sum();
    }

    /** The largest memory. */
    public Memory largest() {
        Memory m = memories.get(0);
        for (Memory x : memories) {
            if (x.bits() > m.bits()) {
                m = x;
            }
        }
        return m;
    }

    public static ImageFootprint of(HardwareImage img) {
        Map<String, String> p = MemoryImages.parameters(img, "mem");
        EngineWidths w = EngineWidths.of(img);
        List<Memory> m = new ArrayList<>();
        long stages = num(p, "STAGES");
        long fanLists = num(p, "FAN_LISTS");
        long synapses = num(p, "SYNAPSES");
        long maxCore = num(p, "MAX_CORE");
        long maxMerge = num(p, "MAX_MERGE");
        long maxEvents = num(p, "MAX_EVENTS");
        long horizon = num(p, "HORIZON");
        int word = w.wordBits();
        int lanes = img.lanes;
        m.add(new Memory("stage descriptors", stages * MemoryImages.STAGE_WORDS, word));
        m.add(new Memory("feeds", num(p, "FEEDS") * 3, word));
        for (String s : List.of("run_from", "run_to", "run_delay", "run_length")) {
            m.add(new Memory(s, num(p, "RUNS"), word));
        }
        m.add(new Memory("fan_start", fanLists, word, true));
        m.add(new Memory("fan_target", synapses, word, true));
        m.add(new Memory("kernel", num(p, "KERNEL"), lanes * w.levelBits()));
        m.add(new Memory("chan_base", num(p, "CHANNELS"), word));
        m.add(new Memory("fan_chan", synapses, word, true));
        m.add(new Memory("theta", num(p, "THETAS"), lanes * w.thetaBits()));
        m.add(new Memory("dead", num(p, "NEURONS"), lanes));
        m.add(new Memory("pos_start", num(p, "POS_STARTS"), word, true));
        m.add(new Memory("pos_list, pos_row", 2 * num(p, "POS_ENTRIES"), word, true));
        m.add(new Memory("tap_start", num(p, "TAP_STARTS"), word, true));
        m.add(new Memory("taps", num(p, "TAP_ENTRIES"), word));
        m.add(new Memory("padded", num(p, "PADDED"), 1));
        m.add(new Memory("ticks", num(p, "TICK_WORDS"), w.tickBits()));
        m.add(new Memory("queue heads", horizon + 2, word));
        m.add(new Memory("queue occupancy words", (horizon + 2 + 31) / 32, 32));
        m.add(new Memory("queue entries and links", 2 * maxEvents, word));
        m.add(new Memory("fired_list, fired_addr, fired_chunk, fired_mark, fired_last", 5 * num(p, "MAX_OUTPUTS"), word));
        m.add(new Memory("fired_lane", num(p, "MAX_OUTPUTS"), Math.max(1, 32 - Integer.numberOfLeadingZeros(lanes - 1))));
        // the neuron state: one bank per lane, each as deep as the largest core's bank addresses
        m.add(new Memory("st_a", lanes * maxCore, w.aBits()));
        m.add(new Memory("st_b", lanes * maxCore, w.bBits()));
        m.add(new Memory("st_mark, st_last", 2 * lanes * maxCore, word));
        m.add(new Memory("st_ep (epoch tags)", lanes * maxCore, MemoryImages.epochBits(img)));
        m.add(new Memory("acc_tick", maxMerge, word));
        m.add(new Memory("acc_count", maxMerge, w.countBits()));
        m.add(new Memory("acc_ep (epoch tags)", maxMerge, MemoryImages.epochBits(img)));
        m.add(new Memory("pos_count, pos_arrival", 2 * num(p, "MAX_POSITIONS"), word));
        m.add(new Memory("z_hi, z_lo", num(p, "HI_DEPTH") + 32, w.zBits()));
        if (img.directZc) {
            // two read ports: a search step reads both possible next ticks' Zc
            m.add(new Memory("zc (direct Zc table)", img.zc.length, w.zBits(), true));
        }
        return new ImageFootprint(List.copyOf(m));
    }

    /**
     * Null when the memories fit the target's block RAM, else why not. Only block RAM counts: the
     * engine's memories are inferred, and Yosys does not infer iCE40 SPRAM.
     */
    public String misfit(Target t) {
        long ram = t.resources().ramBits();
        if (bitsOn(t) <= ram) {
            return null;
        }
        Memory big = largest();
        return String.format(java.util.Locale.ROOT, "the engine's memories for this network need %,d bits; %s has %,d "
                + "bits of block RAM (%d × %,d). The largest is %s: %,d × %d bits", bitsOn(t), t.name(), ram,
                t.resources().ramBlocks(), t.resources().ramBlockBits(), big.name(), big.depth(), big.width());
    }

    private static long num(Map<String, String> p, String key) {
        return Long.parseLong(p.get(key));
    }
}
