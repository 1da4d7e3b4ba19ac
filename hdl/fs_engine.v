// The FirstSpike event engine, LANES lanes and one neuron unit (docs/architecture.md with U = 1 and
// one element per cycle for host input, gather, pooling and output writes):
// every network-specific fact is a memory image the compiler writes (HardwareImage), so this
// module is the same for every network. It runs one image as the cycle-accurate simulator
// (org.firstspike.sim.Engine) does, cycle for cycle: the host's input events fill the input ticks
// (one element per cycle), then every stage runs setup (2 cycles), gather (1 cycle per pair), the
// drain of its event queue (1 cycle per nonempty tick, then per event its unit's cycles), and its
// finish (resolution, or the output write), and the output core raises done at the decision and
// streams its spikes out.
//
// The engine is the sequencer; its units are library modules, each with its own test:
// fs_delay_registers (the gather's pairs), fs_event_queue, fs_neuron_state and fs_synapse_lane (a
// core's state and its lane), fs_fire_test with fs_ztable (the firing test), fs_merge_unit (minpool
// and time-add) and fs_output_decoder. Indices, addresses and ticks are W-bit words (the image's
// proven width); the host ports are 32 bits wide.
//
// Block RAM. Every large memory is an fs_sdp_ram with a registered read port (a list read at an
// entry and the next, an fs_dual_rom with two), so an engine cycle spans up to PHASES clocks: a
// read issued in one clock is usable in the next, a chain of dependent reads (event → position list
// → kernel row → neuron state) settles one memory per clock, and every register
// and memory write happens in the cycle's last clock. Nothing architectural changes before then, so
// the engine computes exactly what one-clock combinational reads would. A host cycle takes one
// clock, a minpool output write one clock per tap of its window plus four (two fewer when it follows
// a write of the same channel, one fewer after a channel's last: see pool_ahead), a decoder cycle DECODE_PHASES
// (its crossing products piece by piece on the firing test's multiplier). `clocks` counts them all
// (docs/architecture.md §6.1 gives the formula the simulator uses to predict it).
//
// Lanes. Output channel o of a core is lane o mod LANES, chunk o / LANES: a kernel row is one word
// per chunk holding LANES levels, the thresholds one word per chunk, and neuron (o, position p) lives
// in lane o mod LANES's state bank at address chunk · positions + p, where its dead bit is in a word of
// LANES. In an event cycle every lane uses the same address: LANES channels of one position side by
// side. Resolution, probes and the decoder (one neuron unit) read the bank of the neuron at hand.
//
// Memories a stage must clear (neuron state, counters, accumulators) carry an epoch tag: a stage
// starts a new epoch, and an entry from an older one reads as cleared, so clearing costs no cycle.
// With SCRUB (the image generator sets it when the host's input takes at least as many clocks as
// those memories have entries) the engine sets every tag to 0 while the host streams an image in and
// restarts the epochs at 1, so EP_BITS need only count one image's stages; without, tags are 32 bits
// and never reused.
`default_nettype none
module fs_engine #(
    parameter integer LANES = 1,           // synapse lanes: output channels of one position per cycle
    parameter integer STAGES = 2,          // stage 0 is the input
    parameter integer TICK_WORDS = 16,     // Σ stage sizes
    parameter integer INPUTS = 4,
    parameter integer NO_SPIKE_TICK = 0,   // the tick of an input without an event
    parameter integer FEEDS = 1,
    parameter integer RUNS = 1,            // the gather's pair runs
    parameter integer FAN_LISTS = 2,       // 2 per core: its bias list's start and end
    parameter integer SYNAPSES = 1,        // Σ bias list lengths: (bank address, chunk) entries
    parameter integer KERNEL = 1,          // Σ over cores of kernel words (rows × chunks, the bias row too)
    parameter integer CHANNELS = 1,        // Σ over cores of input channels (+ 1 with a bias)
    parameter integer PIXEL_BITS = 1,      // a core's event word: channel · 2^PIXEL_BITS + pixel
    parameter integer POS_STARTS = 2,      // Σ over cores of (pixels + 1)
    parameter integer NEURONS = 1,         // Σ over cores of bank addresses (chunks × positions)
    parameter integer THETAS = 1,          // Σ over cores of chunks
    parameter integer POS_ENTRIES = 1,
    parameter integer PADDED = 1,
    parameter integer MAX_EVENTS = 4,      // the most events one stage can queue (pairs + bias)
    parameter integer MAX_CORE = 4,        // the most bank addresses of a core: each state bank's depth
    parameter integer MAX_MERGE = 4,       // the most time-add elements or minpool inputs: the merge unit's depth
    parameter integer MAX_OUTPUTS = 4,     // the output core's neurons: the fired list's depth
    parameter integer MAX_POSITIONS = 1,   // the most positions of any core
    parameter integer MAX_TAPS = 1,        // the most input taps of one minpool window
    parameter integer TAP_STARTS = 1,
    parameter integer TAP_ENTRIES = 1,
    parameter integer HORIZON = 16,        // every tick is ≤ HORIZON
    parameter integer HI_DEPTH = 1,
    parameter integer ZC_DIRECT = 0,       // 1: the neuron unit reads Zc from a table as long as the horizon
    parameter integer ZC_DEPTH = 1,        // its entries (ticks 0 .. ZC_DEPTH − 1)
    parameter integer MUL_A = 0,           // the device multiplier's signed port widths, wide one first (DSP48E1:
    parameter integer MUL_B = 0,           // 25, 18): the lanes tile their products to them; 0: one product each
    parameter integer F = 16,              // table fraction bits
    parameter integer G = 8,               // threshold fraction bits
    parameter [63:0] Z_HALF = 64'd0,
    parameter integer A_BITS = 32,         // signed Σ levels of one neuron (the image generator proves it)
    parameter integer B_BITS = 64,         // signed Σ level·Z of one neuron
    parameter integer TH_BITS = 64,        // signed thresholds Θ
    parameter integer Z_BITS = 40,         // unsigned table entries hi, lo, H, Z, Zc
    parameter integer W = 32,              // indices, addresses and ticks (signed where a tick can be); the
                                           // image generator proves every tick below 2^(W-2), every index
                                           // below 2^(W-1)
    parameter integer LEVEL_BITS = 16,     // signed kernel and bias levels (at most 16)
    parameter integer TICK_BITS = 32,      // the tick memory's words: every tick below 2^(TICK_BITS-1), all ones NEVER
    parameter integer COUNT_BITS = 8,      // the merge unit's operand counts
    parameter integer SCRUB = 0,           // scrub the epoch tags during host input (needs INPUTS ≥ their depth)
    parameter integer EP_BITS = 32,        // epoch tags
    parameter STAGE_INIT = "",
    parameter FEED_INIT = "",
    parameter RUNFROM_INIT = "",
    parameter RUNTO_INIT = "",
    parameter RUNDELAY_INIT = "",
    parameter RUNLENGTH_INIT = "",
    parameter FANSTART_INIT = "",
    parameter FANTARGET_INIT = "",
    parameter FANCHAN_INIT = "",
    parameter KERNEL_INIT = "",
    parameter CHANBASE_INIT = "",
    parameter THETA_INIT = "",
    parameter DEAD_INIT = "",
    parameter POSSTART_INIT = "",
    parameter POSLIST_INIT = "",
    parameter POSROW_INIT = "",
    parameter TAPSTART_INIT = "",
    parameter TAPS_INIT = "",
    parameter PADDED_INIT = "",
    parameter HI_INIT = "",
    parameter LO_INIT = "",
    parameter ZC_INIT = ""
) (
    input  wire        clk,
    input  wire        rst,
    // host: after a start pulse, the image's input spikes as events (element, tick) in ascending
    // element order, then in_end (held) once no event is left. The engine takes one input element per
    // clock: the element of the offered event gets its tick (in_ready: the event is taken), an element
    // before it, or any after in_end, the no-spike tick. With no event offered and no in_end it waits.
    input  wire        start,
    input  wire        in_valid,
    input  wire [31:0] in_elem,
    /* verilator lint_off UNUSEDSIGNAL */    // a tick: below 2^(W-2) by the image's word width
    input  wire [31:0] in_tick,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire        in_end,
    output wire        in_ready,
    // result: done at the decision, with the class and its tick
    output reg         done,
    output reg  [31:0] decision,
    output reg  [31:0] decision_tick,     // 32'hFFFFFFFF when no output fired
    output reg  [39:0] cycles,            // engine cycles from the first input to done (40 bits: hours at 100 MHz)
    output reg  [39:0] clocks,            // clocks from the first input to done (waits for the host excluded)
    // then the output spikes at or before the decision tick, one event per out_valid pulse, in neuron
    // order, and out_done
    output reg         out_valid,
    output reg  [31:0] out_neuron,
    output reg  [31:0] out_tick,
    output reg         out_done,
    // debug read port into the tick memory once out_done (or idle): peek_tick is peek_addr's tick one
    // clock later
    /* verilator lint_off UNUSEDSIGNAL */    // an index: only its low bits address the tick memory
    input  wire [31:0] peek_addr,
    /* verilator lint_on UNUSEDSIGNAL */
    output wire [31:0] peek_tick
);
    localparam integer NF = 23;            // words per stage descriptor (HardwareImage order)
    localparam [W-1:0] NEVER = {1'b0, {(W - 1){1'b1}}};
    localparam [W-1:0] NIL = {W{1'b1}};
    // the longest chain of dependent reads is an event's: queue entry, the pixel's position list start,
    // its (position, row) entry, then the kernel level and the neuron state; the fifth clock commits.
    // An event's later cycles keep the reads that do not change and run the rest ahead in the commit
    // clock: its next chunk of channels, or its next position (bias entry), takes one clock
    localparam integer PHASES = 5;
    // a minpool write: window start, then one tap per clock, its arrival a clock later, then commit
    // (its window's taps + 4 clocks; pool_ahead starts the next write one or two clocks in)
    // a time-add arrival: its queue entry, the element's sum and count, then commit; a minpool arrival
    // writes its tick without reading: its queue entry, then commit
    localparam integer MERGE_PHASES = 3;
    localparam integer POOL_ARRIVAL_PHASES = 2;
    // a tick change takes the queue's next nonempty tick and its bucket's head: read since the tick
    // change before (the map settles two clocks after a pop, the head a clock later; every event takes
    // at least two), so ready at once, except in a stage's first, a clock after the gather's last push
    localparam integer FIRST_TICK_PHASES = 3;
    // a neuron-unit cycle (probe, search, resolution, search step): the table looks up the tick under
    // test from the first clock, three clocks, then the firing test, then commit; with the direct Zc
    // table one read, the test, then commit, and a search step after the search's first its test and
    // commit alone (step_ahead). The test's result is registered (cur_fires) before the commit uses it
    localparam integer UNIT_PHASES = ZC_DIRECT != 0 ? 3 : 5;
    // a resolution whose range comes from the state alone (dead, detected, or untouched): the state
    // and dead bit, then commit; no firing test
    localparam integer QUICK_PHASES = 2;
    localparam integer AP_BITS = (A_BITS + G > TH_BITS ? A_BITS + G : TH_BITS) + 1;
    // the decoder's crossing products run on the firing test's multiplier: |B| in Z_BITS-wide pieces,
    // one piece per clock for each of the two products, then the commit (fs_output_decoder)
    localparam integer CHUNKS = (B_BITS + Z_BITS - 1) / Z_BITS;
    localparam integer DECODE_PHASES = 2 * CHUNKS + 2 > PHASES ? 2 * CHUNKS + 2 : PHASES;

    function automatic integer aw(input integer depth);
        aw = depth > 1 ? $clog2(depth) : 1;
    endfunction
    localparam integer PW = aw(MAX_POSITIONS);

    // ---- small memories: registers ---------------------------------------------------------------
    reg [W-1:0] sd [0:STAGES*NF-1];
    reg [W-1:0] fd [0:FEEDS*3-1];
    initial begin
        if (STAGE_INIT != "") $readmemh(STAGE_INIT, sd);
        if (FEED_INIT != "") $readmemh(FEED_INIT, fd);
    end
    reg [EP_BITS-1:0] epoch;               // the running stage's epoch
    reg [W-1:0] sweep;                     // the next tag to scrub during host input
    // per-position arrivals (seed quirk), valid where pos_valid is set; the bias, a tap of every
    // window, is counted on its own
    reg [W-1:0] pos_count [0:MAX_POSITIONS-1];
    reg [W-1:0] pos_arrival [0:MAX_POSITIONS-1];
    reg [MAX_POSITIONS-1:0] pos_valid;
    reg bias_arrived;
    reg [W-1:0] bias_arrival;
    reg [W-1:0] fired_count;
    reg [W-1:0] fired_at;

    initial begin
        epoch = EP_BITS'(1);
    end

    // Indices travel as W-bit words, as the memory images store them; each memory uses the low
    // bits it needs, so the upper bits of an index are unused by design.
    /* verilator lint_off UNUSEDSIGNAL */
    function automatic [W-1:0] count_of(input [W-1:0] p);
        count_of = pos_valid[p[PW-1:0]] ? pos_count[p[PW-1:0]] : '0;
    endfunction
    /* verilator lint_on UNUSEDSIGNAL */

    // a tick on a 32-bit port: the no-spike tick NEVER as 32'h7FFFFFFF, like the simulator's
    function automatic [31:0] port_tick(input [W-1:0] t);
        port_tick = t == NEVER ? 32'h7FFFFFFF : 32'(t);
    endfunction

    // ---- descriptor of the running stage -----------------------------------------------------
    reg [W-1:0] s;                         // running stage
    wire [W-1:0] d_kind = sd[s * NF + 0];
    wire [W-1:0] d_size = sd[s * NF + 1];
    wire [W-1:0] d_tbase = sd[s * NF + 2];
    wire [W-1:0] d_ffirst = sd[s * NF + 3];
    wire [W-1:0] d_fcount = sd[s * NF + 4];
    wire signed [W-1:0] d_drop = sd[s * NF + 5];
    wire [W-1:0] d_chunks = sd[s * NF + 6];      // a core's output channels in words of LANES
    wire [W-1:0] d_positions = sd[s * NF + 7];
    wire [W-1:0] d_wtaps = sd[s * NF + 8];
    wire d_quirk = sd[s * NF + 9] != 0;
    wire signed [W-1:0] d_btick = sd[s * NF + 10];
    wire [W-1:0] d_belem = sd[s * NF + 11];
    wire [W-1:0] d_fanbase = sd[s * NF + 12];
    wire [W-1:0] d_nbase = sd[s * NF + 13];
    wire [W-1:0] d_posbase = sd[s * NF + 14];
    wire [W-1:0] d_winbase = sd[s * NF + 15];
    wire [W-1:0] d_padbase = sd[s * NF + 16];
    wire signed [W-1:0] d_padtick = sd[s * NF + 17];
    wire [W-1:0] d_operands = sd[s * NF + 18];
    wire d_output = sd[s * NF + 19] != 0;
    wire [W-1:0] d_chanbase = sd[s * NF + 20];
    wire [W-1:0] d_inpixels = sd[s * NF + 21];   // a minpool's input pixels per channel
    wire [W-1:0] d_thbase = sd[s * NF + 22];     // a core's first threshold word (one per chunk)

    // ---- control -------------------------------------------------------------------------------
    localparam [4:0] IDLE = 5'd0, HOST = 5'd1, SETUP1 = 5'd2, SETUP2 = 5'd3, GATHER = 5'd4, TICK = 5'd5,
        EVENT = 5'd6, PROBE = 5'd7, SEARCH = 5'd8, RESOLVE = 5'd9, STEP = 5'd10, DECODE = 5'd11,
        WRITE = 5'd12, FINISHED = 5'd13, OUTPUT = 5'd14;
    reg [4:0] state;
    reg [15:0] ph;                         // clock within the engine cycle
    reg [W-1:0] idx;                       // host element, neuron, output element
    reg [W-1:0] rpos;                      // idx mod d_positions: a core neuron's position, a minpool output's pixel
    reg [W-1:0] wcb;                       // a minpool output's channel · d_inpixels: its window's input channel
    localparam integer LW = LANES > 1 ? $clog2(LANES) : 1;
    reg [LW-1:0] rlane;                    // idx's output channel (idx / d_positions) is rchunk · LANES + rlane:
    reg [W-1:0] rchunk;                    // its lane, threshold word
    reg [W-1:0] rbase;                     // and rchunk · d_positions, so its bank address is rbase + rpos
    reg [W-1:0] feed;                      // gather: feed, run within it, pair within the run
    reg [W-1:0] run;
    reg [W-1:0] pair;
    reg [W-1:0] events;                    // queued by the gather
    reg [W-1:0] drained;                   // events processed
    reg [W-1:0] tick;                      // the tick being drained
    /* verilator lint_off UNUSEDSIGNAL */
    reg [W-1:0] ptr;                       // event in the bucket (an index: low bits used)
    /* verilator lint_on UNUSEDSIGNAL */
    reg [W-1:0] koff;                      // synapse within the bias list
    reg [W-1:0] pi;                        // a core event: its position (in the pixel's list),
    reg [W-1:0] chunk;                     // the chunk of output channels,
    reg [W-1:0] op_base;                   // and chunk · positions, its first bank address
    reg decided;
    reg [W-1:0] lo;                        // binary search
    reg [W-1:0] hi;
    reg [W-1:0] probe_tick;
    reg [4:0] resume;                      // the state a search returns to (SEARCH or RESOLVE)

    wire host_state = state == IDLE || state == HOST || state == FINISHED;
    wire unit_cycle = state == PROBE || state == SEARCH || state == RESOLVE || state == STEP;
    // the tag scrub: one entry of both tagged memories per clock of host input (no stage writes them then)
    localparam integer SWEEP = MAX_CORE > MAX_MERGE ? MAX_CORE : MAX_MERGE;
    wire scrubbing = SCRUB != 0 && state == HOST && sweep < W'(SWEEP);
    wire pool_write = state == WRITE && d_kind == 2;
    wire [15:0] pool_last;                 // a minpool write's commit clock (below)
    // the host's element idx: its event's tick, or the no-spike tick once the next event is further on
    wire host_take = state == HOST && in_valid && in_elem == 32'(idx);
    wire host_step = host_take || state == HOST && (in_valid && in_elem > 32'(idx) || in_end);
    assign in_ready = host_take;
    wire [15:0] last_ph = host_state ? 16'd0 : state == OUTPUT ? 16'd1 : pool_write ? pool_last
        : state == DECODE ? 16'(DECODE_PHASES - 1) : state == EVENT && d_kind == 2 ? 16'(POOL_ARRIVAL_PHASES - 1)
        : state == EVENT && d_kind != 1 ? 16'(MERGE_PHASES - 1)
        : state == TICK ? (drained == 0 ? 16'(FIRST_TICK_PHASES - 1) : 16'd0)
        : state == RESOLVE && r_quick ? 16'(QUICK_PHASES - 1) : unit_cycle ? 16'(UNIT_PHASES - 1) : 16'(PHASES - 1);
    wire commit = ph == last_ph;

    // ---- block RAM ---------------------------------------------------------------------------------
    // Each memory: read address *_ra (combinational from registers and earlier reads), data *_q a
    // clock later; one write port *_we/*_wa/*_wd, driven only in the commit clock.
    `define FS_RAM(name, width, depth, init) \
        reg [W-1:0] name``_ra; \
        wire [width-1:0] name``_q; \
        reg name``_we; \
        reg [W-1:0] name``_wa; \
        reg [width-1:0] name``_wd; \
        fs_sdp_ram #(.WIDTH(width), .DEPTH(depth), .INIT(init)) m_``name (.clk(clk), .we(name``_we), \
            .waddr(name``_wa[aw(depth)-1:0]), .wdata(name``_wd), .re(1'b1), \
            .raddr(name``_ra[aw(depth)-1:0]), .rdata(name``_q));
    `define FS_ROM(name, width, depth, init) \
        reg [W-1:0] name``_ra; \
        wire [width-1:0] name``_q; \
        fs_sdp_ram #(.WIDTH(width), .DEPTH(depth), .INIT(init)) m_``name (.clk(clk), .we(1'b0), \
            .waddr({aw(depth){1'b0}}), .wdata({width{1'b0}}), .re(1'b1), \
            .raddr(name``_ra[aw(depth)-1:0]), .rdata(name``_q));

    // a list read at an entry and the next (*_nq) on a second port: start lists (a list's end is the
    // next one's start) and the lists an event walks
    `define FS_LIST(name, width, depth, init) \
        reg [W-1:0] name``_ra; \
        wire [width-1:0] name``_q; \
        wire [width-1:0] name``_nq; \
        wire [W-1:0] name``_na = name``_ra + 1; \
        fs_dual_rom #(.WIDTH(width), .DEPTH(depth), .INIT(init)) m_``name (.clk(clk), \
            .raddr_a(name``_ra[aw(depth)-1:0]), .rdata_a(name``_q), .raddr_b(name``_na[aw(depth)-1:0]), \
            .rdata_b(name``_nq));

    /* verilator lint_off UNUSEDSIGNAL */      // addresses: only their low bits are used
    // images
    `FS_LIST(fan_start, W, FAN_LISTS, FANSTART_INIT)   // a list's start; its end is the next entry's
    `FS_LIST(fan_target, W, SYNAPSES, FANTARGET_INIT)  // a bias entry's bank address
    `FS_LIST(fan_chan, W, SYNAPSES, FANCHAN_INIT)      // and chunk
    `FS_ROM(kernel, LANES * LEVEL_BITS, KERNEL, KERNEL_INIT)
    `FS_ROM(chan_base, W, CHANNELS, CHANBASE_INIT)
    `FS_ROM(theta, LANES * TH_BITS, THETAS, THETA_INIT)
    `FS_ROM(dead, LANES, NEURONS, DEAD_INIT)
    `FS_LIST(pos_start, W, POS_STARTS, POSSTART_INIT)
    `FS_LIST(pos_list, W, POS_ENTRIES, POSLIST_INIT)
    `FS_LIST(pos_row, W, POS_ENTRIES, POSROW_INIT)
    `FS_LIST(tap_start, W, TAP_STARTS, TAPSTART_INIT)
    `FS_ROM(taps, W, TAP_ENTRIES, TAPS_INIT)
    `FS_ROM(padded, 1, PADDED, PADDED_INIT)
    // a minpool write commits once its window's taps (its tap list's length, read from the first or,
    // streamed, the second clock; at least 3: the commit follows the last tap's arrival) have arrived
    wire [W-1:0] pool_taps = tap_start_nq - tap_start_q;
    assign pool_last = pool_taps > W'(MAX_TAPS) ? 16'(MAX_TAPS + 3) : 16'(pool_taps) + 16'd3;
    // working memories
    `FS_RAM(fired_list, W, MAX_OUTPUTS, "")
    `FS_RAM(fired_addr, W, MAX_OUTPUTS, "")           // the fired output's bank address,
    `FS_RAM(fired_lane, LW, MAX_OUTPUTS, "")          // lane
    `FS_RAM(fired_chunk, W, MAX_OUTPUTS, "")          // and chunk,
    `FS_RAM(fired_mark, W, MAX_OUTPUTS, "")           // and its mark and last arrival as the probe read
    `FS_RAM(fired_last, W, MAX_OUTPUTS, "")           // them (read with the direct Zc table only)
    // the tick memory, TICK_BITS wide: all ones stands for NEVER, which W bits spell otherwise
    reg [W-1:0] ticks_ra;
    reg ticks_we;
    reg [W-1:0] ticks_wa;
    reg [W-1:0] ticks_wd;
    wire [TICK_BITS-1:0] ticks_stored;
    fs_sdp_ram #(.WIDTH(TICK_BITS), .DEPTH(TICK_WORDS)) m_ticks (.clk(clk), .we(ticks_we),
        .waddr(ticks_wa[aw(TICK_WORDS)-1:0]), .wdata(ticks_wd[TICK_BITS-1:0]), .re(1'b1),
        .raddr(ticks_ra[aw(TICK_WORDS)-1:0]), .rdata(ticks_stored));
    // neuron state of the running core; minpool arrivals and time-add sums
    /* verilator lint_on UNUSEDSIGNAL */
    `undef FS_RAM
    `undef FS_ROM
    `undef FS_LIST
    wire [W-1:0] ticks_q = &ticks_stored ? NEVER : W'(ticks_stored);
    assign peek_tick = port_tick(ticks_q);

    // ---- tables and the firing test (docs/semantics.md §3, §4.2) ----------------------------------
    // One table pipeline (3 clocks) serves the cycle: the tick change's commit looks up Z of the new
    // tick for the lanes, captured in the tick's first event's fourth clock (that commit stands for
    // the event's first clock, ph 0; a minpool's arrival, which needs no Z, keeps its own), and from
    // the event's second clock on Zc of the tick the firing test asks about, ready by the commit; the
    // neuron unit's cycles need no Z and look up Zc from the first.
    /* verilator lint_off UNUSEDSIGNAL */
    wire zt_valid;                         // the pipeline is fed every clock: its valid is not needed
    /* verilator lint_on UNUSEDSIGNAL */
    wire [Z_BITS-1:0] zt_z;
    wire [Z_BITS-1:0] zc_test;
    reg [Z_BITS-1:0] z_tick;
    reg [W-1:0] test_n;
    fs_ztable #(.F(F), .TICK_BITS(W), .ENTRY_BITS(Z_BITS), .HI_DEPTH(HI_DEPTH), .H(Z_HALF[Z_BITS-1:0]),
            .HI_INIT(HI_INIT), .LO_INIT(LO_INIT)) ztable (.clk(clk), .rst(rst), .valid_in(1'b1),
            .n(state == TICK ? next_tick : ph == 16'd0 && !unit_cycle ? tick : test_n), .valid_out(zt_valid),
            .z(zt_z), .zc(zc_test));
    reg stepped;                           // the cycle continues an event or the tick: Z(tick) is captured already
    always @(posedge clk) begin
        if (ph == 16'd3 && !stepped) begin
            z_tick <= zt_z;
        end
    end

    // The lanes: each has its state bank, firing test and synapse update; an event cycle drives them all
    // at one bank address (syn_j), the neuron unit reads the bank of the neuron at hand (ulane).
    reg [W-1:0] st_ra;
    // (with one lane: bank 0, and a neuron's bank address is its index, so nothing is stored twice)
    wire [LW-1:0] ulane = LANES == 1 ? '0 : state == SEARCH ? fired_lane_q : rlane;
    wire [LANES*A_BITS-1:0] la_a;          // per lane, epoch-checked state as read
    wire [LANES*B_BITS-1:0] la_b;
    wire [LANES*W-1:0] la_mark;
    wire [LANES*W-1:0] la_last;
    wire [LANES-1:0] la_fires;
    // the neuron unit's view: the state, threshold and firing test of the neuron in bank ulane
    wire signed [A_BITS-1:0] cur_a = la_a[ulane * A_BITS +: A_BITS];
    wire signed [B_BITS-1:0] cur_b = la_b[ulane * B_BITS +: B_BITS];
    wire signed [W-1:0] cur_mark = la_mark[ulane * W +: W];
    wire [W-1:0] cur_last = la_last[ulane * W +: W];
    // the neuron unit's firing test as of the clock before: its inputs hold through the cycle, and a
    // register here keeps the product and compare apart from what the commit decides with them
    reg cur_fires;
    always @(posedge clk) begin
        cur_fires <= la_fires[ulane];
    end
    wire signed [TH_BITS-1:0] cur_theta = theta_q[ulane * TH_BITS +: TH_BITS];
    wire cur_dead = dead_q[ulane];
    // a binary-search step: the tick under test, and the range after it
    wire [W-1:0] mid = (lo + hi) >> 1;
    wire [W-1:0] step_lo = cur_fires ? lo : mid + 1;
    wire [W-1:0] step_hi = cur_fires ? mid : hi;
    // with the direct Zc table a step's commit reads Zc of both possible next ticks, so the step after
    // it, whose state read stays, is its test and commit clocks alone; zc_up: the step before did not
    // fire. So is a search's first step: the commit that sets its range (search_start, below) reads
    // its Zc, and reads the neuron's state at the address the step reads
    wire step_ahead = ZC_DIRECT != 0 && state == STEP && step_lo != step_hi;
    wire search_start;
    /* verilator lint_off UNUSEDSIGNAL */  // read only with the direct Zc table
    wire [W-1:0] search_mid;               // the first step's tick
    reg zc_up;
    /* verilator lint_on UNUSEDSIGNAL */
    wire [Z_BITS+AP_BITS-2:0] fire_prod;   // lane 0's firing-test product, which the decoder borrows
    // the direct Zc table: one registered read of the tick under test (test_n, settled from the
    // cycle's first clock)
    wire [Z_BITS-1:0] zc_direct;
    generate
        if (ZC_DIRECT != 0) begin : direct_zc
            /* verilator lint_off UNUSEDSIGNAL */  // ticks: only their low bits address the table
            wire [W-1:0] zc_ra_down = state == STEP && commit ? (lo + mid) >> 1            // (it fired)
                : search_start ? search_mid : test_n;
            wire [W-1:0] zc_ra_up = (mid + 1 + hi) >> 1;                                    // (it did not)
            /* verilator lint_on UNUSEDSIGNAL */
            wire [Z_BITS-1:0] zc_down;
            wire [Z_BITS-1:0] zc_up_q;
            fs_dual_rom #(.WIDTH(Z_BITS), .DEPTH(ZC_DEPTH), .INIT(ZC_INIT)) m_zc (.clk(clk),
                .raddr_a(zc_ra_down[aw(ZC_DEPTH)-1:0]), .rdata_a(zc_down),
                .raddr_b(zc_ra_up[aw(ZC_DEPTH)-1:0]), .rdata_b(zc_up_q));
            assign zc_direct = zc_up ? zc_up_q : zc_down;
        end else begin : factored_zc
            assign zc_direct = zc_test;
        end
    endgenerate
    // at tick 0 an event's test compares against 0, as the simulator does
    wire [Z_BITS-1:0] test_zc = state == EVENT && tick == 0 ? {Z_BITS{1'b0}} : unit_cycle ? zc_direct : zc_test;
    // the output decoder borrows lane 0's firing-test multiplier for its crossing products
    wire dec_mul_on;
    wire signed [A_BITS-1:0] dec_mul_a;
    wire signed [TH_BITS-1:0] dec_mul_theta;
    wire [Z_BITS-1:0] dec_mul_zc;

    // the gather's current pair
    wire [W-1:0] fd_src = fd[(d_ffirst + feed) * 3 + 0];
    wire [W-1:0] fd_rbase = fd[(d_ffirst + feed) * 3 + 1];
    wire [W-1:0] fd_runs = fd[(d_ffirst + feed) * 3 + 2];
    wire [W-1:0] pair_from_q;
    wire [W-1:0] pair_to_q;
    wire [W-1:0] run_length;
    wire [W-1:0] arrival;
    wire keep;
    fs_delay_registers #(.RUNS(RUNS), .W(W), .FROM_INIT(RUNFROM_INIT), .TO_INIT(RUNTO_INIT),
            .DELAY_INIT(RUNDELAY_INIT), .LENGTH_INIT(RUNLENGTH_INIT)) pairs (.clk(clk), .addr(fd_rbase + run),
        .k(pair), .from(pair_from_q), .to(pair_to_q), .length(run_length), .src_tick(ticks_q), .drop(d_drop),
        .arrival(arrival), .keep(keep));

    // the event being drained. A core's: for input (channel ev_cin, pixel ev_px, below) every window position
    // of the pixel, and at each the kernel row of its tap, LANES output channels per cycle; the bias,
    // entry by entry of its list, each a (bank address, chunk) of the bias row. A zero level or a dead
    // neuron leaves its lane idle (docs/architecture.md §4.3)
    // A core event holds its element and queue link in e_elem and e_next, so that the queue's read
    // port fetches the event after it meanwhile: the first event of a tick from its entry as read
    // (ph 1), one that follows another of the same tick from the last commit before it, which also
    // reads that event's first position-list entry and kernel row, or bias entry (its chain starts at
    // ph 3: its list start and channel base were read while the event before ran)
    reg [W-1:0] e_elem;
    reg [W-1:0] e_next;
    wire core_event = state == EVENT && d_kind == 1;
    wire first_read = core_event && ph == 16'd1 && !stepped;
    wire [W-1:0] ev_m = d_kind == 1 && !first_read ? e_elem : ev_elem_q;
    wire [W-1:0] ev_link = d_kind == 1 ? e_next : ev_next_q;
    wire ev_bias = bias_now && ev_m == d_belem;
    wire [W-1:0] fan_lo = fan_start_q;
    wire [W-1:0] fan_len = fan_start_nq - fan_lo;
    // The event's position list (start, end) and channel base: as read in a tick's first event's
    // second clock (lists_fresh), then from registers, so that the lists' read ports look up the next
    // event's while this one runs (below)
    reg [W-1:0] p_start;
    reg [W-1:0] p_end;
    reg [W-1:0] p_cbase;
    wire lists_fresh = core_event && ph == 16'd2 && !stepped;
    wire [W-1:0] e_start = lists_fresh ? pos_start_q : p_start;
    wire [W-1:0] e_cbase = lists_fresh ? chan_base_q : p_cbase;
    wire [W-1:0] npos = (lists_fresh ? pos_start_nq : p_end) - e_start;
    wire last_channel = chunk + 1 >= d_chunks;
    wire last_of_event = ev_bias ? koff + 1 >= fan_len : npos == 0 || pi + 1 >= npos && last_channel;
    wire more_events = drained + 1 < events;
    wire ev_done = commit && state == EVENT && (d_kind != 1 || last_of_event);
    wire [W-1:0] syn_j = ev_bias ? fan_target_q : op_base + pos_list_q;
    // the commit clock of an event cycle reads ahead for the event's next cycle (the registers follow at
    // the edge): the next chunk's kernel word, thresholds and states, or the next position's (bias
    // entry's) list entry; an event's last commit the next event's first position entry and row, or
    // its first bias entry
    wire ahead = commit && state == EVENT && d_kind == 1;
    wire [W-1:0] koff_ra = ev_done ? '0 : ahead ? koff + 1 : koff;
    wire [W-1:0] pi_ra = ahead && last_channel ? pi + 1 : pi;
    wire [W-1:0] chunk_ra = ahead && !last_channel ? chunk + 1 : ahead ? '0 : chunk;
    wire [W-1:0] op_base_ra = ahead && !last_channel ? op_base + d_positions : ahead ? '0 : op_base;
    // a position (bias entry) step reads the next entry's kernel word, thresholds and states ahead from
    // the lists' second port: it holds the entry after the one the first port reads
    wire pos_step = ahead && last_channel;
    wire [W-1:0] syn_ra = ev_bias ? (ahead ? fan_target_nq : fan_target_q)
        : op_base_ra + (pos_step ? pos_list_nq : pos_list_q);
    wire [W-1:0] bias_chunk_ra = ahead ? fan_chan_nq : fan_chan_q;
    wire [W-1:0] row_ra = pos_step ? pos_row_nq : pos_row_q;
    // the gather's pairs run one per clock once a run has started: each clock pushes a pair into the
    // bucket read the clock before (g_arr, g_keep), reads the bucket of the next and the source tick of
    // the one after it (the queue's write-first reads cover a push into the bucket just written)
    wire gather_step = state == GATHER && pair + 1 != run_length;
    reg [W-1:0] g_arr;
    reg g_keep;
    always @(posedge clk) begin
        g_arr <= arrival;
        g_keep <= keep;
    end
    // where the next cycle starts: the event's next chunk or position, or the gather's next pair, at
    // the commit
    wire ev_step = state == EVENT && d_kind == 1 && !last_of_event;
    // an event's last commit reads the bucket's next entry ahead: an event that follows another of the
    // same tick (core or merge) starts one clock into its chain, with Z(tick) kept
    wire follow_on = ev_done && ev_link != NIL;
    // the lists a core event's chain starts from are looked up for the entry the queue has read: the
    // event's own in its first clock, from then on the next event's, so that its last commit has the
    // next one's position-list start and channel base and reads its first position and row
    wire [W-1:0] ev_cin = ev_elem_q >> PIXEL_BITS;
    wire [W-1:0] ev_px = ev_elem_q & W'((1 << PIXEL_BITS) - 1);
    // the queue's read address: the tick's head, read in the tick change's commit so that the tick's
    // first event starts a clock into its chain (but a minpool's: its one-clock arrival would leave
    // the next tick change less than the three clocks after the pop its reads need); then a core
    // event's next entry while it runs
    wire [W-1:0] q_ptr = state == TICK ? q_head_q : ev_done || first_read ? ev_next_q
        : core_event && (stepped || ph > 16'd1) ? e_next : ptr;
    always @(posedge clk) begin
        if (first_read || ev_done && d_kind == 1) begin
            e_elem <= ev_elem_q;
            e_next <= ev_next_q;
        end
        if (lists_fresh || ev_done && d_kind == 1) begin
            p_start <= pos_start_q;
            p_end <= pos_start_nq;
            p_cbase <= chan_base_q;
        end
    end
    // a minpool write's commit reads the next write's tap range and pad flag ahead and, within a
    // channel, its first tap too (a window's taps follow the previous window's in the tap list), so
    // the next write starts two clocks in (one after a channel's last window)
    wire pool_ahead = commit && pool_write && idx + 1 != d_size;
    wire pool_wrap = rpos + 1 == d_positions;
    wire [15:0] next_ph = ev_step || gather_step ? 16'(PHASES - 1) : follow_on ? (d_kind == 1 ? 16'd3 : 16'd1)
        : state == TICK && d_kind != 2 ? 16'd1
        : pool_ahead ? (pool_wrap ? 16'd1 : 16'd2) : step_ahead || search_start ? 16'(UNIT_PHASES - 2) : 16'd0;
    wire ev_any = ev_bias ? fan_len != 0 : npos != 0;
    wire ev_cycle = commit && state == EVENT && d_kind == 1;
    genvar li;
    generate
        for (li = 0; li < LANES; li = li + 1) begin : lanes
            wire signed [LEVEL_BITS-1:0] level = kernel_q[li * LEVEL_BITS +: LEVEL_BITS];
            wire signed [A_BITS-1:0] a;
            wire signed [B_BITS-1:0] b;
            wire signed [W-1:0] mark;
            wire [W-1:0] last;
            wire fires;
            wire accumulate;
            wire detect;
            wire signed [A_BITS-1:0] a_next;
            wire signed [B_BITS-1:0] b_next;
            wire signed [W-1:0] mark_next;
            wire [W-1:0] last_next;
            wire live = ev_any && level != 0 && dead_q[li] == 1'b0;
            fs_neuron_state #(.DEPTH(MAX_CORE), .A_BITS(A_BITS), .B_BITS(B_BITS), .W(W), .EP_BITS(EP_BITS)) neurons (
                .clk(clk), .epoch(epoch), .raddr(st_ra), .waddr(syn_j), .scrub_addr(sweep), .scrub(scrubbing),
                .a(a), .b(b), .mark(mark), .last(last), .accumulate(ev_cycle && live && accumulate),
                .detect(ev_cycle && live && detect), .a_wd(a_next), .b_wd(b_next), .mark_wd(mark_next),
                .last_wd(last_next));
            // one synapse (docs/semantics.md §4.1): first touch in the tick tests for an earlier firing
            fs_synapse_lane #(.A_BITS(A_BITS), .B_BITS(B_BITS), .Z_BITS(Z_BITS), .W(W), .MUL_A(MUL_A)) lane (
                .a(a), .b(b),
                .mark(mark), .tick(tick), .level(16'(level)), .z(z_tick), .fires(fires), .accumulate(accumulate),
                .detect(detect), .a_next(a_next), .b_next(b_next), .mark_next(mark_next), .last_next(last_next));
            /* verilator lint_off UNUSEDSIGNAL */  // A' and the product serve the decoder, on lane 0 only
            wire signed [AP_BITS-1:0] ap;
            wire [Z_BITS+AP_BITS-2:0] prod;
            /* verilator lint_on UNUSEDSIGNAL */
            wire borrow = li == 0 && dec_mul_on;
            fs_fire_test #(.A_BITS(A_BITS), .B_BITS(B_BITS), .THETA_BITS(TH_BITS), .Z_BITS(Z_BITS), .G(G),
                    .MUL_A(MUL_A), .MUL_B(MUL_B)) fire (
                .a(borrow ? dec_mul_a : a), .b(b),
                .theta(borrow ? dec_mul_theta : theta_q[li * TH_BITS +: TH_BITS]),
                .zc(borrow ? dec_mul_zc : test_zc), .ap(ap), .prod(prod), .fires(fires));
            if (li == 0) begin : product
                assign fire_prod = prod;
            end
            assign la_a[li * A_BITS +: A_BITS] = a;
            assign la_b[li * B_BITS +: B_BITS] = b;
            assign la_mark[li * W +: W] = mark;
            assign la_last[li * W +: W] = last;
            assign la_fires[li] = fires;
        end
    endgenerate
    // the quirk's position counters: one arrival per position, counted at its first chunk
    wire [W-1:0] quirk_pos = pos_list_q;
    wire quirk_tap = npos != 0 && chunk == 0;

    // resolution of neuron idx (docs/semantics.md §4.2); rpos is its position
    wire signed [W-1:0] r_mark = cur_mark;
    wire [W-1:0] r_taps = count_of(rpos) + W'(bias_arrived);
    wire [W-1:0] r_last = bias_arrived && (count_of(rpos) == 0 || bias_arrival > pos_arrival[rpos[PW-1:0]])
        ? bias_arrival : pos_arrival[rpos[PW-1:0]];
    wire signed [W-1:0] r_limit = d_quirk && r_taps == d_wtaps ? r_last : d_drop - 1;
    wire r_dead = cur_dead;
    wire r_detected = r_mark <= -2;
    // dead, detected, or untouched: the state alone gives the range, with no firing test
    wire r_quick = r_dead || r_detected || r_mark < 0;
    // a neuron that never was found fired: does it fire by its limit?
    wire r_pending = !r_quick && r_mark <= r_limit && cur_fires;
    // the search range of neuron idx (resolution) or of the next fired output (after a probe)
    wire [W-1:0] sj = state == SEARCH ? fired_list_q : idx;
    // a search's fired output: its mark and last arrival from the fired list with the direct Zc table
    // (the state address comes from the list a clock later, and a two-clock cycle has no clock to
    // spare), else from that state read (ready in the cycle's third clock)
    wire signed [W-1:0] s_mark = ZC_DIRECT != 0 ? $signed(fired_mark_q) : cur_mark;
    wire [W-1:0] s_last = ZC_DIRECT != 0 ? fired_last_q : cur_last;
    reg [W-1:0] range_lo;
    reg [W-1:0] range_hi;
    always @* begin
        range_lo = '0;
        range_hi = '0;
        if (state == SEARCH) begin
            range_lo = s_mark <= -2 ? s_last : s_mark;
            range_hi = s_mark <= -2 ? -2 - s_mark : probe_tick;
        end else if (state == RESOLVE) begin
            if (r_dead) begin
                range_lo = d_drop;
                range_hi = d_drop;
            end else if (r_detected) begin
                range_lo = cur_last;
                range_hi = -2 - r_mark;
            end else begin
                range_lo = r_pending ? r_mark : d_drop;
                range_hi = r_pending ? r_limit : d_drop;
            end
        end
    end
    assign search_start = ZC_DIRECT != 0 && commit && (state == SEARCH || state == RESOLVE)
        && range_lo != range_hi;
    assign search_mid = (range_lo + range_hi) >> 1;
    wire bias_now = d_kind == 1 && d_btick >= 0 && (d_drop < 0 || d_btick < d_drop);

    // ---- the event queue: gather and bias push into the bucket of their tick; TICK pops a tick
    wire [W-1:0] q_head_q;
    wire [W-1:0] ev_elem_q;
    wire [W-1:0] ev_next_q;
    wire [W-1:0] next_tick;
    wire enq = commit && (state == SETUP2 && bias_now || state == GATHER && g_keep);
    wire [W-1:0] enq_at = state == SETUP2 ? d_btick : g_arr;
    wire [W-1:0] enq_n = state == SETUP2 ? '0 : events;
    fs_event_queue #(.HORIZON(HORIZON), .ENTRIES(MAX_EVENTS), .W(W)) queue (.clk(clk), .clear(commit && state == SETUP1),
        .bucket_at(state == SETUP2 || state == GATHER), .look(state == SETUP2 ? d_btick : arrival), .at(enq_at),
        .ptr(q_ptr), .n(enq_n),
        .elem_in(state == SETUP2 ? d_belem : pair_to_q), .push(enq), .pop(commit && state == TICK),
        .next_tick(next_tick), .head(q_head_q), .elem(ev_elem_q), .next(ev_next_q));

    // probe of output neuron idx: has it fired by the tick before the next nonempty one?
    wire [W-1:0] probe_now = next_tick - 1;
    wire p_fired = !r_dead && (r_detected || r_mark >= 0 && r_mark <= $signed(probe_now) && cur_fires);

    // minpool output idx: tap w = ph − 3 arrives this clock; the earliest, or the pad tick if earlier
    wire [W-1:0] tap_w = W'(ph) - W'(3);
    wire tap_in = ph >= 3 && tap_w < W'(MAX_TAPS) && tap_start_q + tap_w < tap_start_nq;
    // minpool and time-add stages: arrivals in EVENT, outputs in WRITE
    reg [W-1:0] merge_ra;
    /* verilator lint_off UNUSEDSIGNAL */    // the engine needs only the unit's output tick
    wire [W-1:0] merge_sum;
    wire [W-1:0] merge_count;
    wire [W-1:0] merge_min;
    /* verilator lint_on UNUSEDSIGNAL */
    wire [W-1:0] merge_tick;
    fs_merge_unit #(.DEPTH(MAX_MERGE), .W(W), .EP_BITS(EP_BITS), .C_BITS(COUNT_BITS)) merge (.clk(clk), .epoch(epoch),
        .add(d_kind != 2), .scrub_addr(sweep), .scrub(scrubbing),
        .addr(merge_ra), .sum(merge_sum), .count(merge_count), .tick(tick),
        .arrive(commit && state == EVENT && d_kind != 1), .window_start(ph == 16'd0 || pool_ahead), .tap(tap_in),
        .padded(padded_q != 0), .pad_tick(d_padtick), .operands(d_operands), .window_min(merge_min),
        .out_tick(merge_tick));

    // decoder: output idx (its tick, state and threshold as read) against the best so far
    /* verilator lint_off UNUSEDSIGNAL */    // the engine reports the final values
    wire better;
    wire signed [W-1:0] best;
    wire [W-1:0] best_tick;
    /* verilator lint_on UNUSEDSIGNAL */
    wire signed [W-1:0] final_best;
    wire [W-1:0] final_tick;
    fs_output_decoder #(.A_BITS(A_BITS), .B_BITS(B_BITS), .TH_BITS(TH_BITS), .Z_BITS(Z_BITS), .G(G), .W(W)) decoder (
        .clk(clk), .clear(commit && state == SETUP1), .decode(state == DECODE), .ph(ph), .commit(commit),
        .index(idx), .tick(ticks_q), .drop(d_drop), .a(cur_a), .b(cur_b), .theta(cur_theta), .mul_on(dec_mul_on),
        .mul_a(dec_mul_a), .mul_theta(dec_mul_theta), .mul_zc(dec_mul_zc), .prod(fire_prod), .better(better),
        .best(best), .best_tick(best_tick), .final_best(final_best), .final_tick(final_tick));

    // ---- read addresses ----------------------------------------------------------------------------
    always @* begin
        fan_start_ra = d_fanbase;
        fan_target_ra = fan_lo + koff_ra;
        fan_chan_ra = fan_lo + koff_ra;
        pos_start_ra = d_posbase + ev_px;
        chan_base_ra = d_chanbase + ev_cin;
        pos_list_ra = ev_done ? pos_start_q : e_start + pi_ra;
        pos_row_ra = ev_done ? pos_start_q : e_start + pi_ra;
        kernel_ra = e_cbase + (ev_bias ? bias_chunk_ra : row_ra + chunk_ra);
        tap_start_ra = d_winbase + rpos;
        padded_ra = d_padbase + rpos;
        taps_ra = tap_start_q + W'(ph) - W'(1);
        if (pool_ahead) begin
            tap_start_ra = d_winbase + (pool_wrap ? '0 : rpos + 1);
            padded_ra = d_padbase + (pool_wrap ? '0 : rpos + 1);
            taps_ra = tap_start_nq;
        end
        fired_list_ra = fired_at;
        fired_addr_ra = fired_at;
        fired_lane_ra = fired_at;
        fired_chunk_ra = fired_at;
        fired_mark_ra = fired_at;
        fired_last_ra = fired_at;
        case (state)
            // a run's first pair reads its source tick from its second clock, the next pair's from its
            // fourth, and each commit the pair after the next
            GATHER: ticks_ra = fd_src + pair_from_q + W'(ph >= 16'd3) + W'(commit && gather_step);
            DECODE, OUTPUT: ticks_ra = d_tbase + idx;
            default: ticks_ra = W'(peek_addr);
        endcase
        case (state)
            EVENT: st_ra = syn_ra;
            SEARCH: st_ra = LANES == 1 ? fired_list_q : fired_addr_q;
            default: st_ra = LANES == 1 ? idx : rbase + rpos;
        endcase
        // the threshold word of st_ra's chunk
        case (state)
            EVENT: theta_ra = d_thbase + (ev_bias ? bias_chunk_ra : chunk_ra);
            SEARCH: theta_ra = d_thbase + fired_chunk_q;
            default: theta_ra = d_thbase + rchunk;
        endcase
        dead_ra = d_nbase + st_ra;
        case (state)
            EVENT: merge_ra = ev_m;
            WRITE: merge_ra = d_kind == 2 ? wcb + taps_q : idx;
            default: merge_ra = idx;
        endcase
        case (state)
            EVENT: test_n = tick - 1;
            PROBE: test_n = probe_now;
            RESOLVE: test_n = r_limit;
            default: test_n = mid;
        endcase
    end

    // ---- write ports (commit clock only) -------------------------------------------------------------
    always @* begin
        fired_list_we = commit && state == PROBE && p_fired;
        fired_list_wa = fired_count;
        fired_list_wd = idx;
        fired_addr_we = fired_list_we;
        fired_addr_wa = fired_count;
        fired_addr_wd = rbase + rpos;
        fired_lane_we = fired_list_we;
        fired_lane_wa = fired_count;
        fired_lane_wd = rlane;
        fired_chunk_we = fired_list_we;
        fired_chunk_wa = fired_count;
        fired_chunk_wd = rchunk;
        fired_mark_we = fired_list_we;
        fired_mark_wa = fired_count;
        fired_mark_wd = cur_mark;
        fired_last_we = fired_list_we;
        fired_last_wa = fired_count;
        fired_last_wd = cur_last;
        // the tick memory: host inputs, probe clears, resolved ticks and stage outputs
        ticks_we = 1'b0;
        ticks_wa = d_tbase + idx;
        ticks_wd = NEVER;
        case (state)
            HOST: begin
                ticks_we = host_step;
                ticks_wa = idx;
                ticks_wd = host_take ? W'(in_tick) : W'(NO_SPIKE_TICK);
            end
            PROBE: ticks_we = commit;
            SEARCH, RESOLVE: begin
                ticks_we = commit && range_lo == range_hi;
                ticks_wa = d_tbase + sj;
                ticks_wd = range_lo;
            end
            STEP: begin
                ticks_we = commit && step_lo == step_hi;
                ticks_wd = step_lo;
            end
            WRITE: begin
                // minpool: the first arrival or the pad tick; time-add: the sum once all operands came
                ticks_we = commit;
                ticks_wd = merge_tick;
            end
            default: ;
        endcase
    end

    // ---- sequencing ------------------------------------------------------------------------------------
    task automatic clear_stage;
        begin
            epoch <= epoch + 1;
            pos_valid <= '0;
            bias_arrived <= 1'b0;
            fired_count <= 0;
            fired_at <= 0;
        end
    endtask

    // neuron numbering restarts: so does its position
    task automatic first_neuron;
        begin
            idx <= 0;
            rpos <= 0;
            wcb <= 0;
            rlane <= '0;
            rchunk <= 0;
            rbase <= 0;
        end
    endtask

    // the neuron (or output element) after j: its position, channel (lane, chunk) and window base follow
    task automatic next_index(input [W-1:0] j);
        begin
            idx <= j + 1;
            if (rpos + 1 == d_positions) begin
                rpos <= '0;
                wcb <= wcb + d_inpixels;
                if (32'(rlane) + 1 == LANES) begin
                    rlane <= '0;
                    rchunk <= rchunk + 1;
                    rbase <= rbase + d_positions;
                end else begin
                    rlane <= rlane + 1'b1;
                end
            end else begin
                rpos <= rpos + 1;
            end
        end
    endtask

    // after a bucket: the probe (output core, before every tick group but the first), the next tick, or the finish
    task automatic after_bucket;
        begin
            first_neuron();
            if (more_events) begin
                state <= d_kind == 1 && d_output && !decided ? PROBE : TICK;
            end else begin
                state <= d_kind == 1 ? RESOLVE : WRITE;
            end
        end
    endtask

    // after neuron j's tick is written: the next fired output, the decoder, the next neuron, or the next stage
    task automatic finish_neuron(input [W-1:0] j);
        begin
            if (state == SEARCH || resume == SEARCH && state == STEP) begin
                fired_at <= fired_at + 1;
                state <= fired_at + 1 == fired_count ? DECODE : SEARCH;
                if (fired_at + 1 == fired_count) begin
                    first_neuron();
                end
            end else if (j + 1 == d_size) begin
                first_neuron();
                if (d_output) begin
                    state <= DECODE;
                end else begin
                    next_stage();
                end
            end else begin
                next_index(j);
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

    // the clock within the cycle
    always @(posedge clk) begin
        if (rst) begin
            ph <= 16'd0;
            stepped <= 1'b0;
            zc_up <= 1'b0;
        end else if (commit) begin
            ph <= next_ph;
            stepped <= ev_step || follow_on;
            zc_up <= step_ahead && !cur_fires;
        end else begin
            ph <= ph + 16'd1;
        end
    end

    wire counting = !host_state && state != OUTPUT || host_step;
    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            done <= 1'b0;
            out_valid <= 1'b0;
            out_done <= 1'b0;
            cycles <= 0;
            clocks <= 0;
            s <= 0;
            idx <= 0;
            rpos <= 0;
            decided <= 1'b0;
        end else begin
            if (counting) begin
                clocks <= clocks + 1;
            end
            if (counting && commit) begin
                cycles <= cycles + 1;
            end
            out_valid <= 1'b0;
            if (scrubbing) begin
                sweep <= sweep + 1;
            end
            if (commit) begin
                case (state)
                    IDLE: begin
                        if (start) begin
                            sweep <= '0;
                            if (SCRUB != 0) begin
                                epoch <= EP_BITS'(1);
                            end
                            done <= 1'b0;
                            out_done <= 1'b0;
                            decided <= 1'b0;
                            idx <= 0;
                            s <= 1;
                            state <= HOST;
                        end
                    end
                    HOST: begin
                        if (host_step) begin
                            idx <= idx + 1;
                            if (idx + 1 == W'(INPUTS)) begin
                                state <= SETUP1;
                            end
                        end
                    end
                    SETUP1: begin
                        clear_stage();
                        events <= 0;
                        drained <= 0;
                        feed <= 0;
                        run <= 0;
                        pair <= 0;
                        state <= SETUP2;
                    end
                    SETUP2: begin
                        // a core's bias input is queued with no cycle of its own
                        if (bias_now) begin
                            events <= 1;
                        end
                        if (d_fcount == 0) begin
                            first_neuron();
                            state <= bias_now ? TICK : d_kind == 1 ? RESOLVE : WRITE;
                        end else begin
                            state <= GATHER;
                        end
                    end
                    GATHER: begin
                        // one pair per cycle; the image holds no feed without pairs
                        if (g_keep) begin
                            events <= events + 1;
                        end
                        if (pair + 1 != run_length) begin
                            pair <= pair + 1;
                        end else if (run + 1 != fd_runs) begin
                            pair <= 0;
                            run <= run + 1;
                        end else begin
                            pair <= 0;
                            run <= 0;
                            feed <= feed + 1;
                            if (feed + 1 == d_fcount) begin
                                first_neuron();
                                state <= events != 0 || g_keep ? TICK : d_kind == 1 ? RESOLVE : WRITE;
                            end
                        end
                    end
                    TICK: begin
                        tick <= next_tick;
                        ptr <= q_head_q;
                        koff <= 0;
                        pi <= 0;
                        chunk <= 0;
                        op_base <= 0;
                        state <= EVENT;
                    end
                    EVENT: begin
                        // the element's window positions, each at its first channel's cycle; the bias
                        // counts apart
                        if (d_kind == 1 && d_quirk && ev_bias) begin
                            if (koff == 0) begin
                                bias_arrived <= 1'b1;
                                bias_arrival <= tick;
                            end
                        end else if (d_kind == 1 && d_quirk && quirk_tap) begin
                            pos_count[quirk_pos[PW-1:0]] <= count_of(quirk_pos) + 1;
                            pos_arrival[quirk_pos[PW-1:0]] <= tick;
                            pos_valid[quirk_pos[PW-1:0]] <= 1'b1;
                        end
                        if (d_kind != 1 || last_of_event) begin
                            drained <= drained + 1;
                            koff <= 0;
                            pi <= 0;
                            chunk <= 0;
                            op_base <= 0;
                            ptr <= ev_link;
                            if (ev_link == NIL) begin
                                after_bucket();
                            end
                        end else if (ev_bias) begin
                            koff <= koff + 1;
                        end else if (last_channel) begin
                            chunk <= 0;
                            op_base <= 0;
                            pi <= pi + 1;
                        end else begin
                            chunk <= chunk + 1;
                            op_base <= op_base + d_positions;
                        end
                    end
                    PROBE: begin
                        // one output per cycle (U = 1); the fired ones are searched next, and decide
                        probe_tick <= probe_now;
                        if (p_fired) begin
                            fired_count <= fired_count + 1;
                        end
                        if (idx + 1 == d_size) begin
                            first_neuron();
                            if (fired_count != 0 || p_fired) begin
                                state <= SEARCH;
                                decided <= 1'b1;
                            end else begin
                                state <= TICK;
                            end
                        end else begin
                            next_index(idx);
                        end
                    end
                    SEARCH, RESOLVE: begin
                        // the neuron's first cycle: its range; with nothing to search it ends here
                        idx <= sj;
                        if (state == SEARCH) begin
                            // its steps read the fired output's bank at rbase + rpos
                            rbase <= fired_addr_q;
                            rpos <= '0;
                            rlane <= fired_lane_q;
                            rchunk <= fired_chunk_q;
                        end
                        lo <= range_lo;
                        hi <= range_hi;
                        if (range_lo == range_hi) begin
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
                            finish_neuron(idx);
                        end
                    end
                    DECODE: begin
                        if (idx + 1 == d_size) begin
                            decision <= final_best < 0 ? '0 : 32'($unsigned(final_best));
                            decision_tick <= final_best < 0 ? 32'hFFFFFFFF : 32'(final_tick);
                            done <= 1'b1;
                            first_neuron();
                            state <= OUTPUT;
                        end else begin
                            next_index(idx);
                        end
                    end
                    WRITE: begin
                        if (idx + 1 == d_size) begin
                            first_neuron();
                            next_stage();
                        end else begin
                            // a minpool's windows repeat per channel
                            next_index(idx);
                        end
                    end
                    OUTPUT: begin
                        // the output neuron's tick arrived: a spike if at or before the decision tick
                        out_valid <= decision_tick != 32'hFFFFFFFF && 32'(ticks_q) <= decision_tick;
                        out_neuron <= 32'(idx);
                        out_tick <= port_tick(ticks_q);
                        if (idx + 1 == d_size) begin
                            out_done <= 1'b1;
                            state <= FINISHED;
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
    end
endmodule
`default_nettype wire
