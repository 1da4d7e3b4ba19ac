// The output decoder (docs/semantics.md §6): over the output core's neurons, one candidate per
// decoder cycle, it keeps the best so far — the earliest spike tick below the drop tick; in the same
// tick the earlier crossing B/A' (B_i·A'_j < B_j·A'_i, both A' > 0 since both fired); then the lower
// index, which came first.
//
// The crossing products are exact and need no multiplier of their own: the decoder borrows the
// firing test's (fs_fire_test, which the caller shares), feeding it |B| in Z_BITS-wide pieces, most
// significant first, alternately |B_cand| with A'_best (even k) and |B_best| with A'_cand (odd k), on
// clocks ph = 1 + k of the cycle, k < 2·CHUNKS, and accumulating the returned products. The signs of
// B decide unless they agree. A cycle therefore needs ph to run 0 .. 2·CHUNKS + 1 at least (the
// candidate's inputs held), and takes the candidate on `commit`.
`default_nettype none
module fs_output_decoder #(
    parameter integer A_BITS  = 17,
    parameter integer B_BITS  = 40,
    parameter integer TH_BITS = 24,
    parameter integer Z_BITS  = 22,
    parameter integer G       = 8,
    parameter integer W       = 16,
    parameter integer AP_BITS = (A_BITS + G > TH_BITS ? A_BITS + G : TH_BITS) + 1  // fs_fire_test's A' width
) (
    input  wire                      clk,
    input  wire                      clear,     // a new output stage: no best yet
    input  wire                      decode,    // a decoder cycle is running
    input  wire [15:0]               ph,        // its clock
    input  wire                      commit,    // its last clock
    input  wire [W-1:0]              index,     // the candidate
    input  wire [W-1:0]              tick,
    input  wire signed [W-1:0]       drop,      // ticks from here on are no spike
    input  wire signed [A_BITS-1:0]  a,
    input  wire signed [B_BITS-1:0]  b,
    input  wire signed [TH_BITS-1:0] theta,
    output wire                      mul_on,    // the shared multiplier's inputs are the decoder's
    output wire signed [A_BITS-1:0]  mul_a,     // (A' = a·2^G − θ of the candidate or of the best)
    output wire signed [TH_BITS-1:0] mul_theta,
    output reg  [Z_BITS-1:0]         mul_zc,
    input  wire [Z_BITS+AP_BITS-2:0] prod,      // the multiplier's zc·A'
    output wire                      better,
    output reg  signed [W-1:0]       best,      // −1: none yet
    output reg  [W-1:0]              best_tick,
    output wire signed [W-1:0]       final_best,
    output wire [W-1:0]              final_tick
);
    localparam integer CHUNKS = (B_BITS + Z_BITS - 1) / Z_BITS;
    localparam integer MAG_BITS = CHUNKS * Z_BITS;
    localparam integer SUM_BITS = MAG_BITS + AP_BITS;
    localparam [W-1:0] NEVER = {1'b0, {(W - 1){1'b1}}};

    reg signed [B_BITS-1:0] best_b;
    reg [B_BITS-1:0] best_abs;             // |B_best|
    reg signed [A_BITS-1:0] best_a;
    reg signed [TH_BITS-1:0] best_theta;

    assign mul_on = decode && ph >= 16'd1 && ph <= 16'(2 * CHUNKS);
    wire [15:0] k = ph - 16'd1;
    wire best_side = k[0];
    wire [15:0] piece = 16'(CHUNKS - 1) - (k >> 1);
    wire [B_BITS-1:0] cand_abs = b[B_BITS-1] ? -b : b;      // as unsigned, also for −2^(B−1)
    wire [MAG_BITS-1:0] mag = {{(MAG_BITS - B_BITS){1'b0}}, best_side ? best_abs : cand_abs};
    integer c;
    always @* begin
        // a mux over the pieces (an index times Z_BITS would multiply)
        mul_zc = {Z_BITS{1'b0}};
        for (c = 0; c < CHUNKS; c = c + 1) begin
            if (piece == 16'(c)) begin
                mul_zc = mag[c * Z_BITS +: Z_BITS];
            end
        end
    end
    wire use_best = mul_on && !best_side;
    assign mul_a = use_best ? best_a : a;
    assign mul_theta = use_best ? best_theta : theta;

    reg [SUM_BITS-1:0] sum_cand;           // |B_cand|·A'_best
    reg [SUM_BITS-1:0] sum_best;           // |B_best|·A'_cand
    wire [SUM_BITS-1:0] term = {{(SUM_BITS - Z_BITS - AP_BITS + 1){1'b0}}, prod};
    always @(posedge clk) begin
        if (ph == 16'd0) begin
            sum_cand <= '0;
            sum_best <= '0;
        end else if (mul_on && !best_side) begin
            sum_cand <= (sum_cand << Z_BITS) + term;
        end else if (mul_on) begin
            sum_best <= (sum_best << Z_BITS) + term;
        end
    end
    // with A' > 0 a negative B gives a negative product, so the signs decide unless they agree
    wire neg_cand = b[B_BITS-1];
    wire neg_best = best_b[B_BITS-1];
    wire crossing_earlier = neg_cand != neg_best ? neg_cand : neg_cand ? sum_best < sum_cand : sum_cand < sum_best;
    wire [W-1:0] b_tick = best < 0 ? NEVER : best_tick;
    assign better = tick < drop && (best < 0 || tick < b_tick || tick == b_tick && crossing_earlier);
    assign final_best = better ? $signed(index) : best;
    assign final_tick = better ? tick : best_tick;

    always @(posedge clk) begin
        if (clear) begin
            best <= -1;
        end else if (decode && commit) begin
            best <= final_best;
            if (better) begin
                best_tick <= tick;
                best_b <= b;
                best_abs <= cand_abs;
                best_a <= a;
                best_theta <= theta;
            end
        end
    end
endmodule
`default_nettype wire
