// The event queue of docs/architecture.md §4.2: a bucket per tick, each a LIFO list of entries
// (the order of events inside a tick changes no result and no cycle count), and a two-level
// occupancy map — one 32-tick word per summary bit — that finds the next nonempty tick without a
// sweep. Entries, bucket heads and occupancy words are block RAM (fs_sdp_ram); the summary bits are
// flip-flops, so `clear` empties the whole queue in one clock (a word whose summary bit is clear
// reads as empty, whatever it holds).
//
// Timing (registered reads): the outputs are valid one clock after their inputs settle —
//   next_tick  one clock after the last write (it reads the first occupied word);
//   head       one clock after `look` (bucket_at = 1) or next_tick (bucket_at = 0) settles;
//   elem, next one clock after `ptr` settles.
// Bucket heads and occupancy words read write-first: a read in the clock of a write to the same
// bucket (word) returns what that write stores, so pushes can follow each other every clock, each
// reading the bucket of the next (`look`) while it writes its own (`at`).
// Writes happen on a clock with push or pop high, at most one of them: push puts element `elem_in`
// as entry `n` at the head of bucket `at`; pop removes tick next_tick from the map (its entries are
// then walked from head through next). next = NIL (all ones) ends a bucket. Ticks and indices are W
// bits; an occupancy word always holds 32 ticks.
`default_nettype none
module fs_event_queue #(
    parameter integer HORIZON = 16,        // ticks 0 .. HORIZON + 1
    parameter integer ENTRIES = 4,         // entries of one fill (a stage's events)
    parameter integer W = 32               // ticks and entry indices (> 5, holds HORIZON + 33 and NIL)
) (
    input  wire        clk,
    input  wire        clear,              // empty the queue
    input  wire        bucket_at,          // head reads bucket `look` (else next_tick's)
    /* verilator lint_off UNUSEDSIGNAL */  // indices: only their low bits address the memories
    input  wire [W-1:0] look,
    input  wire [W-1:0] at,
    input  wire [W-1:0] ptr,
    input  wire [W-1:0] n,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [W-1:0] elem_in,
    input  wire        push,
    input  wire        pop,
    output reg  [W-1:0] next_tick,         // NIL when empty
    output wire [W-1:0] head,
    output wire [W-1:0] elem,
    output wire [W-1:0] next
);
    localparam [W-1:0] NIL = {W{1'b1}};
    localparam integer WORDS = (HORIZON + 2 + 31) / 32;
    localparam integer HEADS = HORIZON + 2;

    function automatic integer aw(input integer depth);
        aw = depth > 1 ? $clog2(depth) : 1;
    endfunction

    reg [WORDS-1:0] summary;
    reg [W-1:0] next_word;
    wire [31:0] word_stored;
    wire [31:0] word_q;                    // word_stored, or what the clock before wrote to its address
    wire [W-1:0] head_stored;
    /* verilator lint_off UNUSEDSIGNAL */  // addresses: low bits used
    reg [W-1:0] word_ra;
    wire [W-1:0] head_ra = bucket_at ? look : next_tick;
    wire [W-1:0] at_word = at >> 5;
    wire [W-1:0] look_word = look >> 5;
    /* verilator lint_on UNUSEDSIGNAL */
    localparam integer WA = aw(WORDS);
    // a push's word: read the clock before, when `look` was this push's `at`
    wire [31:0] word_now = summary[at_word[WA-1:0]] ? word_q : 32'd0;

    // the first word with its summary bit set, then its first set bit
    integer t;
    always @* begin
        next_word = '0;
        for (t = WORDS - 1; t >= 0; t = t - 1) begin
            if (summary[t]) begin
                next_word = W'(t);
            end
        end
        word_ra = bucket_at ? look_word : next_word;
        next_tick = NIL;
        for (t = 31; t >= 0; t = t - 1) begin
            if (word_q[t] && summary[next_word[WA-1:0]] && !bucket_at) begin
                next_tick = W'(next_word * 32 + t);
            end
        end
    end

    // pop: the tick's bit leaves its word; push: the bucket's bit is set (a no-op if already set)
    wire [31:0] popped = word_q & ~(32'd1 << next_tick[4:0]);
    wire [31:0] word_wd = pop ? popped : word_now | 32'd1 << at[4:0];
    /* verilator lint_off UNUSEDSIGNAL */
    wire [W-1:0] word_wa = pop ? next_word : at_word;
    /* verilator lint_on UNUSEDSIGNAL */
    // an old head of an empty bucket is stale
    wire [W-1:0] next_wd = ((word_now >> at[4:0]) & 32'd1) != 0 ? head : NIL;

    fs_sdp_ram #(.WIDTH(32), .DEPTH(WORDS)) words (.clk(clk), .we(push || pop), .waddr(word_wa[WA-1:0]),
        .wdata(word_wd), .re(1'b1), .raddr(word_ra[WA-1:0]), .rdata(word_stored));
    fs_sdp_ram #(.WIDTH(W), .DEPTH(HEADS)) heads (.clk(clk), .we(push), .waddr(at[aw(HEADS)-1:0]), .wdata(n),
        .re(1'b1), .raddr(head_ra[aw(HEADS)-1:0]), .rdata(head_stored));
    // write-first: the block RAMs read first, so a read of what the same clock writes takes the
    // written value from a register instead
    reg head_written;
    reg [W-1:0] head_wd;
    reg word_written;
    reg [31:0] word_wd_q;
    always @(posedge clk) begin
        head_written <= push && head_ra[aw(HEADS)-1:0] == at[aw(HEADS)-1:0];
        head_wd <= n;
        word_written <= (push || pop) && word_ra[WA-1:0] == word_wa[WA-1:0];
        word_wd_q <= word_wd;
    end
    assign head = head_written ? head_wd : head_stored;
    assign word_q = word_written ? word_wd_q : word_stored;
    fs_sdp_ram #(.WIDTH(W), .DEPTH(ENTRIES)) elems (.clk(clk), .we(push), .waddr(n[aw(ENTRIES)-1:0]),
        .wdata(elem_in), .re(1'b1), .raddr(ptr[aw(ENTRIES)-1:0]), .rdata(elem));
    fs_sdp_ram #(.WIDTH(W), .DEPTH(ENTRIES)) links (.clk(clk), .we(push), .waddr(n[aw(ENTRIES)-1:0]),
        .wdata(next_wd), .re(1'b1), .raddr(ptr[aw(ENTRIES)-1:0]), .rdata(next));

    always @(posedge clk) begin
        if (clear) begin
            summary <= '0;
        end else if (push) begin
            summary[at_word[WA-1:0]] <= 1'b1;
        end else if (pop && popped == 0) begin
            summary[next_word[WA-1:0]] <= 1'b0;
        end
    end
endmodule
`default_nettype wire
