// Simple dual-port RAM: one synchronous write port, one synchronous read port (read-first), initial
// contents from a $readmemh file, or zero without one. Written in the shape Yosys maps to block RAM
// (iCE40 SB_RAM40_4K, Xilinx RAMB18/36) when WIDTH x DEPTH is large enough.
`default_nettype none
module fs_sdp_ram #(
    parameter integer WIDTH = 16,
    parameter integer DEPTH = 256,
    parameter INIT = "",                      // $readmemh file, "" for all zero
    parameter integer AW = DEPTH > 1 ? $clog2(DEPTH) : 1
) (
    input  wire                     clk,
    input  wire                     we,
    input  wire [AW-1:0]                waddr,
    input  wire [WIDTH-1:0]         wdata,
    input  wire                     re,
    input  wire [AW-1:0]                raddr,
    output reg  [WIDTH-1:0]         rdata
);
    reg [WIDTH-1:0] mem [0:DEPTH-1];

    integer i;
    initial begin
        if (INIT != "") begin
            $readmemh(INIT, mem);
        end else begin
            for (i = 0; i < DEPTH; i = i + 1) begin
                mem[i] = {WIDTH{1'b0}};
            end
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
