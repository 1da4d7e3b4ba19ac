// Membrane tables of docs/semantics.md §3 (org.firstspike.ir.ZTable), with k = 5 low bits:
//   Z(n)  = (hi[n >> 5] * lo[n & 31] + 2^(F-1)) >> F      arrival weight of tick n
//   Zc(n) = (Z(n) * H + 2^(F-1)) >> F                      firing-test value of tick n
// Two small ROMs and two multiplies stand in for a table as long as the horizon.
//
// Latency: fixed 3 cycles, fully pipelined (one tick per cycle). valid_in and n presented in cycle t
// give valid_out = 1 with that tick's z and zc in cycle t + 3, i.e. after the third rising edge:
//   edge 1: registered ROM reads (the shape Yosys maps to block RAM), edge 2: z, edge 3: zc.
// z is delayed one stage so both outputs belong to the same tick.
//
// H is a parameter, not a port: it is fixed per compiled network, and a constant multiplicand is
// cheaper than a second variable multiplier.
//
// Contract (the generator checks it, the module cannot): 0 <= n < 32 * HI_DEPTH (the tables cover
// ticks below tableTicks), F >= 1, and ENTRY_BITS holds every hi, lo, H, Z and Zc value, so
// dropping the product's bits above ENTRY_BITS + F loses nothing.
`default_nettype none
module fs_ztable #(
    parameter integer F          = 16,            // fraction bits of every entry
    parameter integer TICK_BITS  = 11,            // width of the tick n (> 5)
    parameter integer ENTRY_BITS = 26,            // width of hi, lo, H, z and zc
    parameter integer HI_DEPTH   = 32,            // hi entries: (tableTicks - 1) / 32 + 1
    parameter [ENTRY_BITS-1:0] H = 65_728,        // round(2^F * e^(Δ/(2τ))); default: Δ/τ = 6/1024
    parameter HI_INIT = "",                       // $readmemh file with hi[0..HI_DEPTH-1]
    parameter LO_INIT = ""                        // $readmemh file with lo[0..31]
) (
    input  wire                  clk,
    input  wire                  rst,             // synchronous, clears only the valid pipeline
    input  wire                  valid_in,
    input  wire [TICK_BITS-1:0]  n,
    output reg                   valid_out,
    output reg  [ENTRY_BITS-1:0] z,
    output reg  [ENTRY_BITS-1:0] zc
);
    localparam integer K = 5;
    localparam integer HI_AW = HI_DEPTH > 1 ? $clog2(HI_DEPTH) : 1;
    // Wide enough for n and for a full hi address, so the slices below never run off the end.
    localparam integer NW = TICK_BITS > HI_AW + K ? TICK_BITS : HI_AW + K;
    localparam integer PW = 2 * ENTRY_BITS;
    localparam [PW-1:0] ROUND = {{(PW-1){1'b0}}, 1'b1} << (F - 1);

    reg [ENTRY_BITS-1:0] hi_rom [0:HI_DEPTH-1];
    reg [ENTRY_BITS-1:0] lo_rom [0:(1<<K)-1];

    initial begin
        if (HI_INIT != "") begin
            $readmemh(HI_INIT, hi_rom);
        end
        if (LO_INIT != "") begin
            $readmemh(LO_INIT, lo_rom);
        end
    end

    // Tick bits above the hi address are zero by the contract; they are not looked at.
    /* verilator lint_off UNUSEDSIGNAL */
    wire [NW-1:0] n_ext = {{(NW-TICK_BITS){1'b0}}, n};
    /* verilator lint_on UNUSEDSIGNAL */
    wire [HI_AW-1:0] hi_addr = n_ext[K +: HI_AW];
    wire [K-1:0]     lo_addr = n_ext[K-1:0];

    reg [ENTRY_BITS-1:0] hi_q;
    reg [ENTRY_BITS-1:0] lo_q;
    reg [ENTRY_BITS-1:0] z_q;
    reg                  v1;
    reg                  v2;

    // Full-width products; the >> F result fits in ENTRY_BITS by the contract.
    /* verilator lint_off UNUSEDSIGNAL */
    wire [PW-1:0] z_full  = {{ENTRY_BITS{1'b0}}, hi_q} * {{ENTRY_BITS{1'b0}}, lo_q} + ROUND;
    wire [PW-1:0] zc_full = {{ENTRY_BITS{1'b0}}, z_q} * {{ENTRY_BITS{1'b0}}, H} + ROUND;
    /* verilator lint_on UNUSEDSIGNAL */

    always @(posedge clk) begin
        hi_q <= hi_rom[hi_addr];
        lo_q <= lo_rom[lo_addr];
        z_q  <= z_full[F +: ENTRY_BITS];
        z    <= z_q;
        zc   <= zc_full[F +: ENTRY_BITS];
    end

    always @(posedge clk) begin
        if (rst) begin
            v1        <= 1'b0;
            v2        <= 1'b0;
            valid_out <= 1'b0;
        end else begin
            v1        <= valid_in;
            v2        <= v1;
            valid_out <= v2;
        end
    end
endmodule
`default_nettype wire
