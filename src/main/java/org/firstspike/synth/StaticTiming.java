package org.firstspike.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The longest register-to-register path of a mapped Xilinx netlist by Yosys's {@code sta}: the sum
 * of the cell delays that Yosys's xc7 cell library states ({@code specify} blocks of
 * {@code xilinx/cells_sim.v}) along it, from the clock's arrival at the start register to the
 * endpoint's input, without routing or setup. Routing only adds, so {@code 1 / delay} bounds the
 * clock from above: a target clock beyond it cannot be met, one below it is not shown to be.
 *
 * @param delayNs the path's cell delays, in ns
 * @param start   the register (or input) the path starts from, with its cell type
 * @param end     the signal it ends at, with the endpoint's cell type and port
 * @param cells   the cells along it, the start and end cells included
 */
public record StaticTiming(double delayNs, String start, String end, int cells) {

    /** The clock this path allows at most, in MHz. */
    public double fmaxBoundMhz() {
        return 1000.0 / delayNs;
    }

    private static final Pattern LATEST = Pattern.compile("^Latest arrival time in '[^']*' is (\\d+):\\s*$");
    /** One cell of the path: its output's arrival (the endpoint's: its input's), name, type and ports. */
    private static final Pattern CELL = Pattern.compile("^\\s+(\\d+) (\\S+) \\(([^.()\\s]+)\\.(\\S+?)\\)\\s*$");
    private static final Pattern INPUT = Pattern.compile("^\\s+(\\d+)\\s+(\\S.*?) \\(<primary input>\\)\\s*$");
    /** The net into the cell above it: an indented name. */
    private static final Pattern NET = Pattern.compile("^\\s{5,}(\\S.*?)\\s*$");

    /** The global clock buffers: what comes after one on the path (towards the endpoint) is clocked by it. */
    private static boolean clockBuffer(String type) {
        return type.startsWith("BUFG") || type.startsWith("BUFH");
    }

    /** A Yosys script that runs {@code sta} on {@code netlist} (a mapped xc7 JSON netlist) into {@code report}. */
    static String script(String top, String netlist, String report) {
        return "# FirstSpike synth: the longest path of " + top + " by Yosys's cell delays (no routing)\n"
                + "read_json " + netlist + "\n"
                + "read_verilog -lib -specify +/xilinx/cells_sim.v +/xilinx/cells_xtra.v\n"
                + "hierarchy -top " + top + "\n"
                + "tee -o " + report + " sta\n";
    }

    private record Step(long arrival, String cell, String type, String ports, String net) {
        Step withNet(String n) {
            return new Step(arrival, cell, type, ports, n);
        }
    }

    /** The path {@code sta} printed, or null when it printed none (a design without clocked paths). */
    public static StaticTiming parse(String staOutput) {
        List<Step> path = new ArrayList<>();
        boolean in = false;
        for (String line : staOutput.split("\\R")) {
            if (LATEST.matcher(line).matches()) {
                in = true;
                path.clear();
                continue;
            }
            if (!in) {
                continue;
            }
            Matcher c = CELL.matcher(line);
            Matcher i = INPUT.matcher(line);
            Matcher n = NET.matcher(line);
            if (c.matches()) {
                path.add(new Step(Long.parseLong(c.group(1)), c.group(2), c.group(3), c.group(4), null));
            } else if (i.matches()) {
                path.add(new Step(Long.parseLong(i.group(1)), i.group(2), "input", "", null));
                in = false;
            } else if (n.matches() && !path.isEmpty() && path.get(path.size() - 1).net() == null) {
                path.set(path.size() - 1, path.get(path.size() - 1).withNet(n.group(1)));
            } else {
                in = false;
            }
        }
        return path.size() < 2 ? null : of(path);
    }

    /**
     * The path from its endpoint (first) back to the primary input it starts at (last): the clock,
     * through a global buffer to the start register, or a data input.
     */
    private static StaticTiming of(List<Step> path) {
        int buffer = 0;
        while (buffer < path.size() && !clockBuffer(path.get(buffer).type())) {
            buffer++;
        }
        String start;
        long from;
        int cells;
        if (buffer > 0 && buffer < path.size()) {  // the register the buffer clocks drives the net listed above it
            Step register = path.get(buffer - 1);
            start = (buffer >= 2 ? name(path.get(buffer - 2).net()) : name(register.cell())) + " (" + register.type()
                    + ")";
            from = path.get(buffer).arrival();
            cells = buffer;
        } else {
            start = name(path.get(path.size() - 1).cell()) + " (input)";
            from = path.get(path.size() - 1).arrival();
            cells = path.size() - 1;
        }
        Step endCell = path.get(0);
        String end = name(endCell.net()) + " (" + endCell.type() + "." + endCell.ports() + ")";
        return new StaticTiming((endCell.arrival() - from) / 1000.0, start, end, cells);
    }

    /** A Yosys net name as written in Verilog: no escaping backslash, the bit index joined. */
    private static String name(String yosysName) {
        String s = yosysName == null ? "?" : yosysName.trim();
        return (s.startsWith("\\") ? s.substring(1) : s).replace(" [", "[");
    }
}
