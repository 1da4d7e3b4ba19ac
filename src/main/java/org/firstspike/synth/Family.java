package org.firstspike.synth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.firstspike.device.Target;

/** The synthesis flow of a target family: the Yosys commands and how its cells count as resources. */
enum Family {
    ICE40("ice40"),
    XC7("xc7"),
    GENERIC("generic");

    /** nextpnr-ice40's device flags (without the dashes). */
    static final List<String> ICE40_DEVICES = List.of("lp384", "lp1k", "lp4k", "lp8k", "hx1k", "hx4k", "hx8k",
            "up3k", "up5k", "u1k", "u2k", "u4k");

    /** Yosys's cell types of a latch, before and after technology mapping (LDCE/LDPE on Xilinx). */
    static final String LATCH_SELECTION = "t:$dlatch t:$adlatch t:$dlatchsr t:$_DLATCH_* t:$_DLATCHSR_* t:LDCE t:LDPE";

    final String word;

    Family(String word) {
        this.word = word;
    }

    static Family of(Target target) {
        String f = target.family() == null ? "" : target.family().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "ice40" -> ICE40;
            case "xc7", "xilinx", "artix7", "series7" -> XC7;
            case "generic" -> GENERIC;
            default -> throw new SynthException(SynthException.Kind.BAD_INPUT, "target " + target.name()
                    + " has family '" + target.family() + "'; synthesis knows ice40, xc7 (xilinx) and generic");
        };
    }

    /**
     * The synthesis commands after `proc`, ending with the netlist written to {@code netlist};
     * multipliers go to the DSP blocks where the device has them (UP5K's SB_MAC16), iCE40 LUTs are
     * mapped by ABC9.
     */
    String synthesize(String top, String netlist, boolean dsp) {
        return switch (this) {
            // -abc9: timing-driven LUT mapping; on the tiny network's HX8K engine 17.9 MHz instead of
            // 16.2 and 5 % fewer logic cells (README, synthesis table)
            case ICE40 -> "synth_ice40 -top " + top + (dsp ? " -dsp" : "") + " -abc9 -json " + netlist + "\n";
            // Writable memories of at most 256 words go to LUT RAM: Yosys would give each its own
            // RAMB18, and the engine's per-lane state banks are that small (the seed model's eight
            // banks: 16 BRAM36 more than the xc7a35t has, or about 4,500 LUTs)
            case XC7 -> "synth_xilinx -top " + top + " -family xc7 -flatten -run :map_memory\n"
                    + "setattr -set ram_style \"distributed\" t:$mem_v2 r:SIZE<=256 %i r:WR_PORTS>=1 %i\n"
                    + "synth_xilinx -top " + top + " -family xc7 -flatten -run map_memory:\n"
                    + "delete =A:blackbox\nwrite_json " + netlist + "\n";
            // `synth -lut 6` up to its fine stage, then its fine stage without memory_map: memories stay
            // $mem_v2 cells (counted as RAM blocks) instead of becoming flip-flops.
            case GENERIC -> "synth -top " + top + " -flatten -lut 6 -run :fine\n"
                    + "opt -fast -full\nopt -full\ntechmap\nopt -fast\nabc -fast -lut 6\nopt -fast\n"
                    + "hierarchy -check\ncheck\nwrite_json " + netlist + "\n";
        };
    }

    int luts(Map<String, Integer> cells) {
        return switch (this) {
            case ICE40 -> sum(cells, t -> t.equals("SB_LUT4"));
            case XC7 -> sum(cells, t -> t.matches("LUT[1-6]")) + lutRamLuts(cells);
            case GENERIC -> sum(cells, t -> t.equals("$lut"));
        };
    }

    String lutName() {
        return switch (this) {
            case ICE40 -> "SB_LUT4";
            case XC7 -> "LUT1-LUT6, and the LUTs of LUT RAM (RAM32M, RAM64M: 4; RAMnX1D: 2 per 64 words)";
            case GENERIC -> "6-input $lut";
        };
    }

    int ffs(Map<String, Integer> cells) {
        return switch (this) {
            case ICE40 -> sum(cells, t -> t.startsWith("SB_DFF"));
            case XC7 -> sum(cells, t -> t.matches("FD[CPRS]E(_1)?"));
            case GENERIC -> sum(cells, t -> t.startsWith("$_DFF") || t.startsWith("$_SDFF") || t.startsWith("$_ALDFF")
                    || t.startsWith("$_FF_") || t.equals("$dff") || t.equals("$sdff") || t.equals("$adff"));
        };
    }

    /** Block RAMs from the cell counts (generic counts its memories from the netlist instead). */
    double brams(Map<String, Integer> cells) {
        return switch (this) {
            case ICE40 -> sum(cells, t -> t.startsWith("SB_RAM40_4K"));
            case XC7 -> sum(cells, t -> t.equals("RAMB36E1") || t.equals("FIFO36E1"))
                    + 0.5 * sum(cells, t -> t.equals("RAMB18E1") || t.equals("FIFO18E1"));
            case GENERIC -> 0;
        };
    }

    String bramUnit(Target target) {
        return switch (this) {
            case ICE40 -> "SB_RAM40_4K (4-kbit EBR)";
            case XC7 -> "36-kbit equivalents (RAMB36E1 = 1, RAMB18E1 = 0.5)";
            case GENERIC -> "blocks of " + target.resources().ramBlockBits()
                    + " bits (generic: each memory rounded up; memories are not mapped)";
        };
    }

    int spram(Map<String, Integer> cells) {
        return this == ICE40 ? sum(cells, t -> t.equals("SB_SPRAM256KA")) : 0;
    }

    int dsps(Map<String, Integer> cells) {
        return switch (this) {
            case ICE40 -> sum(cells, t -> t.equals("SB_MAC16"));
            case XC7 -> sum(cells, t -> t.startsWith("DSP48E1"));
            case GENERIC -> 0;
        };
    }

    String dspName() {
        return switch (this) {
            case ICE40 -> "SB_MAC16";
            case XC7 -> "DSP48E1";
            case GENERIC -> "none (generic maps multipliers to LUTs)";
        };
    }

    /** The LUTs Xilinx LUT RAM cells occupy: RAMnX1S one per 64 words, RAMnX1D two, RAM32M and RAM64M four. */
    private static int lutRamLuts(Map<String, Integer> cells) {
        int luts = 4 * sum(cells, t -> t.equals("RAM32M") || t.equals("RAM64M"));
        for (Map.Entry<String, Integer> e : cells.entrySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("RAM(\\d+)X1([SD])").matcher(e.getKey());
            if (m.matches()) {
                int perPort = Math.max(1, Integer.parseInt(m.group(1)) / 64);
                luts += e.getValue() * perPort * (m.group(2).equals("D") ? 2 : 1);
            }
        }
        return luts;
    }

    private static int sum(Map<String, Integer> cells, Predicate<String> type) {
        return cells.entrySet().stream().filter(e -> type.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }
}
