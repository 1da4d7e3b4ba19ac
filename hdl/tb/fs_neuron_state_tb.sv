// fs_neuron_state: random writes (accumulate or detect, random neuron and data), reads of random
// neurons and epoch changes, every clock for 20,000 clocks, against a model of the memory kept here:
// per neuron its A, B, mark, last and the epoch that wrote it. A read returns the entry as it was
// before that clock's write (read-first block RAM), and an entry written under another epoch reads as
// untouched (A = B = 0, mark = −1). Every 2,000 clocks a scrub of every entry (tag 0), one per clock,
// in the same epoch: entries written in it must read as untouched after it.
// +seed=N replays a run.
`default_nettype none
module tb #(
    parameter integer DEPTH   = 37,
    parameter integer A_BITS  = 17,
    parameter integer B_BITS  = 40,
    parameter integer W       = 12,
    parameter integer EP_BITS = 8
);
    localparam integer CLOCKS = 20000;
    reg clk = 1'b0;
    reg [EP_BITS-1:0] epoch = '0;
    reg [W-1:0] raddr = '0;
    reg [W-1:0] waddr = '0;
    reg [W-1:0] scrub_addr = '0;
    reg scrub = 1'b0;
    reg accumulate = 1'b0;
    reg detect = 1'b0;
    reg [A_BITS-1:0] a_wd = '0;
    reg [B_BITS-1:0] b_wd = '0;
    reg [W-1:0] mark_wd = '0;
    reg [W-1:0] last_wd = '0;
    wire [A_BITS-1:0] a;
    wire [B_BITS-1:0] b;
    wire [W-1:0] mark;
    wire [W-1:0] last;

    // the model
    reg [A_BITS-1:0] m_a [0:DEPTH-1];
    reg [B_BITS-1:0] m_b [0:DEPTH-1];
    reg [W-1:0] m_mark [0:DEPTH-1];
    reg [W-1:0] m_last [0:DEPTH-1];
    reg [EP_BITS-1:0] m_ep [0:DEPTH-1];
    // the entry read at the last edge, as it was before that edge's write
    reg [A_BITS-1:0] r_a;
    reg [B_BITS-1:0] r_b;
    reg [W-1:0] r_mark;
    reg [W-1:0] r_last;
    reg [EP_BITS-1:0] r_ep;
    reg [A_BITS-1:0] want_a;
    reg [B_BITS-1:0] want_b;
    reg [W-1:0] want_mark;
    integer seed;
    integer e;
    integer k;
    integer i;
    integer errors = 0;
    integer stale = 0;
    integer fresh = 0;

    fs_neuron_state #(.DEPTH(DEPTH), .A_BITS(A_BITS), .B_BITS(B_BITS), .W(W), .EP_BITS(EP_BITS)) dut (.clk(clk),
        .epoch(epoch), .raddr(raddr), .waddr(waddr), .scrub_addr(scrub_addr), .scrub(scrub), .a(a), .b(b),
        .mark(mark), .last(last),
        .accumulate(accumulate), .detect(detect), .a_wd(a_wd), .b_wd(b_wd), .mark_wd(mark_wd), .last_wd(last_wd));

    function automatic [63:0] wide_random;
        input integer dummy;
        begin
            wide_random = {$urandom, $urandom};
            if (dummy < 0) wide_random = 64'd0;
        end
    endfunction

    initial begin
        if (!$value$plusargs("seed=%d", seed)) seed = 20261124;
        e = $urandom(seed);
        // the memories start at zero, tag 0 included: the model says the same
        for (i = 0; i < DEPTH; i = i + 1) begin
            m_a[i] = '0;
            m_b[i] = '0;
            m_mark[i] = '0;
            m_last[i] = '0;
            m_ep[i] = '0;
        end
        epoch = EP_BITS'(1);
        for (k = 0; k < CLOCKS; k = k + 1) begin
            if (k % 2000 == 1999) begin
                // the restart: scrub every tag, then the epochs begin again
                accumulate = 1'b0;
                detect = 1'b0;
                scrub = 1'b1;
                for (i = 0; i < DEPTH; i = i + 1) begin
                    scrub_addr = W'(i);
                    @(posedge clk);
                    m_ep[i] = '0;
                    #1;
                end
                scrub = 1'b0;
                // the epoch stays (unless 0): every entry written in it must now read as untouched
                if (epoch == '0) epoch = EP_BITS'(1);
            end
            // inputs for this clock; a few addresses are hot so reads meet fresh writes
            raddr = W'($urandom % 4 == 0 ? $urandom % 3 : $urandom % DEPTH);
            waddr = W'($urandom % 4 == 0 ? $urandom % 3 : $urandom % DEPTH);
            case ($urandom % 4)
                0: begin accumulate = 1'b1; detect = 1'b0; end
                1: begin accumulate = 1'b0; detect = 1'b1; end
                default: begin accumulate = 1'b0; detect = 1'b0; end
            endcase
            a_wd = A_BITS'(wide_random(k));
            b_wd = B_BITS'(wide_random(k));
            mark_wd = W'($urandom);
            last_wd = W'($urandom);
            @(posedge clk);
            // the model's view of this edge: read first, then write, then the epoch may move on
            r_a = m_a[raddr];
            r_b = m_b[raddr];
            r_mark = m_mark[raddr];
            r_last = m_last[raddr];
            r_ep = m_ep[raddr];
            if (accumulate) begin
                m_a[waddr] = a_wd;
                m_b[waddr] = b_wd;
                m_ep[waddr] = epoch;
            end
            if (accumulate || detect) m_mark[waddr] = mark_wd;
            if (detect) m_last[waddr] = last_wd;
            #1;
            if ($urandom % 40 == 0) epoch = epoch + 1'b1;
            #1;
            want_a = r_ep == epoch ? r_a : '0;
            want_b = r_ep == epoch ? r_b : '0;
            want_mark = r_ep == epoch ? r_mark : {W{1'b1}};
            if (r_ep == epoch) fresh = fresh + 1; else stale = stale + 1;
            if (a !== want_a || b !== want_b || mark !== want_mark || last !== r_last) begin
                $display("MISMATCH clock %0d neuron %0d epoch %0d (tag %0d): a %h/%h b %h/%h mark %h/%h last %h/%h (got/want), seed %0d",
                         k, raddr, epoch, r_ep, a, want_a, b, want_b, mark, want_mark, last, r_last, seed);
                errors = errors + 1;
            end
        end
        if (fresh < CLOCKS / 10 || stale < CLOCKS / 10) begin
            $fatal(1, "FAIL fs_neuron_state: too few current (%0d) or stale (%0d) reads, seed %0d", fresh, stale, seed);
        end
        if (errors == 0) begin
            $display("PASS fs_neuron_state (%0d clocks, seed %0d)", CLOCKS, seed);
        end else begin
            $fatal(1, "FAIL fs_neuron_state: %0d mismatches, seed %0d", errors, seed);
        end
        $finish;
    end

    always #5 clk = ~clk;
endmodule
`default_nettype wire
