package org.firstspike.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for what Yosys 0.23 and nextpnr-ice40 0.4 print: the cell counts of `stat`, nextpnr's
 * "Device utilisation" section and "Max frequency for clock" lines, and Yosys's latch messages.
 */
public final class SynthLogs {
    private SynthLogs() {
    }

    /** One resource line of nextpnr's "Device utilisation": used of available. */
    public record Use(int used, int available) {
    }

    private static final Pattern CELL_LINE = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");
    private static final Pattern UTIL_LINE = Pattern.compile("^Info:\\s+(\\S+):\\s+(\\d+)/\\s*(\\d+)\\s+\\d+%\\s*$");
    private static final Pattern FMAX = Pattern.compile(
            "Max frequency for clock\\s+'([^']*)':\\s+([0-9.]+) MHz(?: \\((PASS|FAIL) at ([0-9.]+) MHz\\))?");
    private static final Pattern LATCH = Pattern.compile("^Latch inferred for signal `(.+?)' from process `(.+?)'");
    private static final Pattern PROC_SOURCE = Pattern.compile("\\$proc\\$(.+?:\\d+)(?:\\$\\d+)?$");
    private static final Pattern IO_PLACEMENT = Pattern.compile(
            "Unable to find a placement location for cell '[^']*\\$sb_io'");

    /**
     * The cell types and counts of a Yosys `stat` output: the last "Number of cells" block, which
     * is the whole design's (the "design hierarchy" totals when the design is not flattened).
     */
    public static Map<String, Integer> cellCounts(String stat) {
        String[] lines = stat.split("\\R");
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith("Number of cells:")) {
                start = i + 1;
            }
        }
        Map<String, Integer> cells = new LinkedHashMap<>();
        if (start < 0) {
            return cells;
        }
        for (int i = start; i < lines.length; i++) {
            Matcher m = CELL_LINE.matcher(lines[i]);
            if (!m.matches()) {
                break;
            }
            cells.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
        }
        return cells;
    }

    /** nextpnr's "Device utilisation" lines: resource (ICESTORM_LC, ICESTORM_RAM, SB_IO, ...) to use. */
    public static Map<String, Use> utilisation(String nextpnrLog) {
        Map<String, Use> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : nextpnrLog.split("\\R")) {
            if (line.contains("Device utilisation:")) {
                in = true;
                out.clear();
                continue;
            }
            if (in) {
                Matcher m = UTIL_LINE.matcher(line);
                if (m.matches()) {
                    out.put(m.group(1), new Use(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                } else {
                    in = false;
                }
            }
        }
        return out;
    }

    /**
     * Max frequency per clock in MHz, from nextpnr's last timing report (after routing; the earlier
     * one is the placement estimate). Clock names lose nextpnr's "$SB_IO_IN_$glb_clk" suffixes.
     */
    public static Map<String, Double> maxFrequencies(String nextpnrLog) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = FMAX.matcher(nextpnrLog);
        while (m.find()) {
            out.put(clockName(m.group(1)), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    static String clockName(String raw) {
        String s = raw.replaceAll("\\$SB_IO_IN.*$", "").replaceAll("(\\$glb_clk|_\\$glb_clk)$", "");
        return s.isEmpty() ? raw : s;
    }

    /**
     * Latches Yosys reports: one "signal (file:line)" per "Latch inferred" line of `proc`, else
     * the cells of a failed latch assertion ("Selection contains:" after "Assertion failed").
     */
    public static List<String> latches(String yosysLog) {
        List<String> out = new ArrayList<>();
        String[] lines = yosysLog.split("\\R");
        for (String line : lines) {
            Matcher m = LATCH.matcher(line);
            if (m.find()) {
                String where = "";
                Matcher p = PROC_SOURCE.matcher(m.group(2));
                if (p.find()) {
                    where = " (" + p.group(1) + ")";
                }
                String item = unescape(m.group(1)) + where;
                if (!out.contains(item)) {
                    out.add(item);
                }
            }
        }
        if (!out.isEmpty() || !latchAssertionFailed(yosysLog)) {
            return out;
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Selection contains:")) {
                for (int j = i + 1; j < lines.length && !lines[j].isBlank() && !lines[j].startsWith("ERROR"); j++) {
                    String cell = lines[j].replaceAll("ERROR:.*$", "").trim();
                    if (!cell.isEmpty() && !out.contains(cell)) {
                        out.add(cell);
                    }
                }
                break;
            }
        }
        if (out.isEmpty()) {
            out.add("(cell names not in the log)");
        }
        return out;
    }

    /** Whether the log ends in the failed `select -assert-none` on latch cell types. */
    public static boolean latchAssertionFailed(String yosysLog) {
        for (String line : yosysLog.split("\\R")) {
            if (line.contains("Assertion failed: selection is not empty:") && line.toUpperCase().contains("LATCH")
                    || line.contains("Assertion failed: selection is not empty:") && line.contains("t:LD")) {
                return true;
            }
        }
        return false;
    }

    /** Whether nextpnr-ice40 failed because the top has more I/O than the package has pins. */
    public static boolean ioPlacementFailed(String nextpnrLog) {
        return IO_PLACEMENT.matcher(nextpnrLog).find();
    }

    /** "\top.\q" → "top.q". */
    static String unescape(String yosysName) {
        return yosysName.replace("\\", "");
    }

    /** The last {@code n} lines of a log. */
    public static String tail(String log, int n) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
