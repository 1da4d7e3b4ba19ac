// fs_synapse_lane: applies each line of vectors.hex (a b mark tick level z fires, then the expected
// accumulate detect a_next b_next mark_next last_next; two's complement hex at the port widths,
// written by FsSynapseLaneTest from docs/semantics.md §4.1) and compares what the engine writes:
// the two flags always, A, B and the mark after an accumulation, the mark and last after a detection.
`default_nettype none
module tb #(
    parameter integer A_BITS = 17,
    parameter integer B_BITS = 40,
    parameter integer Z_BITS = 22,
    parameter integer W      = 16,
    parameter integer MUL_A  = 0
);
    reg  [A_BITS-1:0] a = '0;
    reg  [B_BITS-1:0] b = '0;
    reg  [W-1:0]      mark = '0;
    reg  [W-1:0]      tick = '0;
    reg  [15:0]       level = '0;
    reg  [Z_BITS-1:0] z = '0;
    reg               fires = 1'b0;
    reg  [A_BITS-1:0] in_a;
    reg  [B_BITS-1:0] in_b;
    reg  [W-1:0]      in_mark;
    reg  [W-1:0]      in_tick;
    reg  [15:0]       in_level;
    reg  [Z_BITS-1:0] in_z;
    reg               in_fires;
    reg               want_acc;
    reg               want_det;
    reg  [A_BITS-1:0] want_a;
    reg  [B_BITS-1:0] want_b;
    reg  [W-1:0]      want_mark;
    reg  [W-1:0]      want_last;
    wire              accumulate;
    wire              detect;
    wire [A_BITS-1:0] a_next;
    wire [B_BITS-1:0] b_next;
    wire [W-1:0]      mark_next;
    wire [W-1:0]      last_next;
    integer fd;
    integer line = 0;
    integer errors = 0;
    reg bad;

    fs_synapse_lane #(.A_BITS(A_BITS), .B_BITS(B_BITS), .Z_BITS(Z_BITS), .W(W), .MUL_A(MUL_A)) dut (.a(a), .b(b), .mark(mark),
        .tick(tick), .level(level), .z(z), .fires(fires), .accumulate(accumulate), .detect(detect), .a_next(a_next),
        .b_next(b_next), .mark_next(mark_next), .last_next(last_next));

    initial begin
        fd = $fopen("vectors.hex", "r");
        if (fd == 0) begin
            $fatal(1, "cannot open vectors.hex");
        end
        // scanned into copies first, as in fs_fire_test_tb (Verilator 5.006 and $fscanf targets)
        while ($fscanf(fd, "%h %h %h %h %h %h %h %h %h %h %h %h %h\n", in_a, in_b, in_mark, in_tick, in_level, in_z,
                in_fires, want_acc, want_det, want_a, want_b, want_mark, want_last) == 13) begin
            a = in_a;
            b = in_b;
            mark = in_mark;
            tick = in_tick;
            level = in_level;
            z = in_z;
            fires = in_fires;
            #1;
            bad = accumulate !== want_acc || detect !== want_det
                || want_acc && (a_next !== want_a || b_next !== want_b || mark_next !== want_mark)
                || want_det && (mark_next !== want_mark || last_next !== want_last);
            if (bad) begin
                $display("MISMATCH line %0d: a=%h b=%h mark=%h tick=%h q=%h z=%h fires=%b: acc %b/%b det %b/%b a %h/%h b %h/%h mark %h/%h last %h/%h (got/want)",
                         line + 1, a, b, mark, tick, level, z, fires, accumulate, want_acc, detect, want_det, a_next,
                         want_a, b_next, want_b, mark_next, want_mark, last_next, want_last);
                errors = errors + 1;
            end
            line = line + 1;
        end
        $fclose(fd);
        if (errors != 0) begin
            $fatal(1, "%0d mismatches", errors);
        end
        $display("PASS fs_synapse_lane checked %0d", line);
        $finish;
    end
endmodule
`default_nettype wire
