// fs_output_decoder with the firing test (fs_fire_test) as its borrowed multiplier, as in the engine:
// each pass of passes.hex ("P n drop", n lines "C index tick a b theta", then "E best best_tick"; hex
// at the port widths, written by FsOutputDecoderTest from the simulator's Crossing) clears the
// decoder, runs one decoder cycle per candidate (ph 0 .. 2·CHUNKS + 1, commit on the last clock) and
// compares the best index and tick it kept.
`default_nettype none
module tb #(
    parameter integer A_BITS  = 17,
    parameter integer B_BITS  = 40,
    parameter integer TH_BITS = 18,
    parameter integer Z_BITS  = 22,
    parameter integer G       = 8,
    parameter integer W       = 13
);
    localparam integer AP_BITS = (A_BITS + G > TH_BITS ? A_BITS + G : TH_BITS) + 1;
    localparam integer CHUNKS = (B_BITS + Z_BITS - 1) / Z_BITS;
    localparam integer LAST = 2 * CHUNKS + 1;
    reg clk = 1'b0;
    reg clear = 1'b0;
    reg decode = 1'b0;
    reg [15:0] ph = '0;
    reg [W-1:0] index = '0;
    reg [W-1:0] tick = '0;
    reg [W-1:0] drop = '0;
    reg [A_BITS-1:0] a = '0;
    reg [B_BITS-1:0] b = '0;
    reg [TH_BITS-1:0] theta = '0;
    reg [W-1:0] in_index;
    reg [W-1:0] in_tick;
    reg [W-1:0] in_drop;
    reg [A_BITS-1:0] in_a;
    reg [B_BITS-1:0] in_b;
    reg [TH_BITS-1:0] in_theta;
    reg [W-1:0] want_best;
    reg [W-1:0] want_tick;
    wire mul_on;
    wire [A_BITS-1:0] mul_a;
    wire [TH_BITS-1:0] mul_theta;
    wire [Z_BITS-1:0] mul_zc;
    /* verilator lint_off UNUSEDSIGNAL */
    wire [AP_BITS-1:0] ap;
    wire fires;
    wire better;
    wire [W-1:0] final_best;
    wire [W-1:0] final_tick;
    /* verilator lint_on UNUSEDSIGNAL */
    wire [Z_BITS+AP_BITS-2:0] prod;
    wire [W-1:0] best;
    wire [W-1:0] best_tick;
    integer fd;
    integer n;
    integer k;
    integer passes = 0;
    integer decided = 0;
    integer errors = 0;
    reg [8*2-1:0] tag;

    fs_fire_test #(.A_BITS(A_BITS), .B_BITS(B_BITS), .THETA_BITS(TH_BITS), .Z_BITS(Z_BITS), .G(G)) multiplier (
        .a(mul_a), .b(b), .theta(mul_theta), .zc(mul_on ? mul_zc : {Z_BITS{1'b0}}), .ap(ap), .prod(prod), .fires(fires));
    fs_output_decoder #(.A_BITS(A_BITS), .B_BITS(B_BITS), .TH_BITS(TH_BITS), .Z_BITS(Z_BITS), .G(G), .W(W)) dut (
        .clk(clk), .clear(clear), .decode(decode), .ph(ph), .commit(ph == 16'(LAST)), .index(index), .tick(tick),
        .drop(drop), .a(a), .b(b), .theta(theta), .mul_on(mul_on), .mul_a(mul_a), .mul_theta(mul_theta),
        .mul_zc(mul_zc), .prod(prod), .better(better), .best(best), .best_tick(best_tick), .final_best(final_best),
        .final_tick(final_tick));

    always #5 clk = ~clk;

    task automatic step;
        begin
            @(posedge clk);
            #1;
        end
    endtask

    initial begin
        fd = $fopen("passes.hex", "r");
        if (fd == 0) begin
            $fatal(1, "cannot open passes.hex");
        end
        while ($fscanf(fd, "P %h %h\n", n, in_drop) == 2) begin
            drop = in_drop;
            clear = 1'b1;
            step();
            clear = 1'b0;
            for (k = 0; k < n; k = k + 1) begin
                if ($fscanf(fd, "C %h %h %h %h %h\n", in_index, in_tick, in_a, in_b, in_theta) != 5) begin
                    $fatal(1, "pass %0d: candidate %0d unreadable", passes, k);
                end
                index = in_index;
                tick = in_tick;
                a = in_a;
                b = in_b;
                theta = in_theta;
                decode = 1'b1;
                for (ph = 16'd0; ph < 16'(LAST); ph = ph + 16'd1) begin
                    step();
                end
                step();             // ph = LAST: the commit
                decode = 1'b0;
                ph = 16'd0;
            end
            if ($fscanf(fd, "E %h %h\n", want_best, want_tick) != 2) begin
                $fatal(1, "pass %0d: expectation unreadable", passes);
            end
            if (best !== want_best || (want_best != {W{1'b1}} && best_tick !== want_tick)) begin
                $display("MISMATCH pass %0d (%0d candidates, drop %0d): best %0d tick %0d, want %0d tick %0d", passes,
                         n, drop, $signed(best), best_tick, $signed(want_best), want_tick);
                errors = errors + 1;
            end
            decided = decided + (want_best != {W{1'b1}} ? 1 : 0);
            passes = passes + 1;
        end
        $fclose(fd);
        if (errors != 0) begin
            $fatal(1, "%0d mismatches", errors);
        end
        $display("PASS fs_output_decoder checked %0d passes (%0d decided)", passes, decided);
        $finish;
    end
endmodule
`default_nettype wire
