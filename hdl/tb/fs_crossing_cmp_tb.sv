// fs_crossing_cmp: applies each line of vectors.hex (b1 ap1 b2 ap2 earlier, two's complement hex at
// the port widths, expected values from Crossing.earlier, written by FsCrossingCmpTest).
`default_nettype none
module tb #(
    parameter integer B_BITS  = 64,
    parameter integer AP_BITS = 64
);
    reg  [B_BITS-1:0]  b1 = '0;
    reg  [AP_BITS-1:0] ap1 = '0;
    reg  [B_BITS-1:0]  b2 = '0;
    reg  [AP_BITS-1:0] ap2 = '0;
    reg  [B_BITS-1:0]  in_b1;
    reg  [AP_BITS-1:0] in_ap1;
    reg  [B_BITS-1:0]  in_b2;
    reg  [AP_BITS-1:0] in_ap2;
    reg                want;
    wire               earlier;
    integer fd;
    integer line = 0;
    integer errors = 0;

    fs_crossing_cmp #(.B_BITS(B_BITS), .AP_BITS(AP_BITS)) dut (
        .b1(b1), .ap1(ap1), .b2(b2), .ap2(ap2), .earlier(earlier));

    initial begin
        fd = $fopen("vectors.hex", "r");
        if (fd == 0) begin
            $fatal(1, "cannot open vectors.hex");
        end
        // Scanned into copies first: with Verilator 5.006, logic fed by a variable that only
        // $fscanf wrote was seen to keep its old value.
        while ($fscanf(fd, "%h %h %h %h %h\n", in_b1, in_ap1, in_b2, in_ap2, want) == 5) begin
            b1 = in_b1;
            ap1 = in_ap1;
            b2 = in_b2;
            ap2 = in_ap2;
            #1;
            if (earlier !== want) begin
                $display("MISMATCH line %0d: b1=%h ap1=%h b2=%h ap2=%h: earlier got %b want %b",
                         line + 1, b1, ap1, b2, ap2, earlier, want);
                errors = errors + 1;
            end
            line = line + 1;
        end
        $fclose(fd);
        if (errors != 0) begin
            $fatal(1, "%0d mismatches", errors);
        end
        $display("PASS fs_crossing_cmp checked %0d", line);
        $finish;
    end
endmodule
`default_nettype wire
