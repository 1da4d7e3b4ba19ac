package org.firstspike.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A generated top that gives a wide design four pins (clk, sin, load, sout) so nextpnr can place it
 * on a small package. It carries only the top's live bits, as the bare top's Yosys netlist shows
 * them: an input bit no cell reads is tied to 0, and an output bit that is constant or repeats
 * another (a sign extension) is left out. While load is low the live inputs shift in from sin;
 * while it is high they hold and the live outputs are read out on sout one per clock, in order
 * from the first, through a registered multiplexer (sout after the k-th clock with load high is
 * output bit k − 2, from the second clock on, the design having seen its inputs for one clock).
 * Nothing the design uses is optimized away, its timing paths stay register to register
 * (the readout adds one: an output through the multiplexer to its flip-flop), and the wrapper's own
 * cost stays small: in_bits flip-flops, a selector, and a multiplexer of out_bits inputs.
 */
record IoWrapper(String top, List<Port> ports) {

    static final String MODULE = "fs_synth_io_wrapper";
    private static final Pattern CLOCK = Pattern.compile("(?i).*(clk|clock).*");
    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** A port and which of its bits the wrapper connects (index within the port). */
    record Port(String name, String direction, int width, List<Integer> live) {
        boolean clock() {
            return direction.equals("input") && width == 1 && CLOCK.matcher(name).matches();
        }
    }

    /** What the report says about a wrapper nextpnr ran on: bits carried, and of how many. */
    public record Info(int inBits, int outBits, int topInBits, int topOutBits, List<String> clocks) {
        /** The shift register, the readout selector and the readout flip-flop. */
        public int ffs() {
            return inBits + (outBits > 0 ? selectorBits(outBits) + 1 : 0);
        }
    }

