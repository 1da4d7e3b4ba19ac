package org.firstspike.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.firstspike.device.Targets;
import org.firstspike.report.Json;
import org.firstspike.testing.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.firstspike.testing.CliRun;

/**
 * SynthRunner on hdl/fs_sdp_ram.v behind a small clocked top: block RAM and an fmax from nextpnr on
 * iCE40, the target clock on xc7; latches and missing tools rejected with a message; and the log
 * parsers on output captured from real Yosys 0.23 and nextpnr-ice40 0.4 runs
 * (src/test/resources/synth/). Missing tools fail these tests, never skip them.
 */
class SynthRunnerTest {
    @TempDir
    Path dir;

    /** Drives the RAM from counters and a 1-bit serial input; reduces its output to one pin. */
    /** A RAM of 2^%1$d words of 16 bits, written and read every clock. */
    private static final String RAM_TOP = """
            `default_nettype none
            module ram_top (input wire clk, input wire din, output wire dout);
                reg [%1$d-1:0] waddr = 0;
                reg [%1$d-1:0] raddr = 0;
                reg [15:0] wdata = 0;
                reg [15:0] acc = 0;
                wire [15:0] rdata;
                always @(posedge clk) begin
                    waddr <= waddr + 1'b1;
                    raddr <= raddr + 2'd3;
                    wdata <= {wdata[14:0], din};
                    acc <= acc ^ rdata;
                end
                fs_sdp_ram #(.WIDTH(16), .DEPTH(1 << %1$d)) ram (.clk(clk), .we(1'b1), .waddr(waddr), .wdata(wdata),
                    .re(1'b1), .raddr(raddr), .rdata(rdata));
                assign dout = ^acc;
            endmodule
            `default_nettype wire
            """;

    private void ramDesign() throws IOException {
        ramDesign(8);
    }

