// fs_dual_rom: both ports read the file's words one clock after their addresses, independently, the
// same address on both too. Expected values are the file's (no model needed).
`default_nettype none
module tb;
    localparam integer WIDTH = 12;
    localparam integer DEPTH = 64;
    reg clk = 1'b0;
    reg [5:0] ra = 6'd0;
    reg [5:0] rb = 6'd0;
    wire [WIDTH-1:0] qa;
    wire [WIDTH-1:0] qb;
    integer i;
    integer errors = 0;

    fs_dual_rom #(.WIDTH(WIDTH), .DEPTH(DEPTH), .INIT("rom_init.hex")) dut (
        .clk(clk), .raddr_a(ra), .rdata_a(qa), .raddr_b(rb), .rdata_b(qb));

    always #5 clk = ~clk;

    // ram_init.hex holds 5*i + 2 at address i (written by the JUnit test)
    function automatic [WIDTH-1:0] word(input integer a);
        word = WIDTH'(5 * a + 2);
    endfunction

    task automatic expect_reads(input [5:0] a, input [5:0] b);
        begin
            ra = a;
            rb = b;
            @(posedge clk);
            #1;
            if (qa !== word(a) || qb !== word(b)) begin
                $display("MISMATCH addr %0d, %0d: got %h, %h", a, b, qa, qb);
                errors = errors + 1;
            end
        end
    endtask

    initial begin
        for (i = 0; i < DEPTH; i = i + 1) begin
            expect_reads(i[5:0], 6'(DEPTH - 1 - i));      // every word on both ports, in opposite orders
            expect_reads(i[5:0], 6'(i + 1));              // an entry and the next, as the engine reads them
            expect_reads(i[5:0], i[5:0]);                 // the same word on both
        end
        if (errors != 0) begin
            $fatal(1, "%0d mismatches", errors);
        end
        $display("PASS fs_dual_rom");
        $finish;
    end
endmodule
`default_nettype wire
