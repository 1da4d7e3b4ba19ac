// The gather's pairs with their delay registers (docs/architecture.md §4, docs/semantics.md §5), stored
// as runs: pair k of run r reads the source element from_r + k and feeds the input element to_r + k
// after the delay, in ticks, that its edge adds (a learned skip delay; 0 elsewhere), for k below the
// run's length. Chunks, shuffles and concatenations move whole channels, so a run is a channel (or
// more) and a feed a few runs. Four ROMs in block RAM (fs_sdp_ram) read at one address.
//
// Timing: from, to, length and the delay belong to addr one clock after it settles (registered
// read); from and to add k combinationally. Given the source's tick (read at `from` by the caller),
// arrival and keep are combinational: the event is queued at arrival = tick + delay unless the source
// never spiked (tick = NEVER = 2^(W−1) − 1) or it arrives at or after the stage's drop tick (drop < 0:
// nothing is dropped), where no arrival can change a spike the stage reports.
`default_nettype none
module fs_delay_registers #(
    parameter integer RUNS = 4,
    parameter integer W    = 16,           // ticks and element indices, below 2^(W−2) (the generator proves it)
    parameter FROM_INIT   = "",
    parameter TO_INIT     = "",
    parameter DELAY_INIT  = "",
    parameter LENGTH_INIT = ""
) (
    input  wire              clk,
    /* verilator lint_off UNUSEDSIGNAL */  // an index: only its low bits address the runs
    input  wire [W-1:0]      addr,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [W-1:0]      k,            // the pair within the run
    output wire [W-1:0]      from,
    output wire [W-1:0]      to,
    output wire [W-1:0]      length,
    input  wire [W-1:0]      src_tick,
    input  wire signed [W-1:0] drop,
    output wire [W-1:0]      arrival,
    output wire              keep
);
    localparam integer AW = RUNS > 1 ? $clog2(RUNS) : 1;
    localparam [W-1:0] NEVER = {1'b0, {(W - 1){1'b1}}};
    wire [AW-1:0] ra = addr[AW-1:0];
    wire [W-1:0] from_base;
    wire [W-1:0] to_base;
    wire [W-1:0] delay;

    `define FS_RUN_ROM(q, init) \
        fs_sdp_ram #(.WIDTH(W), .DEPTH(RUNS), .INIT(init)) m_``q (.clk(clk), .we(1'b0), .waddr({AW{1'b0}}), \
            .wdata({W{1'b0}}), .re(1'b1), .raddr(ra), .rdata(q));
    `FS_RUN_ROM(from_base, FROM_INIT)
    `FS_RUN_ROM(to_base, TO_INIT)
    `FS_RUN_ROM(delay, DELAY_INIT)
    `FS_RUN_ROM(length, LENGTH_INIT)
    `undef FS_RUN_ROM

    assign from = from_base + k;
    assign to = to_base + k;
    assign arrival = src_tick + delay;
    assign keep = src_tick != NEVER && (drop < 0 || $signed(arrival) < drop);
endmodule
`default_nettype wire
