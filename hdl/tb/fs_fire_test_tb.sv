// fs_fire_test: applies each line of vectors.hex (a b theta zc ap prod fires, two's complement hex at
// the port widths, written by FsFireTestTest from BigInteger arithmetic) and compares ap, prod and fires.
`default_nettype none
module tb #(
    parameter integer A_BITS     = 16,
    parameter integer B_BITS     = 40,
    parameter integer THETA_BITS = 24,
    parameter integer Z_BITS     = 26,
    parameter integer G          = 8,
    parameter integer MUL_A      = 0,
    parameter integer MUL_B      = 0
);
    localparam integer AP_BITS = (A_BITS + G > THETA_BITS ? A_BITS + G : THETA_BITS) + 1;
    reg  [A_BITS-1:0]     a = '0;
    reg  [B_BITS-1:0]     b = '0;
    reg  [THETA_BITS-1:0] theta = '0;
    reg  [Z_BITS-1:0]     zc = '0;
    reg  [A_BITS-1:0]     in_a;
    reg  [B_BITS-1:0]     in_b;
    reg  [THETA_BITS-1:0] in_theta;
    reg  [Z_BITS-1:0]     in_zc;
    reg  [AP_BITS-1:0]    want_ap;
    reg  [Z_BITS+AP_BITS-2:0] want_prod;
    reg                   want_fires;
    wire [AP_BITS-1:0]    ap;
    wire [Z_BITS+AP_BITS-2:0] prod;
    wire                  fires;
    integer fd;
    integer line = 0;
    integer errors = 0;

    fs_fire_test #(.A_BITS(A_BITS), .B_BITS(B_BITS), .THETA_BITS(THETA_BITS), .Z_BITS(Z_BITS), .G(G),
            .MUL_A(MUL_A), .MUL_B(MUL_B)) dut (
        .a(a), .b(b), .theta(theta), .zc(zc), .ap(ap), .prod(prod), .fires(fires));

    initial begin
        fd = $fopen("vectors.hex", "r");
        if (fd == 0) begin
            $fatal(1, "cannot open vectors.hex");
        end
        // Scanned into copies first: with Verilator 5.006, logic fed by a variable that only
        // $fscanf wrote was seen to keep its old value.
        while ($fscanf(fd, "%h %h %h %h %h %h %h\n", in_a, in_b, in_theta, in_zc, want_ap, want_prod, want_fires)
                == 7) begin
            a = in_a;
            b = in_b;
            theta = in_theta;
            zc = in_zc;
            #1;
            if (ap !== want_ap || prod !== want_prod || fires !== want_fires) begin
                $display("MISMATCH line %0d: a=%h b=%h theta=%h zc=%h: ap got %h want %h, prod got %h want %h, fires got %b want %b",
                         line + 1, a, b, theta, zc, ap, want_ap, prod, want_prod, fires, want_fires);
                errors = errors + 1;
            end
            line = line + 1;
        end
        $fclose(fd);
        if (errors != 0) begin
            $fatal(1, "%0d mismatches", errors);
        end
        $display("PASS fs_fire_test checked %0d", line);
        $finish;
    end
endmodule
`default_nettype wire
