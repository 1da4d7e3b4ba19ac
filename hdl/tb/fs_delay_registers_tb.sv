// fs_delay_registers: pair images from.hex, to.hex and delay.hex, then each line of vectors.hex
// (pair, source tick, drop tick, then the expected from, to, arrival and keep; hex at W bits, written
// by FsDelayRegistersTest): the pair's address for a clock, its from and to checked, then the source
// tick and drop applied and arrival (when kept) and keep checked.
`default_nettype none
module tb #(
    parameter integer PAIRS = 50,
    parameter integer W     = 12
);
    reg clk = 1'b0;
    reg [W-1:0] addr = '0;
    reg [W-1:0] src_tick = '0;
    reg [W-1:0] drop = '0;
    wire [W-1:0] from;
    wire [W-1:0] to;
    wire [W-1:0] arrival;
    wire keep;
    reg [W-1:0] in_pair;
    reg [W-1:0] in_src;
    reg [W-1:0] in_drop;
    reg [W-1:0] want_from;
    reg [W-1:0] want_to;
    reg [W-1:0] want_arrival;
    reg want_keep;
    integer fd;
    integer line = 0;
    integer kept = 0;
    integer errors = 0;

    fs_delay_registers #(.PAIRS(PAIRS), .W(W), .FROM_INIT("from.hex"), .TO_INIT("to.hex"),
            .DELAY_INIT("delay.hex")) dut (.clk(clk), .addr(addr), .from(from), .to(to), .src_tick(src_tick),
        .drop(drop), .arrival(arrival), .keep(keep));

    always #5 clk = ~clk;

    initial begin
        fd = $fopen("vectors.hex", "r");
        if (fd == 0) begin
            $fatal(1, "cannot open vectors.hex");
        end
        while ($fscanf(fd, "%h %h %h %h %h %h %h\n", in_pair, in_src, in_drop, want_from, want_to, want_arrival,
                want_keep) == 7) begin
            addr = in_pair;
            @(posedge clk);
            #1;
            src_tick = in_src;
            drop = in_drop;
            #1;
            if (from !== want_from || to !== want_to || keep !== want_keep || want_keep && arrival !== want_arrival)
            begin
                $display("MISMATCH line %0d: pair %0d tick %h drop %h: from %h/%h to %h/%h arrival %h/%h keep %b/%b (got/want)",
                         line + 1, in_pair, in_src, in_drop, from, want_from, to, want_to, arrival, want_arrival, keep,
                         want_keep);
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
