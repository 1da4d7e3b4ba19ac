// The FirstSpike event engine, one lane and one neuron unit (docs/architecture.md with L = U = 1):
// every network-specific fact is a memory image the compiler writes (HardwareImage), so this
// module is the same for every network. It runs one image as the cycle-accurate simulator
// (org.firstspike.sim.Engine) does, cycle for cycle: the host writes the input ticks (one per
// cycle), then every stage runs setup (2 cycles), gather (1 cycle per pair), the drain of its
// event queue (1 cycle per nonempty tick, then per event its unit's cycles), and its finish
// (resolution, or the output write), and the output core raises done at the decision.
//
// Memories a stage must clear (neuron state, queue, counters) carry an epoch tag: a stage starts a
// new epoch, and an entry from an older one reads as cleared, so clearing costs no cycle. One
// write per memory per cycle, as block RAM allows; this version still reads memories
// combinationally (distributed RAM), so mapping onto block RAM, with its registered reads, is
// the next step.
`default_nettype none
module fs_engine #(
    parameter integer STAGES = 2,          // stage 0 is the input
    parameter integer TICK_WORDS = 16,     // Σ stage sizes
    parameter integer INPUTS = 4,
    parameter integer FEEDS = 1,
    parameter integer PAIRS = 1,
    parameter integer FAN_LISTS = 2,       // Σ over cores of (input lists + 1)
    parameter integer SYNAPSES = 1,
    parameter integer NEURONS = 1,         // Σ over cores of neurons
    parameter integer POS_ENTRIES = 1,
    parameter integer PADDED = 1,
    parameter integer MAX_EVENTS = 4,      // the most events one stage can queue (pairs + bias)
    parameter integer MAX_SIZE = 4,        // the largest stage
    parameter integer MAX_POSITIONS = 1,   // the most positions of any core
    parameter integer MAX_TAPS = 1,        // the most input taps of one minpool window
    parameter integer TAP_STARTS = 1,
    parameter integer TAP_ENTRIES = 1,
    parameter integer HORIZON = 16,        // every tick is ≤ HORIZON
    parameter integer HI_DEPTH = 1,
    parameter integer F = 16,              // table fraction bits
    parameter integer G = 8,               // threshold fraction bits
    parameter [63:0] Z_HALF = 64'd0,
    parameter STAGE_INIT = "",
    parameter FEED_INIT = "",
    parameter PAIR_INIT = "",
    parameter FANSTART_INIT = "",
    parameter FANTARGET_INIT = "",
    parameter FANLEVEL_INIT = "",
    parameter THETA_INIT = "",
    parameter DEAD_INIT = "",
    parameter POSSTART_INIT = "",
    parameter POSLIST_INIT = "",
    parameter TAPSTART_INIT = "",
    parameter TAPS_INIT = "",
    parameter PADDED_INIT = "",
    parameter HI_INIT = "",
    parameter LO_INIT = ""
) (
    input  wire        clk,
    input  wire        rst,
    // host: INPUTS input ticks, one per cycle, in element order, starting from idle
    input  wire        in_valid,
    input  wire [31:0] in_tick,
    // result
    output reg         done,
    output reg  [31:0] decision,
    output reg  [31:0] decision_tick,     // 32'hFFFFFFFF when no output fired
    output reg  [63:0] cycles,
    // read port into the tick memory (the testbench reads outputs after done)
    /* verilator lint_off UNUSEDSIGNAL */    // an index: only its low bits address the tick memory
    input  wire [31:0] peek_addr,
    /* verilator lint_on UNUSEDSIGNAL */
    output wire [31:0] peek_tick
);
    localparam integer NF = 20;            // words per stage descriptor (HardwareImage order)
    localparam [31:0] NEVER = 32'h7FFFFFFF;
    localparam [31:0] NIL = 32'hFFFFFFFF;

    // ---- memory images -------------------------------------------------------------------
    reg [31:0] sd [0:STAGES*NF-1];
    reg [31:0] fd [0:FEEDS*3-1];
    reg [31:0] pr [0:PAIRS*3-1];
    reg [31:0] fan_start [0:FAN_LISTS-1];
    reg [31:0] fan_target [0:SYNAPSES-1];
    reg [15:0] fan_level [0:SYNAPSES-1];
    reg [63:0] theta [0:NEURONS-1];
    reg [0:0]  dead [0:NEURONS-1];
    reg [31:0] pos_start [0:FAN_LISTS-1];
    reg [31:0] pos_list [0:POS_ENTRIES-1];
    reg [31:0] tap_start [0:TAP_STARTS-1];
    reg [31:0] taps [0:TAP_ENTRIES-1];
    reg [0:0]  padded [0:PADDED-1];
    reg [63:0] z_hi [0:HI_DEPTH-1];
    reg [63:0] z_lo [0:31];

    initial begin
        if (STAGE_INIT != "") $readmemh(STAGE_INIT, sd);
        if (FEED_INIT != "") $readmemh(FEED_INIT, fd);
        if (PAIR_INIT != "") $readmemh(PAIR_INIT, pr);
        if (FANSTART_INIT != "") $readmemh(FANSTART_INIT, fan_start);
        if (FANTARGET_INIT != "") $readmemh(FANTARGET_INIT, fan_target);
        if (FANLEVEL_INIT != "") $readmemh(FANLEVEL_INIT, fan_level);
        if (THETA_INIT != "") $readmemh(THETA_INIT, theta);
        if (DEAD_INIT != "") $readmemh(DEAD_INIT, dead);
        if (POSSTART_INIT != "") $readmemh(POSSTART_INIT, pos_start);
        if (POSLIST_INIT != "") $readmemh(POSLIST_INIT, pos_list);
        if (TAPSTART_INIT != "") $readmemh(TAPSTART_INIT, tap_start);
        if (TAPS_INIT != "") $readmemh(TAPS_INIT, taps);
        if (PADDED_INIT != "") $readmemh(PADDED_INIT, padded);
        if (HI_INIT != "") $readmemh(HI_INIT, z_hi);
        if (LO_INIT != "") $readmemh(LO_INIT, z_lo);
    end

    // ---- working memories --------------------------------------------------------------------
    reg [31:0] ticks [0:TICK_WORDS-1];
    assign peek_tick = ticks[peek_addr];
    localparam integer WORDS = (HORIZON + 2 + 31) / 32;
    reg [31:0] epoch;                      // the running stage's epoch; never reset, so never reused
    // event queue: a LIFO list per tick (order inside a tick changes no result and no cycle count),
    // and a two-level occupancy map: a 32-tick word per entry, one summary bit per word
    reg [31:0] q_head [0:HORIZON+1];
    reg [31:0] occ_word [0:WORDS-1];
    reg [31:0] occ_ep [0:WORDS-1];
    reg [WORDS-1:0] occ_sum;
    reg [31:0] ev_elem [0:MAX_EVENTS-1];
    reg [31:0] ev_next [0:MAX_EVENTS-1];
    // neuron state of the running core
    reg signed [31:0] st_a [0:MAX_SIZE-1];
    reg signed [63:0] st_b [0:MAX_SIZE-1];
    reg signed [31:0] st_mark [0:MAX_SIZE-1];
    reg signed [31:0] st_last [0:MAX_SIZE-1];
    reg [31:0] st_ep [0:MAX_SIZE-1];
    // per-position arrivals (seed quirk); the bias, a tap of every window, is counted on its own
    reg [31:0] pos_count [0:MAX_POSITIONS-1];
    reg [31:0] pos_arrival [0:MAX_POSITIONS-1];
    reg [31:0] pos_ep [0:MAX_POSITIONS-1];
    reg bias_arrived;
    reg [31:0] bias_arrival;
    // minpool: the arrival tick of each input element; time-add: each element's sum and operands
    reg [31:0] acc_tick [0:MAX_SIZE-1];
    reg [31:0] acc_count [0:MAX_SIZE-1];
    reg [31:0] acc_ep [0:MAX_SIZE-1];
    // the outputs a probe found fired, searched in this order
    reg [31:0] fired_list [0:MAX_SIZE-1];
    reg [31:0] fired_count;
    reg [31:0] fired_at;

    integer e;
    initial begin
        epoch = 32'd1;
        for (e = 0; e < WORDS; e = e + 1) occ_ep[e] = 32'd0;
        for (e = 0; e < MAX_SIZE; e = e + 1) begin
            st_ep[e] = 32'd0;
            acc_ep[e] = 32'd0;
        end
        for (e = 0; e < MAX_POSITIONS; e = e + 1) pos_ep[e] = 32'd0;
    end

    // Indices travel as 32-bit words, as the memory images store them; each memory uses the low
    // bits it needs, so the upper bits of an index are unused by design.
    /* verilator lint_off UNUSEDSIGNAL */
    function automatic signed [31:0] a_of(input [31:0] j);
        a_of = st_ep[j] == epoch ? st_a[j] : 32'sd0;
    endfunction
    function automatic signed [63:0] b_of(input [31:0] j);
        b_of = st_ep[j] == epoch ? st_b[j] : 64'sd0;
    endfunction
    function automatic signed [31:0] mark_of(input [31:0] j);
        mark_of = st_ep[j] == epoch ? st_mark[j] : -32'sd1;
    endfunction
    function automatic [31:0] count_of(input [31:0] p);
        count_of = pos_ep[p] == epoch ? pos_count[p] : 32'd0;
    endfunction
    function automatic [31:0] acc_count_of(input [31:0] j);
        acc_count_of = acc_ep[j] == epoch ? acc_count[j] : 32'd0;
    endfunction
    function automatic [31:0] acc_tick_of(input [31:0] j);
        acc_tick_of = acc_ep[j] == epoch ? acc_tick[j] : 32'd0;
    endfunction
    function automatic [31:0] word_of(input [31:0] w);
        word_of = occ_ep[w] == epoch ? occ_word[w] : 32'd0;
    endfunction
    /* verilator lint_on UNUSEDSIGNAL */

    // ---- tables (docs/semantics.md §3) ---------------------------------------------------------
    function automatic [63:0] z_of(input [31:0] n);
        z_of = 64'((128'(z_hi[n >> 5]) * 128'(z_lo[n[4:0]]) + (128'd1 << (F - 1))) >> F);
    endfunction

    function automatic [63:0] zc_of(input [31:0] n);
        zc_of = 64'((128'(z_of(n)) * 128'(Z_HALF) + (128'd1 << (F - 1))) >> F);
    endfunction

    // the firing test of docs/semantics.md §4.2 against a table value zc:
    // A' = A·2^G − Θ > 0 and zc·A' ≥ B·2^G
    function automatic fires_z(input signed [31:0] a, input signed [63:0] b, input signed [63:0] th,
            input [63:0] zc);
        reg signed [127:0] ap;
        reg signed [127:0] lhs;
        reg signed [127:0] rhs;
        begin
            ap = ($signed({{96{a[31]}}, a}) <<< G) - $signed({{64{th[63]}}, th});
            lhs = $signed({64'd0, zc}) * ap;
            rhs = $signed({{64{b[63]}}, b}) <<< G;
            fires_z = ap > 0 && lhs >= rhs;
        end
    endfunction

    function automatic fires_at(input signed [31:0] a, input signed [63:0] b, input signed [63:0] th,
            input [31:0] n);
        begin
            fires_at = fires_z(a, b, th, zc_of(n));
        end
    endfunction

    // ---- descriptor of the running stage -----------------------------------------------------
    reg [31:0] s;                          // running stage
    wire [31:0] d_kind = sd[s * NF + 0];
    wire [31:0] d_size = sd[s * NF + 1];
    wire [31:0] d_tbase = sd[s * NF + 2];
    wire [31:0] d_ffirst = sd[s * NF + 3];
    wire [31:0] d_fcount = sd[s * NF + 4];
    wire signed [31:0] d_drop = sd[s * NF + 5];
    wire [31:0] d_positions = sd[s * NF + 7];
    wire [31:0] d_wtaps = sd[s * NF + 8];
    wire d_quirk = sd[s * NF + 9] != 0;
    wire signed [31:0] d_btick = sd[s * NF + 10];
    wire [31:0] d_belem = sd[s * NF + 11];
    wire [31:0] d_fanbase = sd[s * NF + 12];
    wire [31:0] d_nbase = sd[s * NF + 13];
    wire [31:0] d_posbase = sd[s * NF + 14];
    wire [31:0] d_winbase = sd[s * NF + 15];
    wire [31:0] d_padbase = sd[s * NF + 16];
    wire signed [31:0] d_padtick = sd[s * NF + 17];
    wire [31:0] d_operands = sd[s * NF + 18];
    wire d_output = sd[s * NF + 19] != 0;

    // ---- control -------------------------------------------------------------------------------
    localparam [4:0] IDLE = 5'd0, HOST = 5'd1, SETUP1 = 5'd2, SETUP2 = 5'd3, GATHER = 5'd4, TICK = 5'd5,
        EVENT = 5'd6, PROBE = 5'd7, SEARCH = 5'd8, RESOLVE = 5'd9, STEP = 5'd10, DECODE = 5'd11,
        WRITE = 5'd12, FINISHED = 5'd13;
    reg [4:0] state;
    reg [31:0] idx;                        // host element, neuron, output element
    reg [31:0] feed;                       // gather: feed and pair within it
    reg [31:0] pair;
    reg [31:0] events;                     // queued by the gather
    reg [31:0] drained;                    // events processed
    reg [31:0] tick;                       // the tick being drained
    /* verilator lint_off UNUSEDSIGNAL */
    reg [31:0] ptr;                        // event in the bucket (an index: low bits used)
    /* verilator lint_on UNUSEDSIGNAL */
    reg [31:0] koff;                       // synapse within the event's list
    reg decided;
    reg [31:0] lo;                         // binary search
    reg [31:0] hi;
    reg [31:0] probe_tick;
    reg signed [31:0] best;
    reg [4:0] resume;                      // the state a search returns to (SEARCH or RESOLVE)

    // the next nonempty tick: the first word with its summary bit set, then its first set bit
    reg [31:0] next_word;
    reg [31:0] next_tick;
    integer t;
    always @* begin
        next_word = 32'd0;
        for (t = WORDS - 1; t >= 0; t = t - 1) begin
            if (occ_sum[t]) begin
                next_word = t;
            end
        end
        next_tick = NIL;
        for (t = 31; t >= 0; t = t - 1) begin
            if (occ_word[next_word][t] && occ_ep[next_word] == epoch) begin
                next_tick = next_word * 32 + t;
            end
        end
    end

    // the gather's current pair
    wire [31:0] fd_src = fd[(d_ffirst + feed) * 3 + 0];
    wire [31:0] fd_pbase = fd[(d_ffirst + feed) * 3 + 1];
    wire [31:0] fd_pairs = fd[(d_ffirst + feed) * 3 + 2];
    wire [31:0] pr_from = pr[(fd_pbase + pair) * 3 + 0];
    wire [31:0] pr_to = pr[(fd_pbase + pair) * 3 + 1];
    wire [31:0] pr_delay = pr[(fd_pbase + pair) * 3 + 2];
    wire [31:0] src_tick = ticks[fd_src + pr_from];
    wire [31:0] arrival = src_tick + pr_delay;
    wire keep = src_tick != NEVER && (d_drop < 0 || $signed(arrival) < d_drop);

    // the event being drained
    wire [31:0] ev_m = ev_elem[ptr];
    wire [31:0] ev_next_ptr = ev_next[ptr];
    wire [31:0] fan_lo = fan_start[d_fanbase + ev_m];
    wire [31:0] fan_len = fan_start[d_fanbase + ev_m + 1] - fan_lo;
    wire [31:0] ev_cycles = fan_len == 0 ? 32'd1 : fan_len;
    wire last_of_event = koff + 1 >= ev_cycles;
    wire more_events = drained + 1 < events;

    // one synapse (docs/semantics.md §4.1): first touch in the tick tests for an earlier firing
    /* verilator lint_off UNUSEDSIGNAL */
    wire [31:0] syn_k = fan_lo + koff;     // an index: low bits used
    /* verilator lint_on UNUSEDSIGNAL */
    wire [31:0] syn_j = fan_target[syn_k];
    wire signed [15:0] syn_q = fan_level[syn_k];
    wire signed [31:0] syn_seen = mark_of(syn_j);
    // Functions, not wires, for the wide arithmetic: they are evaluated only in the states that
    // need them, which keeps co-simulation fast.

    // has neuron j fired before this tick? (at tick 0 the test compares against 0, as the simulator does)
    function automatic fired_before(input [31:0] j);
        fired_before = fires_z(a_of(j), b_of(j), theta[d_nbase + j], tick > 0 ? zc_of(tick - 1) : 64'd0);
    endfunction

    // resolution of neuron idx (docs/semantics.md §4.2)
    wire signed [31:0] r_mark = mark_of(idx);
    wire [31:0] r_pos = idx % d_positions;
    wire [31:0] r_taps = count_of(r_pos) + (bias_arrived ? 32'd1 : 32'd0);
    wire [31:0] r_last = bias_arrived && (count_of(r_pos) == 0 || bias_arrival > pos_arrival[r_pos])
        ? bias_arrival : pos_arrival[r_pos];
    wire signed [31:0] r_limit = d_quirk && r_taps == d_wtaps ? r_last : d_drop - 1;
    wire r_dead = dead[d_nbase + idx] != 0;
    wire r_detected = r_mark <= -2;
    // a neuron that never was found fired: does it fire by its limit?
    function automatic r_pending(input [31:0] j);
        r_pending = r_mark >= 0 && r_mark <= r_limit && fires_at(a_of(j), b_of(j), theta[d_nbase + j], r_limit);
    endfunction
    wire [31:0] mid = (lo + hi) >> 1;
    function automatic mid_fires(input [31:0] j);
        mid_fires = fires_at(a_of(j), b_of(j), theta[d_nbase + j], mid);
    endfunction
    // the search range of neuron idx (resolution) or of the next fired output (after a probe)
    wire [31:0] sj = state == SEARCH ? fired_list[fired_at] : idx;
    wire signed [31:0] sj_mark = mark_of(sj);
    // the wide arithmetic sits in combinational blocks that compute only in the states that use it,
    // which keeps co-simulation fast
    reg [31:0] range_lo;
    reg [31:0] range_hi;
    reg range_pending;
    always @* begin
        range_lo = 32'd0;
        range_hi = 32'd0;
        range_pending = 1'b0;
        if (state == SEARCH) begin
            range_lo = sj_mark <= -2 ? st_last[sj] : sj_mark;
            range_hi = sj_mark <= -2 ? -2 - sj_mark : probe_tick;
        end else if (state == RESOLVE) begin
            if (r_dead) begin
                range_lo = d_drop;
                range_hi = d_drop;
            end else if (r_detected) begin
                range_lo = st_last[idx];
                range_hi = -2 - r_mark;
            end else begin
                range_pending = r_pending(idx);
                range_lo = range_pending ? r_mark : d_drop;
                range_hi = range_pending ? r_limit : d_drop;
            end
        end
    end

    reg [31:0] step_lo;
    reg [31:0] step_hi;
    always @* begin
        step_lo = lo;
        step_hi = hi;
        if (state == STEP) begin
            if (mid_fires(idx)) begin
                step_hi = mid;
            end else begin
                step_lo = mid + 1;
            end
        end
    end
    wire bias_now = d_kind == 1 && d_btick >= 0 && (d_drop < 0 || d_btick < d_drop);
    wire [31:0] quirk_pos = pos_list[pos_start[d_posbase + ev_m] + koff];

    // minpool output idx: the earliest arrival among its window's inputs, or the pad tick if earlier
    reg [31:0] pool_tick;
    reg [31:0] tap_first;
    integer w;
    always @* begin
        tap_first = NEVER;
        w = 0;
        if (state == WRITE && d_kind == 2) begin
            for (w = 0; w < MAX_TAPS; w = w + 1) begin
                if (tap_start[d_winbase + idx] + w < tap_start[d_winbase + idx + 1]
                        && acc_count_of(taps[tap_start[d_winbase + idx] + w]) != 0
                        && acc_tick[taps[tap_start[d_winbase + idx] + w]] < tap_first) begin
                    tap_first = acc_tick[taps[tap_start[d_winbase + idx] + w]];
                end
            end
        end
        pool_tick = padded[d_padbase + idx] != 0 && d_padtick >= 0 && $signed(tap_first) > d_padtick
            ? d_padtick : tap_first;
    end

    // probe of output neuron idx: has it fired by the tick before the next nonempty one?
    wire [31:0] probe_now = next_tick - 1;
    reg p_fired;
    always @* begin
        p_fired = 1'b0;
        if (state == PROBE && !r_dead) begin
            p_fired = r_detected || r_mark >= 0 && r_mark <= $signed(probe_now)
                && fires_at(a_of(idx), b_of(idx), theta[d_nbase + idx], probe_now);
        end
    end

    // decoder: is output idx better than best? (earliest tick, then the earlier crossing, then index)
    wire [31:0] o_tick = ticks[d_tbase + idx];
    wire [31:0] b_tick = best < 0 ? NEVER : ticks[d_tbase + best[31:0]];
    wire [31:0] best_u = best < 0 ? 32'd0 : best[31:0];
    reg better;
    reg signed [127:0] ap_i;
    reg signed [127:0] ap_b;
    always @* begin
        better = 1'b0;
        ap_i = 128'sd0;
        ap_b = 128'sd0;
        if (state == DECODE && o_tick < d_drop) begin
            if (best < 0 || o_tick < b_tick) begin
                better = 1'b1;
            end else if (o_tick == b_tick) begin
                ap_i = (128'(a_of(idx)) <<< G) - 128'($signed(theta[d_nbase + idx]));
                ap_b = (128'(a_of(best_u)) <<< G) - 128'($signed(theta[d_nbase + best_u]));
                better = 256'(b_of(idx)) * 256'(ap_b) < 256'(b_of(best_u)) * 256'(ap_i);
            end
        end
    end
    wire signed [31:0] final_best = better ? $signed(idx) : best;

    // lane update of synapse syn_k: A += q, B += q·Z(tick), mark the tick
    task automatic accumulate;
        begin
            st_mark[syn_j] <= tick;
            st_a[syn_j] <= a_of(syn_j) + 32'(syn_q);
            st_b[syn_j] <= b_of(syn_j) + 64'(syn_q) * $signed(z_of(tick));
            st_ep[syn_j] <= epoch;
        end
    endtask

    task automatic clear_stage;
        begin
            epoch <= epoch + 1;
            occ_sum <= '0;
            bias_arrived <= 1'b0;
            fired_count <= 0;
            fired_at <= 0;
        end
    endtask

    task automatic enqueue(input [31:0] at, input [31:0] element, input [31:0] n);
        begin
            ev_elem[n] <= element;
            ev_next[n] <= ((word_of(at >> 5) >> at[4:0]) & 32'd1) != 0 ? q_head[at] : NIL;   // an old head is stale
            q_head[at] <= n;
            occ_word[at >> 5] <= word_of(at >> 5) | 32'd1 << at[4:0];
            occ_ep[at >> 5] <= epoch;
            occ_sum[at >> 5] <= 1'b1;
        end
    endtask

    // after a bucket: the probe (output core, before every tick group but the first), the next tick, or the finish
    task automatic after_bucket;
        begin
            if (more_events) begin
                state <= d_kind == 1 && d_output && !decided ? PROBE : TICK;
                idx <= 0;
            end else begin
                state <= d_kind == 1 ? RESOLVE : WRITE;
                idx <= 0;
            end
        end
    endtask

    // after neuron j's tick is written: the next fired output, the decoder, the next neuron, or the next stage
    task automatic finish_neuron(input [31:0] j);
        begin
            if (state == SEARCH || resume == SEARCH && state == STEP) begin
                fired_at <= fired_at + 1;
                state <= fired_at + 1 == fired_count ? DECODE : SEARCH;
                if (fired_at + 1 == fired_count) begin
                    idx <= 0;
                end
            end else if (j + 1 == d_size) begin
                idx <= 0;
                if (d_output) begin
                    state <= DECODE;
                end else begin
                    next_stage();
                end
            end else begin
                idx <= j + 1;
                state <= RESOLVE;
            end
        end
    endtask

    // the stage after this one, or the host's next image
    task automatic next_stage;
        begin
            s <= s + 1;
            state <= SETUP1;
        end
    endtask

    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            done <= 1'b0;
            cycles <= 0;
            s <= 0;
            idx <= 0;
            decided <= 1'b0;
        end else begin
            if (state != IDLE && state != FINISHED || state == IDLE && in_valid) begin
                cycles <= cycles + 1;
            end
            case (state)
                IDLE: begin
                    if (in_valid) begin
                        ticks[0] <= in_tick;
                        done <= 1'b0;
                        decided <= 1'b0;
                        idx <= 1;
                        s <= 1;
                        state <= INPUTS > 1 ? HOST : SETUP1;
                    end
                end
                HOST: begin
                    ticks[idx] <= in_tick;
                    idx <= idx + 1;
                    if (idx + 1 == INPUTS) begin
                        state <= SETUP1;
                    end
                end
                SETUP1: begin
                    clear_stage();
                    events <= 0;
                    drained <= 0;
                    feed <= 0;
                    pair <= 0;
                    best <= -1;
                    state <= SETUP2;
                end
                SETUP2: begin
                    // a core's bias input is queued with no cycle of its own
                    if (bias_now) begin
                        enqueue(d_btick, d_belem, 0);
                        events <= 1;
                    end
                    if (d_fcount == 0) begin
                        idx <= 0;
                        state <= bias_now ? TICK : d_kind == 1 ? RESOLVE : WRITE;
                    end else begin
                        state <= GATHER;
                    end
                end
                GATHER: begin
                    // one pair per cycle; the image holds no feed without pairs
                    if (keep) begin
                        enqueue(arrival, pr_to, events);
                        events <= events + 1;
                    end
                    if (pair + 1 == fd_pairs) begin
                        pair <= 0;
                        feed <= feed + 1;
                        if (feed + 1 == d_fcount) begin
                            idx <= 0;
                            state <= events != 0 || keep ? TICK : d_kind == 1 ? RESOLVE : WRITE;
                        end
                    end else begin
                        pair <= pair + 1;
                    end
                end
                TICK: begin
                    tick <= next_tick;
                    ptr <= q_head[next_tick];
                    occ_word[next_word] <= occ_word[next_word] & ~(32'd1 << next_tick[4:0]);
                    if ((occ_word[next_word] & ~(32'd1 << next_tick[4:0])) == 0) begin
                        occ_sum[next_word] <= 1'b0;
                    end
                    koff <= 0;
                    state <= EVENT;
                end
                EVENT: begin
                    if (d_kind == 1) begin
                        // the element's window positions, one per cycle of the event (the image
                        // guarantees an event has as many cycles as positions); the bias counts apart
                        if (d_quirk && bias_now && ev_m == d_belem) begin
                            if (koff == 0) begin
                                bias_arrived <= 1'b1;
                                bias_arrival <= tick;
                            end
                        end else if (d_quirk && pos_start[d_posbase + ev_m] + koff < pos_start[d_posbase + ev_m + 1])
                                begin
                            pos_count[quirk_pos] <= count_of(quirk_pos) + 1;
                            pos_arrival[quirk_pos] <= tick;
                            pos_ep[quirk_pos] <= epoch;
                        end
                        if (fan_len != 0) begin
                            if (syn_seen >= $signed(tick)) begin
                                accumulate();
                            end else if (syn_seen <= -2) begin
                                // already fired: the lane skips it
                            end else if (fired_before(syn_j)) begin
                                // first touch in this tick finds it fired since its last arrival
                                st_last[syn_j] <= syn_seen;
                                st_mark[syn_j] <= -2 - ($signed(tick) - 1);
                            end else begin
                                accumulate();
                            end
                        end
                    end else if (d_kind == 2) begin
                        // minpool: the element's (only) arrival; its windows take their minimum at the write
                        acc_tick[ev_m] <= tick;
                        acc_count[ev_m] <= 1;
                        acc_ep[ev_m] <= epoch;
                    end else begin
                        acc_tick[ev_m] <= acc_tick_of(ev_m) + tick;
                        acc_count[ev_m] <= acc_count_of(ev_m) + 1;
                        acc_ep[ev_m] <= epoch;
                    end
                    if (d_kind != 1 || last_of_event) begin
                        drained <= drained + 1;
                        koff <= 0;
                        ptr <= ev_next_ptr;
                        if (ev_next_ptr == NIL) begin
                            after_bucket();
                        end
                    end else begin
                        koff <= koff + 1;
                    end
                end
                PROBE: begin
                    // one output per cycle (U = 1); the fired ones are searched next, and decide
                    probe_tick <= probe_now;
                    if (p_fired) begin
                        fired_list[fired_count] <= idx;
                        fired_count <= fired_count + 1;
                    end
                    ticks[d_tbase + idx] <= NEVER;
                    if (idx + 1 == d_size) begin
                        idx <= 0;
                        if (fired_count != 0 || p_fired) begin
                            state <= SEARCH;
                            decided <= 1'b1;
                        end else begin
                            state <= TICK;
                        end
                    end else begin
                        idx <= idx + 1;
                    end
                end
                SEARCH, RESOLVE: begin
                    // the neuron's first cycle: its range; with nothing to search it ends here
                    idx <= sj;
                    lo <= range_lo;
                    hi <= range_hi;
                    if (range_lo == range_hi) begin
                        ticks[d_tbase + sj] <= range_lo;
                        finish_neuron(sj);
                    end else begin
                        resume <= state;
                        state <= STEP;
                    end
                end
                STEP: begin
                    // one binary-search step per cycle; the last step writes the tick
                    lo <= step_lo;
                    hi <= step_hi;
                    if (step_lo == step_hi) begin
                        ticks[d_tbase + idx] <= step_lo;
                        finish_neuron(idx);
                    end
                end
                DECODE: begin
                    best <= final_best;
                    if (idx + 1 == d_size) begin
                        decision <= final_best < 0 ? 32'd0 : final_best[31:0];
                        decision_tick <= final_best < 0 ? NIL : ticks[d_tbase + final_best[31:0]];
                        done <= 1'b1;
                        state <= FINISHED;
                    end else begin
                        idx <= idx + 1;
                    end
                end
                WRITE: begin
                    // minpool: the first arrival or the pad tick; time-add: the sum once all operands came
                    if (d_kind == 2) begin
                        ticks[d_tbase + idx] <= pool_tick;
                    end else begin
                        ticks[d_tbase + idx] <= acc_count_of(idx) < d_operands ? NEVER : acc_tick_of(idx);
                    end
                    if (idx + 1 == d_size) begin
                        idx <= 0;
                        next_stage();
                    end else begin
                        idx <= idx + 1;
                    end
                end
                FINISHED: begin
                end
                default: state <= IDLE;
            endcase
        end
    end
endmodule
`default_nettype wire
