// fs_ztable: streams the JUnit test's stimulus (one {valid, n} word per cycle) and checks, after every
// clock edge, that valid_out, z and zc equal the stimulus of 3 cycles earlier looked up in the Java
// tables (org.firstspike.ir.ZTable). That checks the values and the documented fixed latency.
// Files (written by FsZtableTest): hi.hex, lo.hex (the ROMs), z.hex, zc.hex (expected, by tick),
// stim.hex. Parameters come from the test with -G.
`default_nettype none
module tb #(
    parameter integer F          = 16,
    parameter integer TICK_BITS  = 11,
    parameter integer ENTRY_BITS = 26,
    parameter integer HI_DEPTH   = 32,
    parameter [ENTRY_BITS-1:0] H = 65_728,
    parameter integer N_TABLE    = 1024,          // ticks with an expected value: 0 .. N_TABLE-1
    parameter integer N_STIM     = 2048           // stimulus words
);
    localparam integer LATENCY = 3;
    reg clk = 1'b0;
    reg rst = 1'b1;
    reg valid_in = 1'b0;
    reg [TICK_BITS-1:0] n = '0;
    wire valid_out;
    wire [ENTRY_BITS-1:0] z;
    wire [ENTRY_BITS-1:0] zc;

    reg [ENTRY_BITS-1:0] exp_z  [0:N_TABLE-1];
    reg [ENTRY_BITS-1:0] exp_zc [0:N_TABLE-1];
    reg [TICK_BITS:0]    stim   [0:N_STIM-1];
    integer i;
    integer checked = 0;
    integer errors = 0;

    fs_ztable #(.F(F), .TICK_BITS(TICK_BITS), .ENTRY_BITS(ENTRY_BITS), .HI_DEPTH(HI_DEPTH), .H(H),
                .HI_INIT("hi.hex"), .LO_INIT("lo.hex")) dut (
        .clk(clk), .rst(rst), .valid_in(valid_in), .n(n), .valid_out(valid_out), .z(z), .zc(zc));

    always #5 clk = ~clk;

    task automatic check(input integer at);
        reg want_valid;
        reg [TICK_BITS-1:0] t;
        begin
            want_valid = at >= 0 && at < N_STIM ? stim[at][TICK_BITS] : 1'b0;
            t = at >= 0 && at < N_STIM ? stim[at][TICK_BITS-1:0] : '0;
            if (valid_out !== want_valid) begin
                $display("MISMATCH valid_out after stimulus %0d: got %b, want %b", at, valid_out, want_valid);
                errors = errors + 1;
            end else if (want_valid) begin
                checked = checked + 1;
                if (z !== exp_z[t] || zc !== exp_zc[t]) begin
                    $display("MISMATCH n=%0d: z got %0d want %0d, zc got %0d want %0d",
                             t, z, exp_z[t], zc, exp_zc[t]);
                    errors = errors + 1;
                end
            end
        end
    endtask

    initial begin
        $readmemh("z.hex", exp_z);
        $readmemh("zc.hex", exp_zc);
        $readmemh("stim.hex", stim);
        // The reset clears the valid pipeline; nothing valid may come out of it.
        repeat (LATENCY + 1) @(posedge clk);
        #1;
        rst = 1'b0;
        for (i = 0; i < N_STIM + LATENCY; i = i + 1) begin
            if (i < N_STIM) begin
                valid_in = stim[i][TICK_BITS];
                n = stim[i][TICK_BITS-1:0];
            end else begin
                valid_in = 1'b0;
            end
            @(posedge clk);
            #1;
            check(i + 1 - LATENCY);
        end
        if (errors != 0) begin
            $fatal(1, "%0d mismatches", errors);
        end
        $display("PASS fs_ztable checked %0d", checked);
        $finish;
    end
endmodule
`default_nettype wire
