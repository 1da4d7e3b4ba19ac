package org.firstspike.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.testing.Hdl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial I/O wrapper carries only a top's live bits, and what it carries arrives where it
 * belongs: checked on a hand-written netlist, and by simulating the wrapper around a small design
 * whose outputs are known in advance.
 */
class IoWrapperTest {
    @TempDir
    Path dir;

    /** a[2:0] read, b[1] unread, y = {y0-net, y0-net, constant 0}: three inputs and one output live. */
    @Test
    void onlyLiveBitsAreCarried() throws IOException {
        JsonNode net = new ObjectMapper().readTree("""
                {"modules": {"top": {
                  "ports": {
                    "clk": {"direction": "input", "bits": [1]},
                    "a": {"direction": "input", "bits": [2, 3, 4]},
                    "b": {"direction": "input", "bits": [5, 6]},
                    "y": {"direction": "output", "bits": ["0", 7, 7]}
                  },
                  "cells": {"g": {"connections": {"A": [2, 3, 4, 5], "C": [1], "Q": [7]}}}
                }}}""");
        IoWrapper w = IoWrapper.fromNetlist(net, "top");
        IoWrapper.Info info = w.info();
        assertEquals(4, info.inBits());
        assertEquals(1, info.outBits());
        assertEquals(5, info.topInBits());
        assertEquals(3, info.topOutBits());
        assertEquals(List.of("clk"), info.clocks());
        String v = w.verilog();
        assertTrue(v.contains(".a({fs_in[2], fs_in[1], fs_in[0]})"), v);
        assertTrue(v.contains(".b({1'b0, fs_in[3]})"), v);
        assertTrue(v.contains("assign fs_out = {fs_o_y[1]};"), v);
    }

    /**
     * y = a + b[1:0] registered, its upper half constant, z eight copies of y[0]: the wrapper shifts
     * in a and b[1:0] (six bits) and reads out y[3:0] (four), which must be 9 + 2.
     */
    @Test
    void shiftedInputsReachTheDesignAndItsOutputsReadOut() throws IOException {
        Path dev = dir.resolve("dev.v");
        Files.writeString(dev, """
                `default_nettype none
                module dev (input wire clk, input wire [3:0] a, input wire [3:0] b, output reg [7:0] y,
                        output wire [7:0] z);
                    initial y = 8'd0;
                    always @(posedge clk) y <= {4'd0, a + {2'd0, b[1:0]}};
                    assign z = {8{y[0]}};
                endmodule
                `default_nettype wire
                """);
        Hdl.Run r = Hdl.run(dir, List.of("yosys", "-q", "-p", "read_verilog dev.v; synth_ice40 -top dev -json net.json"),
                300);
        assertEquals(0, r.code(), r.output());
        IoWrapper w = IoWrapper.fromNetlist(new ObjectMapper().readTree(dir.resolve("net.json").toFile()), "dev");
        assertEquals(6, w.inBits());
        assertEquals(4, w.outBits());
        Path wrapper = dir.resolve("io_wrapper.v");
        Files.writeString(wrapper, w.verilog());
        // fs_in[0..3] = a, fs_in[4..5] = b[1:0]; the last bit shifted in lands in fs_in[0]
        Path tb = dir.resolve("tb.sv");
        Files.writeString(tb, """
                module tb;
                    reg clk = 0, sin = 0, load = 0;
                    wire sout;
                    fs_synth_io_wrapper w (.clk(clk), .sin(sin), .load(load), .sout(sout));
                    task automatic step; begin #1 clk = 1; #1 clk = 0; end endtask
                    reg [5:0] in_bits = {2'b10, 4'd9};   // b[1:0] = 2, a = 9 (b[3:2] are not carried)
                    reg [3:0] got;
                    integer i;
                    initial begin
                        for (i = 5; i >= 0; i = i - 1) begin sin = in_bits[i]; step(); end
                        load = 1;                      // inputs held; y <= a + b at the first clock
                        step();
                        for (i = 0; i < 4; i = i + 1) begin step(); got[i] = sout; end
                        if (got != 4'd11) $fatal(1, "read %0d, expected 11", got);
                        $display("PASS io wrapper");
                        $finish;
                    end
                endmodule
                """);
        String out = Hdl.simulate(dir, List.of(dev, wrapper), tb);
        assertTrue(out.contains("PASS io wrapper"), out);
    }
}
