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
// MUL_A > 0 is the signed width of the device multiplier's wide port (DSP48E1: 25): Z's low bits that
// would not fit it as a signed operand are multiplied in logic, so q·Z takes one multiplier, not two.
`default_nettype none
module fs_synapse_lane #(
    parameter integer A_BITS = 17,
    parameter integer B_BITS = 40,
    parameter integer Z_BITS = 22,
    parameter integer W      = 16,
    parameter integer MUL_A  = 0
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
    // q·Z(g) at its own width (16 + Z_BITS + 1 bits), then widened to B; Z's PEEL low bits, if any, as
    // shifted copies of q: q·Z = q·(Z >> PEEL)·2^PEEL + Σ_k q·Z[k]·2^k
    localparam integer PEEL = MUL_A > 0 && Z_BITS + 1 > MUL_A ? Z_BITS + 1 - MUL_A : 0;
    wire signed [Z_BITS+16:0] qz;
    generate
        if (PEEL == 0) begin : whole
            wire signed [Z_BITS:0] z_signed = {1'b0, z};
            assign qz = level * z_signed;
        end else begin : peeled
            wire signed [Z_BITS-PEEL:0] z_high = {1'b0, z[Z_BITS-1:PEEL]};
            wire signed [Z_BITS-PEEL+16:0] q_high = level * z_high;
            wire signed [Z_BITS+16:0] level_ext = {{(Z_BITS + 1){level[15]}}, level};
            reg signed [Z_BITS+16:0] q_low;
            integer k;
            always @* begin
                q_low = '0;
                for (k = 0; k < PEEL; k = k + 1) begin
                    if (z[k]) begin
                        q_low = q_low + (level_ext <<< k);
                    end
                end
            end
            assign qz = {q_high, {PEEL{1'b0}}} + q_low;
        end
    endgenerate
    assign a_next = a + {{(A_BITS - 16){level[15]}}, level};
    assign b_next = b + {{(B_BITS - Z_BITS - 17){qz[Z_BITS+16]}}, qz};
    assign mark_next = detect ? -2 - ($signed(tick) - 1) : tick;
    assign last_next = mark;
endmodule
`default_nettype wire
