// The neuron state of a core (docs/architecture.md §4.1): per neuron A, B, the mark (−1 untouched,
// ≥ 0 the tick of its last arrival, ≤ −2 detected) and the last arrival before a detection, in
// block RAM (fs_sdp_ram), each entry tagged with the epoch that wrote it. An entry whose tag is not
// the current epoch reads as untouched (A = B = 0, mark = −1), so a new stage starts from a clean
// state without a clearing sweep.
//
// Timing: a, b, mark and last belong to raddr one clock after it settles (registered read); the
// epoch check uses the epoch of that clock. Writes (waddr, on a clock with accumulate or detect):
// accumulate writes A, B, the mark and the tag; detect writes the mark and last but not the tag,
// so a detection holds only for a neuron already touched in this epoch. scrub (never with a write)
// sets scrub_addr's tag to 0, an epoch the engine never runs, so tags can be narrow: the engine
// scrubs every entry while the host streams an image in and restarts its epochs.
`default_nettype none
module fs_neuron_state #(
    parameter integer DEPTH   = 16,        // neurons of the largest core
    parameter integer A_BITS  = 17,
    parameter integer B_BITS  = 40,
    parameter integer W       = 16,        // marks and ticks; addresses use their low bits
    parameter integer EP_BITS = 32
) (
    input  wire                     clk,
    input  wire [EP_BITS-1:0]       epoch,
    /* verilator lint_off UNUSEDSIGNAL */  // addresses: only their low bits select a neuron
    input  wire [W-1:0]             raddr,
    input  wire [W-1:0]             waddr,
    input  wire [W-1:0]             scrub_addr,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire                     scrub,
    output wire signed [A_BITS-1:0] a,
    output wire signed [B_BITS-1:0] b,
    output wire signed [W-1:0]      mark,
    output wire [W-1:0]             last,  // as written: meaningful once the mark says detected
    input  wire                     accumulate,
    input  wire                     detect,
    input  wire signed [A_BITS-1:0] a_wd,
    input  wire signed [B_BITS-1:0] b_wd,
    input  wire signed [W-1:0]      mark_wd,
    input  wire [W-1:0]             last_wd
);
    localparam integer AW = DEPTH > 1 ? $clog2(DEPTH) : 1;
    wire [AW-1:0] ra = raddr[AW-1:0];
    wire [AW-1:0] wa = waddr[AW-1:0];
    wire [A_BITS-1:0] a_q;
    wire [B_BITS-1:0] b_q;
    wire [W-1:0] mark_q;
    wire [EP_BITS-1:0] ep_q;

    fs_sdp_ram #(.WIDTH(A_BITS), .DEPTH(DEPTH)) m_a (.clk(clk), .we(accumulate), .waddr(wa), .wdata(a_wd),
        .re(1'b1), .raddr(ra), .rdata(a_q));
    fs_sdp_ram #(.WIDTH(B_BITS), .DEPTH(DEPTH)) m_b (.clk(clk), .we(accumulate), .waddr(wa), .wdata(b_wd),
        .re(1'b1), .raddr(ra), .rdata(b_q));
    fs_sdp_ram #(.WIDTH(W), .DEPTH(DEPTH)) m_mark (.clk(clk), .we(accumulate || detect), .waddr(wa),
        .wdata(mark_wd), .re(1'b1), .raddr(ra), .rdata(mark_q));
    fs_sdp_ram #(.WIDTH(W), .DEPTH(DEPTH)) m_last (.clk(clk), .we(detect), .waddr(wa), .wdata(last_wd),
        .re(1'b1), .raddr(ra), .rdata(last));
    fs_sdp_ram #(.WIDTH(EP_BITS), .DEPTH(DEPTH)) m_ep (.clk(clk), .we(accumulate || scrub),
        .waddr(scrub ? scrub_addr[AW-1:0] : wa), .wdata(scrub ? {EP_BITS{1'b0}} : epoch), .re(1'b1), .raddr(ra),
        .rdata(ep_q));

    wire valid = ep_q == epoch;
    assign a = valid ? a_q : {A_BITS{1'b0}};
    assign b = valid ? b_q : {B_BITS{1'b0}};
    assign mark = valid ? mark_q : {W{1'b1}};
endmodule
`default_nettype wire
