// First-spike pooling and time-add (docs/semantics.md §5): the stages that merge spike times
// without a neuron. Per input element, the ticks that arrived at it in this stage — summed, with
// their count — in block RAM (fs_sdp_ram) tagged with the epoch that wrote them, so a new stage
// starts empty without a clearing sweep.
//   pooling  (add = 0): an element's one arrival is its tick; an output is the earliest arrival
//            among its window's taps (window_min, collected one tap per clock), or the pad tick when
//            the window has pad taps and that is earlier;
//   time-add (add = 1): an output is the sum of its operands' ticks once all `operands` arrived,
//            else NEVER.
// Timing: sum and count belong to addr one clock after it settles (registered read; 0 for an entry of
// another epoch). `arrive` writes element addr's new sum and count from what was read for it, so addr
// must be held from the clock before. `window_start` empties window_min; `tap` folds the entry read
// this clock into it. out_tick is combinational. `scrub` (never with arrive) sets scrub_addr's tag to
// 0, an epoch the engine never runs, so tags can be narrow (see fs_neuron_state).
`default_nettype none
module fs_merge_unit #(
    parameter integer DEPTH   = 16,        // elements of the largest merging stage
    parameter integer W       = 16,        // ticks below 2^(W−2); addresses use their low bits
    parameter integer EP_BITS = 32,
    parameter integer C_BITS  = 8          // counts: up to the operands of an element
) (
    input  wire               clk,
    input  wire [EP_BITS-1:0] epoch,
    input  wire               add,
    /* verilator lint_off UNUSEDSIGNAL */  // an index: only its low bits address the memories
    input  wire [W-1:0]       addr,
    input  wire [W-1:0]       scrub_addr,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire               scrub,
    output wire [W-1:0]       sum,
    output wire [W-1:0]       count,
    input  wire               arrive,
    input  wire [W-1:0]       tick,        // the arriving tick
    input  wire               window_start,
    input  wire               tap,
    input  wire               padded,      // the window has pad taps ...
    input  wire signed [W-1:0] pad_tick,   // ... that take this tick (< 0: never)
    input  wire [W-1:0]       operands,
    output reg  [W-1:0]       window_min,
    output wire [W-1:0]       out_tick
);
    localparam integer AW = DEPTH > 1 ? $clog2(DEPTH) : 1;
    localparam [W-1:0] NEVER = {1'b0, {(W - 1){1'b1}}};
    wire [AW-1:0] a = addr[AW-1:0];
    wire [W-1:0] sum_q;
    wire [C_BITS-1:0] count_q;
    wire [EP_BITS-1:0] ep_q;
    wire current = ep_q == epoch;
    assign sum = current ? sum_q : '0;
    assign count = current ? W'(count_q) : '0;

    fs_sdp_ram #(.WIDTH(W), .DEPTH(DEPTH)) m_sum (.clk(clk), .we(arrive), .waddr(a),
        .wdata(add ? sum + tick : tick), .re(1'b1), .raddr(a), .rdata(sum_q));
    fs_sdp_ram #(.WIDTH(C_BITS), .DEPTH(DEPTH)) m_count (.clk(clk), .we(arrive), .waddr(a),
        .wdata(add ? C_BITS'(count + 1'b1) : C_BITS'(1)), .re(1'b1), .raddr(a), .rdata(count_q));
    fs_sdp_ram #(.WIDTH(EP_BITS), .DEPTH(DEPTH)) m_ep (.clk(clk), .we(arrive || scrub),
        .waddr(scrub ? scrub_addr[AW-1:0] : a), .wdata(scrub ? {EP_BITS{1'b0}} : epoch), .re(1'b1), .raddr(a),
        .rdata(ep_q));

    always @(posedge clk) begin
        if (window_start) begin
            window_min <= NEVER;
        end else if (tap && count != 0 && sum < window_min) begin
            window_min <= sum;
        end
    end

    wire [W-1:0] pool_tick = padded && pad_tick >= 0 && $signed(window_min) > pad_tick ? pad_tick : window_min;
    assign out_tick = add ? (count < operands ? NEVER : sum) : pool_tick;
endmodule
`default_nettype wire
