// The firing test of docs/semantics.md §4 (CoreRun.fires and the detect test in CoreRun.deliver):
//   ap    = (A << G) - THETA                      A' of the neuron
//   fires = ap > 0 && zc * ap >= (B << G)
// Exact for every input: internal widths come from the parameters, so nothing wraps.
//
// Latency: 0 (combinational). The neuron core decides where its pipeline registers go; ap is an
// output too, because the output decoder needs A' of the firing neurons, and so is the product
// zc · A' (for A' > 0), so that the decoder can compute its crossing products on this multiplier.
//
// MUL_A, MUL_B > 0 are the signed widths of the device multiplier's ports (DSP48E1: 25, 18). The
// product is then tiled to them by hand: zc's low bits beyond MUL_A − 1 are added in logic as
// shifted copies of A', and A' is cut into MUL_B − 1-bit slices, one multiplier each (the seed
// model: 2 DSP48E1 where synthesis's own tiling of the 25 × 25-bit product takes 4).
`default_nettype none
module fs_fire_test #(
    parameter integer A_BITS     = 16,            // A: signed sum of levels
    parameter integer B_BITS     = 40,            // B: signed sum of level * Z
    parameter integer THETA_BITS = 24,            // THETA: signed integer threshold round(θ/s * 2^G)
    parameter integer Z_BITS     = 26,            // zc: unsigned Zc(m)
    parameter integer G          = 8,             // threshold fraction bits (>= 0)
    parameter integer MUL_A      = 0,             // multiplier ports (signed bits); 0: one plain product
    parameter integer MUL_B      = 0
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

    wire [AP_BITS-2:0] mag = ap[AP_BITS-2:0];
    localparam integer PEEL = MUL_A > 0 && Z_BITS > MUL_A - 1 ? Z_BITS - (MUL_A - 1) : 0;
    localparam integer SLICE = MUL_B > 1 && MUL_B - 1 < AP_BITS - 1 ? MUL_B - 1 : AP_BITS - 1;
    localparam integer SLICES = (AP_BITS - 1 + SLICE - 1) / SLICE;
    localparam integer PAD_BITS = SLICES * SLICE;
    generate
        if (MUL_A == 0) begin : whole
            assign prod = {{(AP_BITS-1){1'b0}}, zc} * {{Z_BITS{1'b0}}, mag};
        end else begin : tiled
            // zc·A' = Σ_i (zc >> PEEL)·slice_i(A')·2^(i·SLICE + PEEL) + Σ_k zc[k]·A'·2^k
            wire [Z_BITS-PEEL-1:0] zc_high = zc[Z_BITS-1:PEEL];
            wire [PAD_BITS-1:0] mag_pad = PAD_BITS'(mag);
            wire [SLICES*PROD_BITS-1:0] parts;   // the slices' products in place, one PROD_BITS word each
            genvar i;
            for (i = 0; i < SLICES; i = i + 1) begin : slices
                wire [Z_BITS-PEEL+SLICE-1:0] part = zc_high * mag_pad[i * SLICE +: SLICE];
                assign parts[i * PROD_BITS +: PROD_BITS] = PROD_BITS'(part) << (i * SLICE + PEEL);
            end
            reg [PROD_BITS-1:0] sum;
            integer k;
            always @* begin
                sum = '0;
                for (k = 0; k < PEEL; k = k + 1) begin
                    if (zc[k]) begin
                        sum = sum + (PROD_BITS'(mag) << k);
                    end
                end
                for (k = 0; k < SLICES; k = k + 1) begin
                    sum = sum + parts[k * PROD_BITS +: PROD_BITS];
                end
            end
            assign prod = sum;
        end
    endgenerate

    wire signed [CMP_BITS-1:0] lhs = {{(CMP_BITS-PROD_BITS){1'b0}}, prod};
    wire signed [CMP_BITS-1:0] b_ext = {{(CMP_BITS-B_BITS){b[B_BITS-1]}}, b};
    wire signed [CMP_BITS-1:0] rhs = b_ext <<< G;

    assign fires = ap_pos && lhs >= rhs;
endmodule
`default_nettype wire
