package org.firstspike.synth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.firstspike.device.Target;
import org.firstspike.report.Json;

/**
 * What synthesis of one top on one target used and how fast it runs.
 *
 * <p>{@code luts}, {@code ffs}, {@code brams}, {@code spram} and {@code dsps} come from Yosys's `stat`
 * of the design itself. {@code lcs} (iCE40 logic cells, LUT and FF packed together) and the
 * achieved {@code fmaxMhz} come from nextpnr-ice40; other families have no open place and route
 * here, so their {@code lcs} is null and {@code fmaxMhz} is the target's clock ({@link #fmaxSource}
 * says which); on Xilinx {@code timing} is the longest path by Yosys's cell delays, which bounds the
 * clock from above (null on other families). {@code brams} is in {@link #bramUnit}: iCE40 EBRs,
 * Xilinx 36-kbit equivalents.
 * When nextpnr needed the serial {@link IoWrapper} to fit the pins, {@code ioWrapper} is set and
 * {@code lcs} and {@code fmaxMhz} include the wrapper.
 */
public record SynthReport(Target target, String top, String family, int luts, Integer lcs, int ffs, double brams,
        String bramUnit, int spram, int dsps, Double fmaxMhz, String fmaxSource, Map<String, Double> fmaxPerClock,
        StaticTiming timing, int latches, Map<String, Integer> cells, Map<String, SynthLogs.Use> utilisation,
        IoWrapper.Info ioWrapper,
        String yosysVersion, String nextpnrVersion, double yosysSeconds, Double nextpnrSeconds, Path directory,
        Long clocksPerImage, Long engineCyclesPerImage) {

    public static final String FMAX_NEXTPNR = "nextpnr-ice40";
    public static final String FMAX_NEXTPNR_NO_CLOCK = "nextpnr-ice40 (no clocked path)";
    public static final String FMAX_TARGET_CLOCK = "target clock (no open place-and-route for this family)";

    /** This report with the clocks one image takes, for {@link #usPerImage()}. */
    public SynthReport withClocks(long clocks) {
        return withImageCost(clocks, null);
    }

    /** This report with the clocks one image takes and the simulator's engine cycles they come from (null: unknown). */
    public SynthReport withImageCost(long clocks, Long engineCycles) {
        return new SynthReport(target, top, family, luts, lcs, ffs, brams, bramUnit, spram, dsps, fmaxMhz, fmaxSource,
                fmaxPerClock, timing, latches, cells, utilisation, ioWrapper, yosysVersion, nextpnrVersion,
                yosysSeconds, nextpnrSeconds, directory, clocks, engineCycles);
    }

    /** This report with its logs and netlist in {@code dir} (where the command moved them). */
    public SynthReport withDirectory(Path dir) {
        return new SynthReport(target, top, family, luts, lcs, ffs, brams, bramUnit, spram, dsps, fmaxMhz, fmaxSource,
                fmaxPerClock, timing, latches, cells, utilisation, ioWrapper, yosysVersion, nextpnrVersion,
                yosysSeconds, nextpnrSeconds, dir, clocksPerImage, engineCyclesPerImage);
    }

    /** Microseconds per image at fmax: clocks / MHz. NaN when there is no fmax. */
    public double us(long clocksPerImage) {
        return fmaxMhz == null || fmaxMhz <= 0 ? Double.NaN : clocksPerImage / fmaxMhz;
    }

    /** {@link #us(long)} of the known clocks, or null when the clocks (or fmax) are not known. */
    public Double usPerImage() {
        if (clocksPerImage == null) {
            return null;
        }
        double us = us(clocksPerImage);
        return Double.isFinite(us) ? us : null;
    }

    /**
     * Whether the achieved fmax reaches the target's clock; without place and route false when the
     * cell delays alone exceed its period, else null (unknown).
     */
    public Boolean meetsTargetClock() {
        if (fmaxSource.startsWith(FMAX_NEXTPNR) && fmaxMhz != null) {
            return fmaxMhz >= target.clockMhz();
        }
        return timing != null && timing.fmaxBoundMhz() < target.clockMhz() ? Boolean.FALSE : null;
    }

    /** Microseconds per image at the clock {@code timing} allows at most: a lower bound; null when unknown. */
    public Double usPerImageAtLogicBound() {
        return timing == null || clocksPerImage == null ? null : clocksPerImage / timing.fmaxBoundMhz();
    }

    /** The resources the design uses beyond the device's, as "what used of available"; empty when it fits. */
    public java.util.List<String> overLimits() {
        return overLimits(target.resources(), luts, lcs, ffs, brams, spram, dsps);
    }

    /** Resources over the device's from Yosys's counts (and nextpnr's logic cells when known). */
    static java.util.List<String> overLimits(Target.Resources r, int luts, Integer lcs, int ffs, double brams, int spram,
            int dsps) {
        java.util.List<String> over = new java.util.ArrayList<>();
        int lutLimit = r.luts() > 0 ? r.luts() : r.logicCells();
        if (lutLimit > 0 && luts > lutLimit) {
            over.add(String.format(Locale.ROOT, "LUTs %,d of %,d", luts, lutLimit));
        }
        if (lcs != null && r.logicCells() > 0 && lcs > r.logicCells()) {
            over.add(String.format(Locale.ROOT, "logic cells %,d of %,d", lcs, r.logicCells()));
        }
        if (r.ffs() > 0 && ffs > r.ffs()) {
            over.add(String.format(Locale.ROOT, "flip-flops %,d of %,d", ffs, r.ffs()));
        }
        if (brams > r.ramBlocks()) {
            over.add(String.format(Locale.ROOT, "block RAM %s of %d", num(brams), r.ramBlocks()));
        }
        if (spram > r.spramBlocks()) {
            over.add(String.format(Locale.ROOT, "SPRAM %d of %d", spram, r.spramBlocks()));
        }
        if (dsps > r.dsps()) {
            over.add(String.format(Locale.ROOT, "DSPs %d of %d", dsps, r.dsps()));
        }
        return over;
    }

    public ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("target", target.name());
        o.put("family", family);
        o.put("device", target.device());
        o.put("package", target.devicePackage());
        o.put("top", top);
        o.put("fits", overLimits().isEmpty());
        com.fasterxml.jackson.databind.node.ArrayNode over = o.putArray("over_limits");
        overLimits().forEach(over::add);
        o.put("luts", luts);
        o.put("lut_type", Family.valueOf(family.toUpperCase(Locale.ROOT)).lutName());
        putNullable(o, "lcs", lcs);
        o.put("ffs", ffs);
        o.put("brams", brams);
        o.put("bram_unit", bramUnit);
        o.put("spram", spram);
        o.put("dsps", dsps);
        putNullable(o, "fmax_mhz", fmaxMhz);
        o.put("fmax_source", fmaxSource);
        ObjectNode clocks = o.putObject("fmax_per_clock_mhz");
        fmaxPerClock.forEach(clocks::put);
        if (timing == null) {
            o.putNull("logic_delay_ns");
            o.putNull("logic_fmax_bound_mhz");
            o.putNull("critical_path");
        } else {
            Json.put(o, "logic_delay_ns", timing.delayNs());
            Json.put(o, "logic_fmax_bound_mhz", Math.round(timing.fmaxBoundMhz() * 100) / 100.0);
            ObjectNode p = o.putObject("critical_path");
            p.put("start", timing.start());
            p.put("end", timing.end());
            p.put("cells", timing.cells());
            p.put("note", "Yosys sta: the cell delays of Yosys's xc7 library along the longest path, from the "
                    + "clock at the start register to the endpoint's input, without routing or setup; routing only "
                    + "adds, so the clock is at most logic_fmax_bound_mhz");
        }
        o.put("target_clock_mhz", target.clockMhz());
        Boolean meets = meetsTargetClock();
        if (meets == null) {
            o.putNull("meets_target_clock");
        } else {
            o.put("meets_target_clock", meets);
        }
        putNullable(o, "clocks_per_image", clocksPerImage);
        putNullable(o, "engine_cycles_per_image", engineCyclesPerImage);
        putNullable(o, "us_per_image", usPerImage());
        putNullable(o, "us_per_image_at_logic_bound", usPerImageAtLogicBound());
        o.put("latches", latches);
        if (ioWrapper == null) {
            o.putNull("io_wrapper");
        } else {
            ObjectNode w = o.putObject("io_wrapper");
            w.put("in_bits", ioWrapper.inBits());
            w.put("out_bits", ioWrapper.outBits());
            w.put("top_in_bits", ioWrapper.topInBits());
            w.put("top_out_bits", ioWrapper.topOutBits());
            w.put("ffs", ioWrapper.ffs());
            w.putPOJO("clocks", ioWrapper.clocks());
            w.put("note", "the top has more I/O than the package has pins: nextpnr placed it inside a serial "
                    + "I/O wrapper carrying its live bits (in_bits of top_in_bits shifted in, out_bits of "
                    + "top_out_bits read out through a multiplexer), whose flip-flops and multiplexer are included "
                    + "in lcs (not in luts/ffs)");
        }
        Target.Resources r = target.resources();
        ObjectNode avail = o.putObject("available");
        avail.put("logic_cells", r.logicCells());
        avail.put("luts", r.luts());
        avail.put("ffs", r.ffs());
        avail.put("ram_blocks", r.ramBlocks());
        avail.put("spram_blocks", r.spramBlocks());
        avail.put("dsps", r.dsps());
        ObjectNode c = o.putObject("cells");
        cells.forEach(c::put);
        ObjectNode u = o.putObject("nextpnr_utilisation");
        utilisation.forEach((k, v) -> {
            ObjectNode x = u.putObject(k);
            x.put("used", v.used());
            x.put("available", v.available());
        });
        ObjectNode tools = o.putObject("tools");
        tools.put("yosys", yosysVersion);
        if (nextpnrVersion == null) {
            tools.putNull("nextpnr_ice40");
        } else {
            tools.put("nextpnr_ice40", nextpnrVersion);
        }
        ObjectNode secs = o.putObject("seconds");
        secs.put("yosys", round(yosysSeconds));
        putNullable(secs, "nextpnr", nextpnrSeconds == null ? null : round(nextpnrSeconds));
        o.put("directory", directory.toString());
        return o;
    }

    public String text() {
        Target.Resources r = target.resources();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "synthesis of %s for %s (%s %s %s)%n", top, target.name(), family,
                target.device(), target.devicePackage()));
        row(s, "LUTs (" + Family.valueOf(family.toUpperCase(Locale.ROOT)).lutName() + ")", luts, false, r.luts());
        if (lcs != null) {
            row(s, "logic cells (ICESTORM_LC)", lcs, ioWrapper != null, r.logicCells());
        }
        row(s, "flip-flops", ffs, false, r.ffs());
        row(s, "block RAM", brams, false, r.ramBlocks());
        s.append("      ").append(bramUnit).append('\n');
        if (family.equals("ice40")) {
            row(s, "SPRAM (SB_SPRAM256KA)", spram, false, r.spramBlocks());
        }
        row(s, "DSP (" + Family.valueOf(family.toUpperCase(Locale.ROOT)).dspName() + ")", dsps, false, r.dsps());
        s.append(String.format(Locale.ROOT, "  %-28s %8d%n", "latches", latches));
        if (!overLimits().isEmpty()) {
            s.append(String.format(Locale.ROOT, "  %-28s %s%n", "DOES NOT FIT", String.join("; ", overLimits())));
        }
        String fmax = fmaxMhz == null ? "unknown" : String.format(Locale.ROOT, "%.2f MHz", fmaxMhz);
        Boolean meets = meetsTargetClock();
        if (!fmaxSource.startsWith(FMAX_NEXTPNR)) {
            s.append(String.format(Locale.ROOT, "  %-28s %s: %s%n", "fmax", fmax, fmaxSource));
        } else {
            s.append(String.format(Locale.ROOT, "  %-28s %s (%s)%s%n", "fmax", fmax + (ioWrapper == null ? "" : " *"),
                    fmaxSource, meets == null ? "" : String.format(Locale.ROOT, ", %s the target clock of %s MHz",
                            meets ? "meets" : "MISSES", num(target.clockMhz()))));
        }
        if (fmaxPerClock.size() > 1) {
            fmaxPerClock.forEach((k, v) -> s.append(String.format(Locale.ROOT, "      %s: %.2f MHz%n", k, v)));
        }
        if (timing != null) {
            boolean below = timing.fmaxBoundMhz() < target.clockMhz();
            s.append(String.format(Locale.ROOT, "  %-28s %.3f ns of cell delays over %d cells (Yosys sta, no "
                    + "routing): at most %.2f MHz, %s the target clock of %s MHz%n", "longest path", timing.delayNs(),
                    timing.cells(), timing.fmaxBoundMhz(), below ? "BELOW" : "not below", num(target.clockMhz())));
            s.append(String.format(Locale.ROOT, "      from %s%n      to %s%n", timing.start(), timing.end()));
        }
        if (clocksPerImage != null) {
            Double us = usPerImage();
            s.append(String.format(Locale.ROOT, "  %-28s %s (%d clocks / fmax%s)%n", "µs per image",
                    us == null ? "unknown" : String.format(Locale.ROOT, "%.3f", us), clocksPerImage,
                    engineCyclesPerImage == null ? "" : String.format(Locale.ROOT, "; %d engine cycles",
                            engineCyclesPerImage)));
            Double bound = usPerImageAtLogicBound();
            if (bound != null) {
                s.append(String.format(Locale.ROOT, "  %-28s %.3f or more (%d clocks at %.2f MHz, the longest "
                        + "path's bound)%n", "µs per image, logic bound", bound, clocksPerImage,
                        timing.fmaxBoundMhz()));
            }
        }
        if (ioWrapper != null) {
            s.append(String.format(Locale.ROOT, "  * placed inside a serial I/O wrapper (the live bits: %d of %d "
                    + "input bits shifted in, %d of %d output bits read out; %d FFs): the top has more I/O than the "
                    + "package has pins%n", ioWrapper.inBits(), ioWrapper.topInBits(), ioWrapper.outBits(),
                    ioWrapper.topOutBits(), ioWrapper.ffs()));
        }
        s.append(String.format(Locale.ROOT, "  %-28s %s, %.2f s%s%n", "tools", yosysVersion, yosysSeconds,
                nextpnrVersion == null ? "" : nextpnrSeconds == null ? "; " + nextpnrVersion + " not run"
                        : String.format(Locale.ROOT, "; %s, %.2f s", nextpnrVersion, nextpnrSeconds)));
        s.append(String.format(Locale.ROOT, "  %-28s %s%n", "logs and netlist", directory));
        return s.toString();
    }

    private static void row(StringBuilder s, String what, double used, boolean wrapped, int available) {
        String u = num(used) + (wrapped ? " *" : "");
        if (available > 0) {
            s.append(String.format(Locale.ROOT, "  %-28s %8s / %-8d %5.1f%%%n", what, u, available,
                    100.0 * used / available));
        } else {
            s.append(String.format(Locale.ROOT, "  %-28s %8s / -%n", what, u));
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static void putNullable(ObjectNode o, String key, Number v) {
        if (v == null) {
            o.putNull(key);
        } else if (v instanceof Integer i) {
            o.put(key, i);
        } else if (v instanceof Long l) {
            o.put(key, l);
        } else {
            Json.put(o, key, v.doubleValue());
        }
    }
}
