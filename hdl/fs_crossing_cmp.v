// The output decoder's sub-tick comparison (docs/semantics.md §6, org.firstspike.sim.Crossing):
// of two neurons that fire in the same tick, neuron 1 crossed strictly earlier when
//   b1 * ap2 < b2 * ap1                            (Crossing.earlier(b1, ap1, b2, ap2))
// i.e. B1/A'1 < B2/A'2 without a division. The products are exact at full width
// (B_BITS + AP_BITS), so a tie is a tie and earlier = 0: the decoder then keeps the lower index.
//
// All four inputs are signed, as in Crossing (which compares any longs); in the decoder A' > 0.
// Latency: 0 (combinational). The decoder decides where its pipeline registers go.
`default_nettype none
module fs_crossing_cmp #(
    parameter integer B_BITS  = 64,               // b1, b2: signed B of each neuron
    parameter integer AP_BITS = 64                // ap1, ap2: signed A' = (A << G) - THETA
) (
    input  wire signed [B_BITS-1:0]  b1,
    input  wire signed [AP_BITS-1:0] ap1,
    input  wire signed [B_BITS-1:0]  b2,
    input  wire signed [AP_BITS-1:0] ap2,
    output wire                      earlier
);
    localparam integer P_BITS = B_BITS + AP_BITS;

    // Sign-extended to the product width, whose low P_BITS bits hold the exact signed product.
    wire signed [P_BITS-1:0] b1_ext  = {{AP_BITS{b1[B_BITS-1]}}, b1};
    wire signed [P_BITS-1:0] b2_ext  = {{AP_BITS{b2[B_BITS-1]}}, b2};
    wire signed [P_BITS-1:0] ap1_ext = {{B_BITS{ap1[AP_BITS-1]}}, ap1};
    wire signed [P_BITS-1:0] ap2_ext = {{B_BITS{ap2[AP_BITS-1]}}, ap2};

    wire signed [P_BITS-1:0] lhs = b1_ext * ap2_ext;
    wire signed [P_BITS-1:0] rhs = b2_ext * ap1_ext;

    assign earlier = lhs < rhs;
endmodule
`default_nettype wire
