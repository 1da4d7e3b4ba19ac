// Simple dual-port RAM: one synchronous write port, one synchronous read port (read-first), optional
// initial contents from a $readmemh file. Written in the shape Yosys maps to block RAM
// (iCE40 SB_RAM40_4K, Xilinx RAMB18/36) when WIDTH x DEPTH is large enough.
`default_nettype none
module fs_sdp_ram #(
    parameter integer WIDTH = 16,
    parameter integer DEPTH = 256,
    parameter INIT = ""                       // $readmemh file, "" for none
) (
    input  wire                     clk,
    input  wire                     we,
    input  wire [$clog2(DEPTH)-1:0] waddr,
    input  wire [WIDTH-1:0]         wdata,
    input  wire                     re,
    input  wire [$clog2(DEPTH)-1:0] raddr,
    output reg  [WIDTH-1:0]         rdata
);
    reg [WIDTH-1:0] mem [0:DEPTH-1];

    initial begin
        if (INIT != "") begin
            $readmemh(INIT, mem);
        end
    end

    always @(posedge clk) begin
        if (we) begin
            mem[waddr] <= wdata;
        end
        if (re) begin
            rdata <= mem[raddr];
        end
    end
endmodule
`default_nettype wire
