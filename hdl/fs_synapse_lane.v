// One synapse arrival at its target neuron (docs/semantics.md §4.1), combinational: from the
// neuron's state as read, the arrival's tick g, level q and Z(g), and the firing test fires(g − 1)
// on that state, what to write back.
//   detected already (mark ≤ −2)         → nothing;
//   first arrival in tick g (mark < g)   → if fires(g − 1): detected at g − 1 (mark = −2 − (g − 1),
//                                           last = the mark it had), the arrival is dropped;
//   otherwise                            → accumulate: A += q, B += q·Z(g), mark = g.
// The mark packs the semantics' last and detect into one word: −1 untouched, ≥ 0 the tick of the
// last arrival, ≤ −2 detected at −2 − mark (its last arrival then kept apart, in last_next).
// Contract (the generator proves it): A_BITS ≥ 17 and B_BITS ≥ Z_BITS + 18 hold every sum; ticks
// are below 2^(W−2).
`default_nettype none
module fs_synapse_lane #(
    parameter integer A_BITS = 17,
    parameter integer B_BITS = 40,
    parameter integer Z_BITS = 22,
    parameter integer W      = 16
) (
    input  wire signed [A_BITS-1:0] a,
    input  wire signed [B_BITS-1:0] b,
    input  wire signed [W-1:0]      mark,
    input  wire [W-1:0]             tick,
    input  wire signed [15:0]       level,
    input  wire [Z_BITS-1:0]        z,
    input  wire                     fires,
    output wire                     accumulate,   // write a_next, b_next and mark_next
    output wire                     detect,       // write mark_next and last_next
    output wire signed [A_BITS-1:0] a_next,
    output wire signed [B_BITS-1:0] b_next,
    output wire signed [W-1:0]      mark_next,
    output wire signed [W-1:0]      last_next
);
    wire touched_now = mark >= $signed(tick);
    wire detected = mark <= -2;
    assign detect = !touched_now && !detected && fires;
    assign accumulate = touched_now || !detected && !fires;
    // q·Z(g) at its own width (16 + Z_BITS + 1 bits), then widened to B
    wire signed [Z_BITS:0] z_signed = {1'b0, z};
    wire signed [Z_BITS+16:0] qz = level * z_signed;
    assign a_next = a + {{(A_BITS - 16){level[15]}}, level};
    assign b_next = b + {{(B_BITS - Z_BITS - 17){qz[Z_BITS+16]}}, qz};
    assign mark_next = detect ? -2 - ($signed(tick) - 1) : tick;
    assign last_next = mark;
endmodule
`default_nettype wire
