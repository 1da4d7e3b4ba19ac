// Read-only memory with two synchronous read ports: contents from a $readmemh file. The engine reads
// an entry and the next side by side: a start list gives a list's start and end in one read, and an
// event's next position (bias) entry needs no read of its own. Xilinx block RAM is true dual port,
// so Yosys maps both ports onto the same RAMB18/36; iCE40 EBR has one read port, so there it holds
// two copies.
`default_nettype none
module fs_dual_rom #(
    parameter integer WIDTH = 16,
    parameter integer DEPTH = 256,
    parameter INIT = "",                      // $readmemh file, "" for all zero
    parameter integer AW = DEPTH > 1 ? $clog2(DEPTH) : 1
) (
    input  wire                     clk,
    input  wire [AW-1:0]            raddr_a,
    output reg  [WIDTH-1:0]         rdata_a,
    input  wire [AW-1:0]            raddr_b,
    output reg  [WIDTH-1:0]         rdata_b
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
        rdata_a <= mem[raddr_a];
        rdata_b <= mem[raddr_b];
    end
endmodule
`default_nettype wire
