// fs_merge_unit: 300 random stages, each in a new epoch, half first-spike pooling and half time-add,
// against a model kept here from docs/semantics.md §5. A stage delivers random arrivals (pooling: at
// most one per element; time-add: up to `operands` per element, each operand's tick), then asks for
// outputs: pooling, random windows of taps (arrived or not, repeated or not) with or without pad taps
// and pad ticks; time-add, elements with all, some or none of their operands. Elements left from
// earlier stages must read as empty; every 7th stage follows the engine's restart (every entry's tag
// scrubbed to 0, one per clock, then epoch 1 again), so tags of earlier runs must not alias.
// +seed=N replays a run.
`default_nettype none
module tb #(
    parameter integer DEPTH   = 29,
    parameter integer W       = 12,
    parameter integer EP_BITS = 10
);
    localparam integer STAGES = 300;
    localparam integer TICKS = 1 << (W - 3);   // arrival ticks below it: sums of up to 2 stay below 2^(W-2)
    localparam [W-1:0] NEVER = {1'b0, {(W - 1){1'b1}}};
    reg clk = 1'b0;
    reg [EP_BITS-1:0] epoch = '0;
    reg add = 1'b0;
    reg [W-1:0] addr = '0;
    reg [W-1:0] scrub_addr = '0;
    reg scrub = 1'b0;
    reg arrive = 1'b0;
    reg [W-1:0] tick = '0;
    reg window_start = 1'b0;
    reg tap = 1'b0;
    reg padded = 1'b0;
    reg [W-1:0] pad_tick = '0;
    reg [W-1:0] operands = '0;
    wire [W-1:0] sum;
    wire [W-1:0] count;
    wire [W-1:0] window_min;
    wire [W-1:0] out_tick;

    // the model: this stage's arrivals per element
    integer m_count [0:DEPTH-1];
    integer m_sum [0:DEPTH-1];
    integer m_min;
    integer want;
    integer stage;
    integer k;
    integer j;
    integer n;
    integer el;
    integer t;
    integer ops;
    integer seed;
    integer e;
    integer errors = 0;
    integer outputs = 0;
    integer nevers = 0;

    fs_merge_unit #(.DEPTH(DEPTH), .W(W), .EP_BITS(EP_BITS)) dut (.clk(clk), .epoch(epoch), .add(add), .addr(addr),
        .scrub_addr(scrub_addr), .scrub(scrub), .sum(sum), .count(count), .arrive(arrive), .tick(tick),
        .window_start(window_start), .tap(tap),
        .padded(padded), .pad_tick(pad_tick), .operands(operands), .window_min(window_min), .out_tick(out_tick));

    always #5 clk = ~clk;

    task automatic step;
        begin
            @(posedge clk);
            #1;
        end
    endtask

    // element el's entry is read for a clock, then the arrival writes it
    task automatic deliver(input integer elem, input integer at);
        begin
            addr = W'(elem);
            step();
            tick = W'(at);
            arrive = 1'b1;
            step();
            arrive = 1'b0;
        end
    endtask

    task automatic check(input integer expected, input [8*16-1:0] what);
        begin
            outputs = outputs + 1;
            if (expected == NEVER) nevers = nevers + 1;
            if (out_tick !== W'(expected)) begin
                $display("MISMATCH stage %0d %0s: got %0d want %0d, seed %0d", stage, what, out_tick, expected, seed);
                errors = errors + 1;
            end
        end
    endtask

    initial begin
        if (!$value$plusargs("seed=%d", seed)) seed = 20261124;
        e = $urandom(seed);
        for (stage = 0; stage < STAGES; stage = stage + 1) begin
            if (stage % 7 == 6) begin
                scrub = 1'b1;
                for (j = 0; j < DEPTH; j = j + 1) begin
                    scrub_addr = W'(j);
                    step();
                end
                scrub = 1'b0;
                epoch = '0;
            end
            epoch = epoch + 1'b1;
            add = stage % 2 == 1;
            ops = 2;
            operands = W'(ops);
            for (j = 0; j < DEPTH; j = j + 1) begin
                m_count[j] = 0;
                m_sum[j] = 0;
            end
            // arrivals
            n = $urandom % (2 * DEPTH);
            for (k = 0; k < n; k = k + 1) begin
                el = $urandom % DEPTH;
                t = $urandom % TICKS;
                if (add ? m_count[el] < ops : m_count[el] == 0) begin
                    deliver(el, t);
                    m_count[el] = m_count[el] + 1;
                    m_sum[el] = m_sum[el] + t;
                end
            end
            // outputs
            for (k = 0; k < 12; k = k + 1) begin
                if (add) begin
                    el = $urandom % DEPTH;
                    addr = W'(el);
                    step();
                    check(m_count[el] < ops ? NEVER : m_sum[el], "time-add");
                end else begin
                    window_start = 1'b1;
                    step();
                    window_start = 1'b0;
                    m_min = NEVER;
                    n = $urandom % 5;
                    for (j = 0; j < n; j = j + 1) begin
                        el = $urandom % DEPTH;
                        addr = W'(el);
                        step();
                        tap = 1'b1;
                        step();
                        tap = 1'b0;
                        if (m_count[el] != 0 && m_sum[el] < m_min) m_min = m_sum[el];
                    end
                    padded = $urandom % 2 == 1;
                    pad_tick = $urandom % 3 == 0 ? {W{1'b1}} : W'($urandom % TICKS);
                    #1;
                    want = padded && !pad_tick[W-1] && pad_tick < m_min ? pad_tick : m_min;
                    check(want, "pooling");
                end
            end
        end
        if (nevers < outputs / 10 || nevers > outputs * 9 / 10) begin
            $fatal(1, "FAIL fs_merge_unit: %0d of %0d outputs never spike, seed %0d", nevers, outputs, seed);
        end
        if (errors == 0) begin
            $display("PASS fs_merge_unit (%0d stages, %0d outputs, seed %0d)", STAGES, outputs, seed);
        end else begin
            $fatal(1, "FAIL fs_merge_unit: %0d mismatches, seed %0d", errors, seed);
        end
        $finish;
    end
endmodule
`default_nettype wire
