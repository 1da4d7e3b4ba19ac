// fs_sdp_ram: initial contents from a file, then writes, reads one cycle later, read-first on a
// same-address collision. Expected values are the file's and the written ones (no model needed).
`default_nettype none
module tb;
    localparam integer WIDTH = 12;
    localparam integer DEPTH = 64;
    reg clk = 1'b0;
    reg we = 1'b0;
    reg re = 1'b0;
    reg [5:0] waddr = 6'd0;
    reg [5:0] raddr = 6'd0;
    reg [WIDTH-1:0] wdata = '0;
    wire [WIDTH-1:0] rdata;
    integer i;
    integer errors = 0;

    fs_sdp_ram #(.WIDTH(WIDTH), .DEPTH(DEPTH), .INIT("ram_init.hex")) dut (
        .clk(clk), .we(we), .waddr(waddr), .wdata(wdata), .re(re), .raddr(raddr), .rdata(rdata));

    always #5 clk = ~clk;

    task automatic expect_read(input [5:0] a, input [WIDTH-1:0] v);
        begin
            raddr = a;
            re = 1'b1;
            @(posedge clk);
            #1;
            re = 1'b0;
            if (rdata !== v) begin
                $display("MISMATCH addr %0d: got %h, want %h", a, rdata, v);
                errors = errors + 1;
            end
        end
    endtask

    initial begin
        // ram_init.hex holds 3*i + 1 at address i (written by the JUnit test).
        for (i = 0; i < DEPTH; i = i + 1) begin
            expect_read(i[5:0], WIDTH'(3 * i + 1));
        end
        for (i = 0; i < DEPTH; i = i + 1) begin
            waddr = i[5:0];
            wdata = WIDTH'(i * 37 + 5);
            we = 1'b1;
            @(posedge clk);
            #1;
        end
        we = 1'b0;
        for (i = 0; i < DEPTH; i = i + 1) begin
            expect_read(i[5:0], WIDTH'(i * 37 + 5));
        end
        // Same address, same cycle: the read returns the old word.
        waddr = 6'd9;
        wdata = 12'hABC;
        we = 1'b1;
        raddr = 6'd9;
        re = 1'b1;
        @(posedge clk);
        #1;
        we = 1'b0;
        re = 1'b0;
        if (rdata !== WIDTH'(9 * 37 + 5)) begin
            $display("MISMATCH read-first: got %h", rdata);
            errors = errors + 1;
        end
        expect_read(6'd9, 12'hABC);
        if (errors != 0) begin
            $fatal(1, "%0d mismatches", errors);
        end
        $display("PASS fs_sdp_ram");
        $finish;
    end
endmodule
`default_nettype wire