    /** The ports of module {@code top} in a Yosys JSON netlist, with their live bits. */
    static IoWrapper fromNetlist(JsonNode netlist, String top) {
        JsonNode module = netlist.path("modules").path(top);
        JsonNode ports = module.path("ports");
        if (!ports.isObject()) {
            throw new SynthException(SynthException.Kind.TOOL_FAILED, "the Yosys netlist has no module " + top
                    + " with ports; cannot build the I/O wrapper");
        }
        Set<Integer> read = readBits(module);
        Set<Integer> seen = new HashSet<>();
        List<Port> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ports.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String dir = e.getValue().path("direction").asText();
            if (dir.equals("inout")) {
                throw new SynthException(SynthException.Kind.BAD_INPUT, top + " has more I/O than the package has "
                        + "pins, and its inout port " + e.getKey() + " cannot be wrapped");
            }
            JsonNode bits = e.getValue().path("bits");
            List<Integer> live = new ArrayList<>();
            for (int i = 0; i < bits.size(); i++) {
                JsonNode b = bits.get(i);
                // constants are strings ("0", "1", "x"); nets are numbers
                boolean net = b.isInt();
                if (dir.equals("input") ? net && read.contains(b.asInt()) : net && seen.add(b.asInt())) {
                    live.add(i);
                }
            }
            out.add(new Port(e.getKey(), dir, bits.size(), List.copyOf(live)));
        }
        return new IoWrapper(top, out);
    }

    /** Every net some cell connects to or an output port drives: what an input bit must reach to matter. */
    private static Set<Integer> readBits(JsonNode module) {
        Set<Integer> read = new HashSet<>();
        for (JsonNode cell : module.path("cells")) {
            for (JsonNode conn : cell.path("connections")) {
                conn.forEach(b -> {
                    if (b.isInt()) {
                        read.add(b.asInt());
                    }
                });
            }
        }
        for (JsonNode port : module.path("ports")) {
            if (port.path("direction").asText().equals("output")) {
                port.path("bits").forEach(b -> {
                    if (b.isInt()) {
                        read.add(b.asInt());
                    }
                });
            }
        }
        return read;
    }

    private int bits(String direction, boolean liveOnly) {
        return ports.stream().filter(p -> p.direction().equals(direction) && !p.clock())
                .mapToInt(p -> liveOnly ? p.live().size() : p.width()).sum();
    }

    int inBits() {
        return bits("input", true);
    }

    int outBits() {
        return bits("output", true);
    }

    Info info() {
        return new Info(inBits(), outBits(), bits("input", false), bits("output", false),
                ports.stream().filter(Port::clock).map(Port::name).toList());
    }

    static int selectorBits(int outBits) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(outBits - 1));
    }

    String verilog() {
        int in = inBits();
        int out = outBits();
        StringBuilder v = new StringBuilder();
        v.append("// Generated by FirstSpike synth: a serial I/O wrapper so that ").append(top)
                .append(" fits the package pins for place and route.\n");
        v.append("`default_nettype none\n");
        v.append("module ").append(MODULE).append(" (\n    input  wire clk,\n    input  wire sin,\n")
                .append("    input  wire load,\n    output wire sout\n);\n");
        if (in > 0) {
            v.append("    reg  [").append(in - 1).append(":0] fs_in = 0;\n");
        }
        int sel = selectorBits(Math.max(out, 1));
        if (out > 0) {
            v.append("    wire [").append(out - 1).append(":0] fs_out;\n");
            v.append("    reg  [").append(sel - 1).append(":0] fs_sel = 0;\n");
            v.append("    reg  fs_bit = 1'b0;\n");
        }
        for (Port p : ports) {
            if (p.direction().equals("output")) {
                v.append("    wire [").append(p.width() - 1).append(":0] ").append(wire(p)).append(";\n");
            }
        }
        v.append("    always @(posedge clk) begin\n");
        if (in > 0) {
            v.append(in == 1 ? "        if (!load) fs_in <= sin;\n"
                    : "        if (!load) fs_in <= {fs_in[" + (in - 2) + ":0], sin};\n");
        }
        if (out > 0) {
            // held at the last bit while shifting, so the second clock with load high reads bit 0
            String last = sel + "'d" + (out - 1);
            v.append("        fs_sel <= !load ? ").append(last).append(" : fs_sel == ").append(last).append(" ? ")
                    .append(sel).append("'d0 : fs_sel + ").append(sel).append("'d1;\n");
            v.append("        fs_bit <= fs_out[fs_sel];\n");
        }
        v.append("    end\n");
        v.append(out > 0 ? "    assign sout = fs_bit;\n" : "    assign sout = 1'b0;\n");
        List<String> outBits = new ArrayList<>();
        List<String> conns = new ArrayList<>();
        int inAt = 0;
        for (Port p : ports) {
            String sig;
            if (p.clock()) {
                sig = "clk";
            } else if (p.direction().equals("input")) {
                List<String> b = new ArrayList<>();
                for (int i = p.width() - 1; i >= 0; i--) {
                    b.add(p.live().contains(i) ? "fs_in[" + (inAt + p.live().indexOf(i)) + "]" : "1'b0");
                }
                inAt += p.live().size();
                sig = "{" + String.join(", ", b) + "}";
            } else {
                sig = wire(p);
                for (int i : p.live()) {
                    outBits.add(wire(p) + "[" + i + "]");
                }
            }
            conns.add("        ." + identifier(p.name()) + "(" + sig + ")");
        }
        if (out > 0) {
            // fs_out[0] is the first live output bit
            java.util.Collections.reverse(outBits);
            v.append("    assign fs_out = {").append(String.join(", ", outBits)).append("};\n");
        }
        v.append("    ").append(identifier(top)).append(" dut (\n");
        v.append(String.join(",\n", conns)).append("\n    );\nendmodule\n`default_nettype wire\n");
        return v.toString();
    }

    private static String wire(Port p) {
        return "fs_o_" + p.name().replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String identifier(String name) {
        return SIMPLE.matcher(name).matches() ? name : "\\" + name + " ";
    }
}
