// The firing test of docs/semantics.md §4 (CoreRun.fires and the detect test in CoreRun.deliver):
//   ap    = (A << G) - THETA                      A' of the neuron
//   fires = ap > 0 && zc * ap >= (B << G)
// Exact for every input: internal widths come from the parameters, so nothing wraps.
//
// Latency: 0 (combinational). The neuron core decides where its pipeline registers go; ap is an
// output too, because the output decoder needs A' of the firing neurons, and so is the product
// zc · A' (for A' > 0), so that the decoder can compute its crossing products on this multiplier.
`default_nettype none
module fs_fire_test #(
    parameter integer A_BITS     = 16,            // A: signed sum of levels
    parameter integer B_BITS     = 40,            // B: signed sum of level * Z
    parameter integer THETA_BITS = 24,            // THETA: signed integer threshold round(θ/s * 2^G)
    parameter integer Z_BITS     = 26,            // zc: unsigned Zc(m)
    parameter integer G          = 8              // threshold fraction bits (>= 0)
) (
    input  wire signed [A_BITS-1:0]     a,
    input  wire signed [B_BITS-1:0]     b,
    input  wire signed [THETA_BITS-1:0] theta,
    input  wire        [Z_BITS-1:0]     zc,
    // AP_BITS wide: (A << G) has A_BITS + G bits, the subtraction one more.
    output wire signed [(A_BITS + G > THETA_BITS ? A_BITS + G : THETA_BITS):0] ap,
    // zc times A' without its sign bit: the product zc · A' whenever A' > 0
    output wire [Z_BITS + (A_BITS + G > THETA_BITS ? A_BITS + G : THETA_BITS) - 1:0] prod,
    output wire                         fires
);
    localparam integer AP_BITS   = (A_BITS + G > THETA_BITS ? A_BITS + G : THETA_BITS) + 1;
    // zc * ap is only needed when ap > 0, so it is an unsigned product of zc and ap's magnitude.
    localparam integer PROD_BITS = Z_BITS + AP_BITS - 1;
    // One sign bit above the larger of the product and B << G.
    localparam integer CMP_BITS  = (PROD_BITS > B_BITS + G ? PROD_BITS : B_BITS + G) + 1;

    wire signed [AP_BITS-1:0] a_ext     = {{(AP_BITS-A_BITS){a[A_BITS-1]}}, a};
    wire signed [AP_BITS-1:0] theta_ext = {{(AP_BITS-THETA_BITS){theta[THETA_BITS-1]}}, theta};
    assign ap = (a_ext <<< G) - theta_ext;

    wire ap_pos = !ap[AP_BITS-1] && ap != {AP_BITS{1'b0}};

    assign prod = {{(AP_BITS-1){1'b0}}, zc} * {{Z_BITS{1'b0}}, ap[AP_BITS-2:0]};

    wire signed [CMP_BITS-1:0] lhs = {{(CMP_BITS-PROD_BITS){1'b0}}, prod};
    wire signed [CMP_BITS-1:0] b_ext = {{(CMP_BITS-B_BITS){b[B_BITS-1]}}, b};
    wire signed [CMP_BITS-1:0] rhs = b_ext <<< G;

    assign fires = ap_pos && lhs >= rhs;
endmodule
`default_nettype wire
