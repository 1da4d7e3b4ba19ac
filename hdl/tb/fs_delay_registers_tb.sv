// fs_delay_registers: run images from.hex, to.hex, delay.hex and length.hex, then each line of
// vectors.hex (run, pair within it, source tick, drop tick, then the expected from, to, length,
// arrival and keep; hex at W bits, written by FsDelayRegistersTest): the run's address for a clock,
// the pair's from, to and the run's length checked, then the source tick and drop applied and
// arrival (when kept) and keep checked.
`default_nettype none
module tb #(
    parameter integer RUNS = 50,
    parameter integer W     = 12
);
    reg clk = 1'b0;
    reg [W-1:0] addr = '0;
    reg [W-1:0] k = '0;
    reg [W-1:0] src_tick = '0;
    reg [W-1:0] drop = '0;
    wire [W-1:0] from;
    wire [W-1:0] to;
    wire [W-1:0] length;
    wire [W-1:0] arrival;
    wire keep;
    reg [W-1:0] in_run;
    reg [W-1:0] in_k;
    reg [W-1:0] in_src;
    reg [W-1:0] in_drop;
    reg [W-1:0] want_from;
    reg [W-1:0] want_to;
    reg [W-1:0] want_length;
    reg [W-1:0] want_arrival;
    reg want_keep;
    integer fd;
    integer line = 0;
    integer kept = 0;
    integer errors = 0;

    fs_delay_registers #(.RUNS(RUNS), .W(W), .FROM_INIT("from.hex"), .TO_INIT("to.hex"),
            .DELAY_INIT("delay.hex"), .LENGTH_INIT("length.hex")) dut (.clk(clk), .addr(addr), .k(k), .from(from),
        .to(to), .length(length), .src_tick(src_tick), .drop(drop), .arrival(arrival), .keep(keep));

    always #5 clk = ~clk;

    initial begin
        fd = $fopen("vectors.hex", "r");
        if (fd == 0) begin
            $fatal(1, "cannot open vectors.hex");
        end
        while ($fscanf(fd, "%h %h %h %h %h %h %h %h %h\n", in_run, in_k, in_src, in_drop, want_from, want_to,
                want_length, want_arrival, want_keep) == 9) begin
            addr = in_run;
            k = in_k;
            @(posedge clk);
            #1;
            src_tick = in_src;
            drop = in_drop;
            #1;
            if (from !== want_from || to !== want_to || length !== want_length || keep !== want_keep
                    || want_keep && arrival !== want_arrival) begin
                $display("MISMATCH line %0d: run %0d pair %0d tick %h drop %h: from %h/%h to %h/%h length %h/%h arrival %h/%h keep %b/%b (got/want)",
                         line + 1, in_run, in_k, in_src, in_drop, from, want_from, to, want_to, length, want_length,
                         arrival, want_arrival, keep, want_keep);
                errors = errors + 1;
            end
            kept = kept + (want_keep ? 1 : 0);
            line = line + 1;
        end
        $fclose(fd);
        if (errors != 0) begin
            $fatal(1, "%0d mismatches", errors);
        end
        $display("PASS fs_delay_registers checked %0d (%0d kept)", line, kept);
        $finish;
    end
endmodule
`default_nettype wire
