// The gather's pairs with their delay registers (docs/architecture.md §4, docs/semantics.md §5): per
// pair, the source element whose tick it reads, the input element it feeds and the delay, in ticks,
// that its edge adds (a learned skip delay; 0 elsewhere). Three ROMs in block RAM (fs_sdp_ram) read
// at one address.
//
// Timing: from, to and the delay belong to addr one clock after it settles (registered read). Given
// the source's tick (read at `from` by the caller), arrival and keep are combinational: the event is
// queued at arrival = tick + delay unless the source never spiked (tick = NEVER = 2^(W−1) − 1) or it
// arrives at or after the stage's drop tick (drop < 0: nothing is dropped), where no arrival can
// change a spike the stage reports.
`default_nettype none
module fs_delay_registers #(
    parameter integer PAIRS = 4,
    parameter integer W     = 16,          // ticks and element indices, below 2^(W−2) (the generator proves it)
    parameter FROM_INIT  = "",
    parameter TO_INIT    = "",
    parameter DELAY_INIT = ""
) (
    input  wire              clk,
    /* verilator lint_off UNUSEDSIGNAL */  // an index: only its low bits address the pairs
    input  wire [W-1:0]      addr,
    /* verilator lint_on UNUSEDSIGNAL */
    output wire [W-1:0]      from,
    output wire [W-1:0]      to,
    input  wire [W-1:0]      src_tick,
    input  wire signed [W-1:0] drop,
    output wire [W-1:0]      arrival,
    output wire              keep
);
    localparam integer AW = PAIRS > 1 ? $clog2(PAIRS) : 1;
    localparam [W-1:0] NEVER = {1'b0, {(W - 1){1'b1}}};
    wire [AW-1:0] ra = addr[AW-1:0];
    wire [W-1:0] delay;

    fs_sdp_ram #(.WIDTH(W), .DEPTH(PAIRS), .INIT(FROM_INIT)) m_from (.clk(clk), .we(1'b0), .waddr({AW{1'b0}}),
        .wdata({W{1'b0}}), .re(1'b1), .raddr(ra), .rdata(from));
    fs_sdp_ram #(.WIDTH(W), .DEPTH(PAIRS), .INIT(TO_INIT)) m_to (.clk(clk), .we(1'b0), .waddr({AW{1'b0}}),
        .wdata({W{1'b0}}), .re(1'b1), .raddr(ra), .rdata(to));
    fs_sdp_ram #(.WIDTH(W), .DEPTH(PAIRS), .INIT(DELAY_INIT)) m_delay (.clk(clk), .we(1'b0), .waddr({AW{1'b0}}),
        .wdata({W{1'b0}}), .re(1'b1), .raddr(ra), .rdata(delay));

    assign arrival = src_tick + delay;
    assign keep = src_tick != NEVER && (drop < 0 || $signed(arrival) < drop);
endmodule
`default_nettype wire