    private void ramDesign(int addressBits) throws IOException {
        Files.copy(Hdl.lib("fs_sdp_ram.v"), dir.resolve("fs_sdp_ram.v"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("ram_top.v"), RAM_TOP.formatted(addressBits));
    }

    @Test
    void ice40MapsTheRamToEbrAndPlacesIt() throws IOException {
        ramDesign();
        SynthReport r = new SynthRunner().run(dir, "ram_top", Targets.load("ice40-up5k")).withClocks(2400);
        assertEquals("ice40", r.family());
        assertTrue(r.brams() >= 1, "RAM not in SB_RAM40_4K: " + r.cells());
        assertTrue(r.cells().getOrDefault("SB_RAM40_4K", 0) >= 1, r.cells().toString());
        assertTrue(r.luts() > 0 && r.ffs() > 0, r.cells().toString());
        assertNotNull(r.lcs());
        assertTrue(r.lcs() > 0 && r.lcs() >= r.luts(), "lcs " + r.lcs());
        assertEquals(SynthReport.FMAX_NEXTPNR, r.fmaxSource());
        assertTrue(r.fmaxMhz() != null && r.fmaxMhz() > 0, "fmax " + r.fmaxMhz());
        assertEquals(0, r.latches());
        assertNull(r.ioWrapper(), "three pins fit sg48");
        assertEquals(2400 / r.fmaxMhz(), r.usPerImage(), 1e-9);
        assertEquals(1000 / r.fmaxMhz(), r.us(1000), 1e-9);
        assertTrue(r.nextpnrVersion().contains("0.4"), r.nextpnrVersion());
        assertTrue(r.yosysVersion().contains("0.23"), r.yosysVersion());
        assertTrue(Files.exists(r.directory().resolve("yosys.log")));
        assertTrue(Files.exists(r.directory().resolve("nextpnr.log")));

        JsonNode j = r.json();
        assertEquals("ice40-up5k", j.get("target").asText());
        assertEquals(r.lcs().intValue(), j.get("lcs").asInt());
        assertEquals(r.fmaxMhz(), j.get("fmax_mhz").asDouble(), 0);
        assertEquals(r.usPerImage(), j.get("us_per_image").asDouble(), 1e-9);
        assertTrue(j.get("brams").asDouble() >= 1);
        for (String f : List.of("luts", "ffs", "dsps", "spram", "fmax_source", "tools", "latches")) {
            assertTrue(j.has(f), "JSON lacks " + f);
        }
        assertTrue(r.text().contains("nextpnr-ice40"), r.text());
    }

    /** Writable RAMs of at most 256 words go to LUT RAM on Xilinx, counted in the LUTs; larger ones to block RAM. */
    @Test
    void xc7PutsSmallRamsInLutRam() throws IOException {
        ramDesign(8);
        SynthReport r = new SynthRunner().run(dir, "ram_top", Targets.load("xc7a35t"));
        assertEquals(0, r.brams(), 0, r.cells().toString());
        int lutRam = r.cells().entrySet().stream().filter(e -> e.getKey().startsWith("RAM"))
                .mapToInt(Map.Entry::getValue).sum();
        assertTrue(lutRam > 0, "no LUT RAM: " + r.cells());
        int logic = r.cells().entrySet().stream().filter(e -> e.getKey().matches("LUT[1-6]"))
                .mapToInt(Map.Entry::getValue).sum();
        assertTrue(r.luts() > logic, "LUT RAM not counted in the LUTs: " + r.luts() + ", " + r.cells());
    }

    /** Simulation-only code Yosys 0.23 cannot parse (an event control inside initial), as tb_cosim.sv has. */
    private static final String TESTBENCH = """
            module %s;
                reg clk = 0;
                always #5 clk = !clk;
                initial begin
                    @(posedge clk);
                    $finish;
                end
            endmodule
            """;

    /** A compile project holds its Verilator testbench beside the engine: synthesis leaves it out. */
    @Test
    void testbenchesInTheDirectoryAreLeftOut() throws IOException {
        ramDesign(10);
        Files.writeString(dir.resolve("tb_cosim.sv"), TESTBENCH.formatted("tb_cosim"));
        Files.writeString(dir.resolve("ram_top_tb.sv"), TESTBENCH.formatted("ram_top_tb"));
        SynthReport r = new SynthRunner().run(dir, "ram_top", Targets.load("xc7a35t"));
        assertTrue(r.brams() >= 0.5, r.cells().toString());
        String script = Files.readString(r.directory().resolve("synth.ys"));
        assertTrue(script.contains("ram_top.v") && script.contains("fs_sdp_ram.v"), script);
        assertFalse(script.contains("tb_cosim.sv") || script.contains("ram_top_tb.sv"), script);
    }

    @Test
    void aDirectoryOfTestbenchesAloneIsRefused() throws IOException {
        Files.writeString(dir.resolve("tb_cosim.sv"), TESTBENCH.formatted("tb_cosim"));
        SynthException e = assertThrows(SynthException.class,
                () -> new SynthRunner().run(dir, "tb_cosim", Targets.load("xc7a35t")));
        assertTrue(e.getMessage().contains("but testbenches"), e.getMessage());
    }

    @Test
    void testbenchNamesAreTheTbPrefixAndSuffix() {
        assertTrue(SynthRunner.isTestbench("tb_cosim.sv"));
        assertTrue(SynthRunner.isTestbench("fs_sdp_ram_tb.sv"));
        assertTrue(SynthRunner.isTestbench("x_tb.v"));
        assertFalse(SynthRunner.isTestbench("fs_top.v"));
        assertFalse(SynthRunner.isTestbench("tbx.v"));
        assertFalse(SynthRunner.isTestbench("fs_tb_ctl.v"));
    }

    @Test
    void xc7ReportsTheTargetClock() throws IOException {
        ramDesign(10);
        SynthReport r = new SynthRunner().run(dir, "ram_top", Targets.load("xc7a35t"));
        assertEquals(SynthReport.FMAX_TARGET_CLOCK, r.fmaxSource());
        assertTrue(r.fmaxSource().startsWith("target clock"));
        assertEquals(100.0, r.fmaxMhz(), 0);
        assertNull(r.lcs());
        assertNull(r.nextpnrVersion());
        assertTrue(r.brams() >= 0.5, "RAM not in RAMB18E1/RAMB36E1: " + r.cells());
        assertTrue(r.bramUnit().contains("36-kbit"), r.bramUnit());
        assertTrue(r.luts() > 0 && r.ffs() > 0, r.cells().toString());
        assertNull(r.usPerImage());
        JsonNode j = r.json();
        assertTrue(j.get("lcs").isNull());
        assertTrue(j.get("us_per_image").isNull());
        assertTrue(j.get("meets_target_clock").isNull());
        // a 10-bit counter and a 16-bit XOR behind a RAM: far shorter than the 10 ns period
        assertNotNull(r.timing(), "no longest path from Yosys sta");
        assertTrue(r.timing().delayNs() > 0 && r.timing().fmaxBoundMhz() > 100, r.timing().toString());
        assertEquals(r.timing().delayNs(), j.get("logic_delay_ns").asDouble(), 1e-9);
        assertTrue(Files.exists(r.directory().resolve("sta.txt")));
    }

    /** A registered W-bit adder: its carry chain, ⌈W/4⌉ CARRY4 cells in a row. */
    private static final String ADDER = """
            `default_nettype none
            module add_top (input wire clk, input wire din, output wire dout);
                reg [%1$d-1:0] a = 0;
                reg [%1$d-1:0] b = 0;
                reg [%1$d-1:0] s = 0;
                always @(posedge clk) begin
                    a <= {a[%1$d-2:0], din};
                    b <= {b[%1$d-2:0], a[%1$d-1]};
                    s <= a + b;
                end
                assign dout = ^s;
            endmodule
            `default_nettype wire
            """;

    private StaticTiming adderPath(int width) throws IOException {
        Path d = dir.resolve("add" + width);
        Files.createDirectories(d);
        Files.writeString(d.resolve("add_top.v"), ADDER.formatted(width));
        SynthReport r = new SynthRunner().run(d, "add_top", Targets.load("xc7a35t"));
        assertNotNull(r.timing(), "no longest path from Yosys sta");
        assertEquals(r.timing().fmaxBoundMhz() < 100 ? Boolean.FALSE : null, r.meetsTargetClock());
        JsonNode j = r.withClocks(1000).json();
        assertEquals(r.timing().delayNs(), j.get("us_per_image_at_logic_bound").asDouble(), 1e-9,
                "1,000 clocks of d ns take d µs");
        assertEquals(10.0, j.get("us_per_image").asDouble(), 1e-9, "1,000 clocks at the 100 MHz target clock");
        assertEquals(r.timing().start(), j.get("critical_path").get("start").asText());
        return r.timing();
    }

    /**
     * The longest path grows with the carry chain, and a 512-bit adder's cannot make 100 MHz: its
     * 128 CARRY4 cells in a row take at least 127 × 114 ps (CI to CO[3] in Yosys's xc7 library,
     * xilinx/cells_sim.v) = 14.5 ns, and the 126 more than an 8-bit adder's 126 × 114 ps more.
     */
    @Test
    void xc7LongestPathBoundsTheClock() throws IOException {
        StaticTiming narrow = adderPath(8);
        StaticTiming wide = adderPath(512);
        assertTrue(wide.delayNs() >= 127 * 0.114, wide.toString());
        assertTrue(wide.delayNs() - narrow.delayNs() >= 126 * 0.114 - 1e-9, narrow + " vs " + wide);
        assertTrue(wide.end().endsWith("(FDRE.D)"), wide.end());
        assertTrue(wide.start().startsWith("a[") || wide.start().startsWith("b["), wide.start());
    }

    @Test
    void wideTopIsPlacedInsideASerialIoWrapper() throws IOException {
        Files.copy(Hdl.lib("fs_sdp_ram.v"), dir.resolve("fs_sdp_ram.v"));
        // 52 I/O bits: more than the 39 pins of the UP5K's SG48 package.
        SynthReport r = new SynthRunner().run(dir, "fs_sdp_ram", Targets.load("ice40-up5k"));
        assertNotNull(r.ioWrapper(), "fs_sdp_ram has more I/O than sg48 pins");
        assertEquals(1 + 8 + 16 + 1 + 8, r.ioWrapper().inBits());
        assertEquals(16, r.ioWrapper().outBits());
        assertEquals(r.ioWrapper().inBits(), r.ioWrapper().topInBits(), "a RAM reads every input bit");
        assertEquals(16, r.json().get("io_wrapper").get("top_out_bits").asInt());
        assertEquals(List.of("clk"), r.ioWrapper().clocks());
        assertTrue(r.brams() >= 1);
        assertTrue(r.fmaxMhz() != null && r.fmaxMhz() > 0);
        assertTrue(r.lcs() > r.ioWrapper().ffs() - 1);
        assertTrue(Files.exists(r.directory().resolve("io_wrapper.v")));
    }

    @Test
    void wrappedTopKeepsItsMultiplierInADspBlock() throws IOException {
        // 16 × 16 multiply with 65 I/O bits: wrapped on the SG48, and the wrapper's synthesis must map
        // the product to SB_MAC16 as the bare top's does (without -dsp it costs hundreds of LUTs)
        Files.writeString(dir.resolve("mul_top.v"), """
                `default_nettype none
                module mul_top (input wire clk, input wire [15:0] a, input wire [15:0] b, output reg [31:0] p);
                    always @(posedge clk) p <= a * b;
                endmodule
                `default_nettype wire
                """);
        SynthReport r = new SynthRunner().run(dir, "mul_top", Targets.load("ice40-up5k"));
        assertNotNull(r.ioWrapper(), "65 I/O bits are more than the sg48 pins");
        assertEquals(1, r.dsps(), r.cells().toString());
        String log = Files.readString(r.directory().resolve("nextpnr-wrapped.log"));
        SynthLogs.Use dsp = SynthLogs.utilisation(log).get("ICESTORM_DSP");
        assertNotNull(dsp, "no ICESTORM_DSP line in the wrapped placement");
        assertEquals(1, dsp.used(), "the wrapped design's multiplier is not in a DSP block");
    }

    @Test
    void latchIsRejectedWithItsSignal() throws IOException {
        Files.writeString(dir.resolve("latchy.v"), """
                module latchy (input wire clk, input wire en, input wire d, output reg q, output reg r);
                    always @* if (en) q = d;
                    always @(posedge clk) r <= q;
                endmodule
                """);
        for (String target : List.of("ice40-hx8k", "generic")) {
            SynthException e = assertThrows(SynthException.class,
                    () -> new SynthRunner().run(dir, "latchy", Targets.load(target)));
            assertEquals(SynthException.Kind.LATCH, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith("latch found"), e.getMessage());
            assertTrue(e.getMessage().contains("latchy.q (latchy.v:2)"), e.getMessage());
        }
    }

    @Test
    void missingToolIsNamedWithTheInstallScript() throws IOException {
        ramDesign();
        SynthRunner noYosys = new SynthRunner(new SynthRunner.Tools("firstspike-no-such-yosys", "nextpnr-ice40"),
                line -> {
                });
        SynthException e = assertThrows(SynthException.class,
                () -> noYosys.run(dir, "ram_top", Targets.load("xc7a35t")));
        assertEquals(SynthException.Kind.MISSING_TOOL, e.kind());
        assertTrue(e.getMessage().contains("firstspike-no-such-yosys"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/install-deps.sh"), e.getMessage());
        SynthRunner noNextpnr = new SynthRunner(new SynthRunner.Tools("yosys", "firstspike-no-such-nextpnr"),
                line -> {
                });
        e = assertThrows(SynthException.class, () -> noNextpnr.run(dir, "ram_top", Targets.load("ice40-up5k")));
        assertEquals(SynthException.Kind.MISSING_TOOL, e.kind());
        assertTrue(e.getMessage().contains("firstspike-no-such-nextpnr"), e.getMessage());
    }

    @Test
    void yosysFailureShowsTheLogTail() throws IOException {
        ramDesign();
        SynthException e = assertThrows(SynthException.class,
                () -> new SynthRunner().run(dir, "no_such_top", Targets.load("generic")));
        assertEquals(SynthException.Kind.TOOL_FAILED, e.kind());
        assertTrue(e.getMessage().contains("Module `no_such_top' not found"), e.getMessage());
        assertFalse(e.getMessage().contains("PERMISSION TO USE"), "the banner is not log tail");
    }

    @Test
    void cliPrintsJsonAndFailsWithAMessage() throws IOException {
        ramDesign();
        CliRun ok = CliRun.of("synth-hdl", dir.toString(), "--top", "ram_top", "--target", "generic", "--cycles",
                "1000", "--json");
        assertEquals(0, ok.code(), ok.err());
        JsonNode j = Json.MAPPER.readTree(ok.out());
        assertEquals("generic", j.get("target").asText());
        assertEquals(1.0, j.get("brams").asDouble(), 0, "a 4-kbit memory is one generic 36-kbit block");
        assertEquals(10.0, j.get("us_per_image").asDouble(), 1e-9, "1000 cycles at the 100 MHz target clock");
        assertEquals(SynthReport.FMAX_TARGET_CLOCK, j.get("fmax_source").asText());

        Files.writeString(dir.resolve("latchy.v"), "module latchy (input wire en, input wire d, output reg q);\n"
                + "    always @* if (en) q = d;\nendmodule\n");
        CliRun bad = CliRun.of("synth-hdl", dir.toString(), "--top", "latchy", "--target", "generic");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("firstspike: error: latch found"), bad.err());
        assertTrue(bad.out().isEmpty());
        CliRun usage = CliRun.of("synth-hdl", dir.toString(), "--target", "generic");
        assertEquals(1, usage.code());
        assertTrue(usage.err().contains("--top"), usage.err());
    }

    // ---- parsers on captured output ----

    @Test
    void parsesCapturedYosysStat() {
        Map<String, Integer> ice40 = SynthLogs.cellCounts(resource("ice40-up5k-stat.txt"));
        assertEquals(Map.of("SB_CARRY", 12, "SB_DFF", 89, "SB_LUT4", 42, "SB_RAM40_4K", 1), ice40);
        assertEquals(42, Family.ICE40.luts(ice40));
        assertEquals(89, Family.ICE40.ffs(ice40));
        assertEquals(1.0, Family.ICE40.brams(ice40), 0);

        Map<String, Integer> xc7 = SynthLogs.cellCounts(resource("xc7a35t-stat.txt"));
        assertEquals(22, Family.XC7.luts(xc7), "LUT2 16 + LUT4 1 + LUT6 5");
        // LUT RAM counts its LUTs: RAM64M 4 each, RAM64X1D 2, RAM128X1D 4, RAM32X1S 1
        assertEquals(10 + 3 * 4 + 2 * 2 + 4 + 5, Family.XC7.luts(Map.of("LUT6", 10, "RAM64M", 3, "RAM64X1D", 2,
                "RAM128X1D", 1, "RAM32X1S", 5)));
        assertEquals(48, Family.XC7.ffs(xc7));
        assertEquals(0.5, Family.XC7.brams(xc7), 0, "one RAMB18E1 is half a 36-kbit block");
        assertEquals(0, Family.XC7.dsps(xc7));

        // Not flattened: the per-module blocks come first; the design hierarchy totals are last.
        Map<String, Integer> hier = SynthLogs.cellCounts(resource("ice40-hierarchy-stat.txt"));
        assertEquals(60, Family.ICE40.luts(hier));
        assertEquals(73 + 17, Family.ICE40.ffs(hier));
        assertFalse(hier.keySet().stream().anyMatch(t -> t.contains("paramod")), hier.toString());
    }

    @Test
    void parsesCapturedNextpnrLog() {
        String log = resource("ice40-up5k-nextpnr.log");
        Map<String, SynthLogs.Use> use = SynthLogs.utilisation(log);
        assertEquals(new SynthLogs.Use(102, 5280), use.get("ICESTORM_LC"));
        assertEquals(new SynthLogs.Use(1, 30), use.get("ICESTORM_RAM"));
        assertEquals(new SynthLogs.Use(0, 4), use.get("ICESTORM_SPRAM"));
        assertEquals(new SynthLogs.Use(3, 96), use.get("SB_IO"));
        // The placement estimate (134.59) comes first; the routed figure is the last.
        assertEquals(Map.of("clk", 131.32), SynthLogs.maxFrequencies(log));
        assertFalse(SynthLogs.ioPlacementFailed(log));
        assertTrue(SynthLogs.ioPlacementFailed(resource("ice40-up5k-nextpnr-io-failure.log")));
    }

    @Test
    void parsesCapturedLatchLog() {
        String log = resource("yosys-latch.log");
        assertTrue(SynthLogs.latchAssertionFailed(log));
        assertEquals(List.of("lt.q (l.v:2)"), SynthLogs.latches(log));
        String noMessage = log.replaceAll("(?m)^Latch inferred.*$", "");
        assertEquals(List.of("lt/$auto$proc_dlatch.cc:427:proc_dlatch$16"), SynthLogs.latches(noMessage));
        assertFalse(SynthLogs.latchAssertionFailed(resource("ice40-up5k-stat.txt")));
    }

    private static String resource(String name) {
        try (InputStream in = SynthRunnerTest.class.getResourceAsStream("/synth/" + name)) {
            assertNotNull(in, "missing test resource synth/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
