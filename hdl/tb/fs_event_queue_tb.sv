// fs_event_queue: random fills (pushes at random ticks, clustered and spread, buckets reused
// across fills), each drained completely. The model is the list of pushes itself: the drain must
// visit the nonempty ticks in ascending order, and under each tick exactly the entries pushed at it,
// each once. Every third fill is abandoned after two ticks, as the engine abandons its queue at an
// early decision: the clear that follows must leave no stale entry or occupancy bit behind. Odd fills
// stream their pushes one per clock, as the gather does: each push reads the bucket of the next
// while it writes its own, so pushes to the bucket (word) just written rely on the write-first reads.
// +seed=N replays a run; -GW=N builds the queue with N-bit ticks and indices.
`default_nettype none
module tb #(
    parameter integer W = 32                   // ticks and indices (≥ 12: entries are 1000 + id)
);
    localparam integer HORIZON = 100;          // ticks 0 .. 101, four occupancy words
    localparam integer ENTRIES = 64;
    localparam [W-1:0] NIL = {W{1'b1}};
    reg clk = 1'b0;
    reg clear = 1'b0;
    reg bucket_at = 1'b0;
    reg [W-1:0] at = '0;
    reg [W-1:0] look = '0;
    reg [W-1:0] ptr = '0;
    reg [W-1:0] n = '0;
    reg [W-1:0] elem_in = '0;
    reg push = 1'b0;
    reg pop = 1'b0;
    wire [W-1:0] next_tick;
    wire [W-1:0] head;
    wire [W-1:0] elem;
    wire [W-1:0] next;
    integer tick_of [0:ENTRIES-1];
    integer seen [0:ENTRIES-1];
    integer seed;
    integer fill;
    integer count;
    integer k;
    integer last;
    integer visited;
    integer ticks;
    integer partial;
    integer errors = 0;
    integer e;

    fs_event_queue #(.HORIZON(HORIZON), .ENTRIES(ENTRIES), .W(W)) dut (.clk(clk), .clear(clear), .bucket_at(bucket_at),
        .look(look), .at(at), .ptr(ptr), .n(n), .elem_in(elem_in), .push(push), .pop(pop), .next_tick(next_tick), .head(head),
        .elem(elem), .next(next));

    always #5 clk = ~clk;

    task automatic step;
        begin
            @(posedge clk);
            #1;
        end
    endtask

    // inputs settle for a clock (the reads), then one clock writes
    task automatic push_entry(input integer t, input integer id);
        begin
            bucket_at = 1'b1;
            look = W'(t);
            at = W'(t);
            n = W'(id);
            elem_in = W'(1000 + id);
            step();
            push = 1'b1;
            step();
            push = 1'b0;
        end
    endtask

    task automatic fail(input [8*48-1:0] what, input integer a, input integer b);
        begin
            $display("MISMATCH fill %0d: %0s (%0d, %0d), seed %0d", fill, what, a, b, seed);
            errors = errors + 1;
        end
    endtask

    initial begin
        if (!$value$plusargs("seed=%d", seed)) seed = 20261123;
        e = $urandom(seed);
        for (fill = 0; fill < 60; fill = fill + 1) begin
            clear = 1'b1;
            step();
            clear = 1'b0;
            count = $urandom % (ENTRIES + 1);
            for (k = 0; k < count; k = k + 1) begin
                // half the pushes in a narrow window (shared buckets and words), half anywhere
                tick_of[k] = (k % 2 == 0) ? 30 + $urandom % 8 : $urandom % (HORIZON + 2);
                seen[k] = 0;
                if (fill % 2 == 0) push_entry(tick_of[k], k);
            end
            if (fill % 2 == 1 && count > 0) begin
                // one push per clock: the first bucket is read a clock ahead, then each push reads the next
                bucket_at = 1'b1;
                look = W'(tick_of[0]);
                step();
                for (k = 0; k < count; k = k + 1) begin
                    at = W'(tick_of[k]);
                    look = W'(k + 1 < count ? tick_of[k + 1] : 0);
                    n = W'(k);
                    elem_in = W'(1000 + k);
                    push = 1'b1;
                    step();
                end
                push = 1'b0;
            end
            bucket_at = 1'b0;
            last = -1;
            visited = 0;
            ticks = 0;
            partial = fill % 3 == 2;
            step();
            step();
            while (next_tick != NIL && visited <= count && !(partial && ticks == 2)) begin
                ticks = ticks + 1;
                if ($signed(next_tick) <= last) fail("tick not ascending", next_tick, last);
                last = next_tick;
                ptr = head;
                while (ptr != NIL && visited <= count) begin
                    step();
                    if (elem < 1000 || elem - 1000 >= count) begin
                        fail("entry never pushed", elem, ptr);
                    end else begin
                        if (tick_of[elem - 1000] != last) fail("entry under the wrong tick", elem - 1000, last);
                        if (seen[elem - 1000] != 0) fail("entry drained twice", elem - 1000, last);
                        seen[elem - 1000] = 1;
                    end
                    visited = visited + 1;
                    ptr = next;
                end
                pop = 1'b1;
                step();
                pop = 1'b0;
                step();
                step();
            end
            if (!partial) begin
                if (visited != count) fail("entries drained vs pushed", visited, count);
                for (k = 0; k < count; k = k + 1) begin
                    if (seen[k] == 0) fail("entry lost", k, tick_of[k]);
                end
            end
        end
        if (errors == 0) begin
            $display("PASS fs_event_queue (60 fills, seed %0d, W %0d)", seed, W);
        end else begin
            $fatal(1, "FAIL fs_event_queue: %0d mismatches, seed %0d", errors, seed);
        end
        $finish;
    end
endmodule
`default_nettype wire
