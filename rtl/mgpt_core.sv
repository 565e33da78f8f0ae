// The MicroGPT core for one design point (docs/MICROARCH.md): SLOTS
// independent generations ("slots", docs/SEQUENCES.md), each with its own
// controller state, step inputs, activations and KV cache, sharing the core's
// units (arch/stage_units.hpp): the vector unit (embedding load and the
// elementwise passes), the RMS engine, the matvec tile (with its weight
// streams), the attention datapath (KV write, scores, weighted sums, dividers),
// the argmax and the sampler. A unit serves one slot at a time, arbitrated as
// docs/SCHEDULING.md says (docs/MICROARCH.md "Slots"). Parameters mirror the
// design-point keys; the cycle count of every stage equals the TLM's, so with
// SLOTS = 1 this is the single-controller core, cycle for cycle.
//
// Host interface, per slot s (bits [W*s +: W] of each port): with the slot idle,
// or in its DONE cycle, `start[s]` is sampled with the step's inputs; the slot
// is `busy` from the next cycle until its DONE cycle (inclusive), where
// `done[s]` is high and its token_out, rng_out and logits are valid (they stay
// valid until its next start). A slot alone: busy cycles = the step's cycle
// count; a start in the DONE cycle runs the next step back to back.
module mgpt_core #(
    parameter integer LANES = 16,
    parameter integer COLS = 1,             // cols_per_cycle
    parameter integer WEIGHT_M10K = 0,      // weight_memory: 0 logic, 1 m10k
    parameter integer BANKS = 1,            // weight_banks (m10k)
    parameter integer PORTS = 1,            // bram_ports (m10k)
    parameter integer KV_M10K = 0,          // kv_memory: 0 registers, 1 m10k
    parameter integer VLANES = 1,           // vector_lanes
    parameter integer NORM_RADIX = 1,       // norm_radix_bits
    parameter integer DIVIDERS = 4,         // attn_dividers
    parameter integer DIV_RADIX = 1,        // div_radix_bits
    parameter integer SAMPLER_PARALLEL = 0, // sampler: 0 sequential, 1 parallel
    parameter integer ARGMAX_TREE = 0,      // argmax: 0 sequential, 1 tree
    parameter integer PIPELINE = 0,         // pipeline: register stages in the tile (0 = mgpt_tile)
    parameter integer REF_PROFILE = 0,      // numerics: 1 reference (wraparound), 0 saturating
    parameter integer SLOTS = 1,            // sequences: slots sharing the units (1, 2, 4, 8, 16)
    parameter integer SCHED_RR = 0,         // schedule: 0 oldest, 1 round_robin
    parameter integer SLOT_MLAB = 0,        // slot_memory: 0 registers, 1 mlab (the activation vectors)
    parameter ROM_DIR = "rom",              // read-order ROM files (microgpt-dse writes them)
    parameter integer ROM_STEP = 0          // rom_layout: 0 matrix, 1 step (logic ROMs indexed by the step)
) (
    input  wire                    clk,
    input  wire                    rst,
    input  wire [SLOTS-1:0]        start,
    input  wire [5*SLOTS-1:0]      token_in,
    input  wire [4*SLOTS-1:0]      pos,
    input  wire [32*SLOTS-1:0]     rng_in,
    input  wire [SLOTS-1:0]        greedy,
    input  wire [16*SLOTS-1:0]     temperature,
    output wire [SLOTS-1:0]        busy,
    output wire [SLOTS-1:0]        done,
    output wire [5*SLOTS-1:0]      stage,        // per slot: arch::Stage it is in or waits for (31 = idle)
    output wire [5*SLOTS-1:0]      token_out,
    output wire [32*SLOTS-1:0]     rng_out,
    output wire [27*16*SLOTS-1:0]  logits_flat,
    // per shared unit u (arch::Unit order: vector, rms, tile, attention,
    // argmax, sampler) bits [5*u +: 5] = {held, slot}: the slot it serves this cycle
    output wire [6*5-1:0]          unit_slot
);
    `include "mgpt_functions.svh"

    // ---- stage codes: the order of arch/stages.hpp ----
    localparam [4:0] S_ACCEPT = 0, S_LOAD = 1, S_NORM0 = 2, S_SCALE0 = 3, S_SUMSQ_ATTN = 4, S_NORM_ATTN = 5,
                     S_SCALE_ATTN = 6, S_QKV = 7, S_KV_WRITE = 8, S_ATTENTION = 9, S_WO = 10,
                     S_RESIDUAL_ATTN = 11, S_NORM_MLP = 12, S_SCALE_MLP = 13, S_FC1 = 14, S_FC2 = 15,
                     S_RESIDUAL_MLP = 16, S_LM_HEAD = 17, S_ARGMAX = 18, S_FINISH = 19, S_SAMPLER = 20,
                     S_DONE = 21, S_IDLE = 31;
    // ---- units: the order of arch::Unit (arch/stage_units.hpp) ----
    localparam integer U_VECTOR = 0, U_RMS = 1, U_TILE = 2, U_ATTENTION = 3, U_ARGMAX = 4, U_SAMPLER = 5,
                       UNITS = 6, U_NONE = 6;
    localparam integer SW = SLOTS > 1 ? $clog2(SLOTS) : 1;  // slot index bits
    localparam integer EV = 16 / VLANES;           // element steps of a 16-element pass
    localparam integer EWPS = (VLANES + 1) / 2;    // embedding words per step
    localparam integer EBEATS = WEIGHT_M10K ? (EWPS + BANKS * PORTS - 1) / (BANKS * PORTS) : 1;
    localparam integer WLAT = WEIGHT_M10K ? 1 : 0;
    // vector passes at PIPELINE >= 1: drain cycles after the last element group
    // (arch::kVectorDrainSumCycles / kVectorDrainCycles; 0 at level 0)
    localparam integer VDRAIN_SUM = PIPELINE != 0 ? 3 : 0;
    localparam integer VDRAIN = PIPELINE != 0 ? 1 : 0;
    // divider batches due after each head's latch (D = 16: one batch after the last head)
    localparam [4:0] BATCHES_PER_HEAD = DIVIDERS >= 4 ? 5'd1 : 5'(4 / DIVIDERS);

    // the unit that runs stage `s` (arch::kStageUnits); U_NONE for the per-slot controller states
    function automatic [2:0] unit_of(input [4:0] s);
        case (s)
            S_LOAD, S_SCALE0, S_SUMSQ_ATTN, S_SCALE_ATTN, S_RESIDUAL_ATTN, S_SCALE_MLP, S_RESIDUAL_MLP:
                unit_of = U_VECTOR;
            S_NORM0, S_NORM_ATTN, S_NORM_MLP: unit_of = U_RMS;
            S_QKV, S_WO, S_FC1, S_FC2, S_LM_HEAD: unit_of = U_TILE;
            S_KV_WRITE, S_ATTENTION: unit_of = U_ATTENTION;
            S_ARGMAX: unit_of = U_ARGMAX;
            S_SAMPLER: unit_of = U_SAMPLER;
            default: unit_of = U_NONE;
        endcase
    endfunction

    // ---- per-slot state ----
    // The activation vectors x, res, nrm, q, k, v, attn, y and hid are
    // mgpt_slot_vector memories ("slot vectors" below: registers, or MLABs
    // with SLOT_MLAB). Every other per-slot register is one packed vector of
    // SLOTS fields, slot s's at
    // [W*s +: W]. A unit reads its holder's field through a multiplexer (the
    // `SLOT view below) and writes it under a slot decoder (`SET): for every
    // slot a write at a constant offset, under the condition that selects the
    // slot, as the vectors' elements are written (rtl/README.md "Simulation
    // speed"). With SLOTS = 1 the holders are constant 0 and both vanish.
    // The vectors are packed, element i of 16 bits at [16*i +: 16] (`EL reads it signed).
    `define EL(vec, i) $signed(vec[16*(i) +: 16])
    `define SLOT(vec, W, h) vec[(W)*(h) +: (W)]
    `define SET(vec, W, h, off, width, val) \
        begin for (sl = 0; sl < SLOTS; sl = sl + 1) if ((h) == sl) vec[(W)*sl + (off) +: (width)] <= (val); end
    reg [5*SLOTS-1:0]   stage_r;                 // the slot's current stage (S_IDLE: no step)
    reg [5*SLOTS-1:0]   tok;
    reg [4*SLOTS-1:0]   p;
    reg [SLOTS-1:0]     grd;
    reg [16*SLOTS-1:0]  temp;
    reg [32*SLOTS-1:0]  rng_r;
    reg [5*SLOTS-1:0]   token_r;
    reg [432*SLOTS-1:0] logits;
    reg [64*SLOTS-1:0]  sumsq;
    reg [16*SLOTS-1:0]  scale;
    reg [5*SLOTS-1:0]   best_idx;
    reg [16*SLOTS-1:0]  best_val;
    integer sl;

    assign stage = stage_r;
    assign token_out = token_r;
    assign rng_out = rng_r;
    assign logits_flat = logits;
    genvar gi, gu;
    generate
        for (gi = 0; gi < SLOTS; gi = gi + 1) begin : slot_status
            assign busy[gi] = stage_r[5*gi +: 5] != S_IDLE;
            assign done[gi] = stage_r[5*gi +: 5] == S_DONE;
        end
    endgenerate
    // slots that take a start at this edge (idle or in their DONE cycle)
    wire [SLOTS-1:0] accepting;
    generate
        for (gi = 0; gi < SLOTS; gi = gi + 1) begin : slot_accept
            assign accepting[gi] = start[gi] && (stage_r[5*gi +: 5] == S_IDLE || stage_r[5*gi +: 5] == S_DONE);
        end
    endgenerate

    // ---- arbitration (docs/SCHEDULING.md rules 2-5) ----
    // u_busy[u]: the unit holds a stage that continues this cycle (registered);
    // u_hold: its slot. A free unit is granted in the same cycle (no handover
    // cycle) to one of the slots whose registered stage is on it: every stage
    // end of the previous edge is in stage_r already, so a slot that just
    // released the unit competes for it again.
    reg  [UNITS-1:0]    u_busy;
    wire [SW*UNITS-1:0] u_hold;
    wire [UNITS-1:0]    u_held;    // the unit serves a slot this cycle
    wire [SW*UNITS-1:0] u_holder;  // which one
    reg  [UNITS-1:0]    ended;     // the holder's stage ends at this edge (blocking, main block)
    // oldest: older[SLOTS*j + s] = slot j's current step started before slot s's
    // (the same cycle: j < s). A slot taking a start becomes the youngest.
    reg  [SLOTS*SLOTS-1:0] older;
    integer oj, os;
    always @(posedge clk) begin
        for (oj = 0; oj < SLOTS; oj = oj + 1)
            for (os = 0; os < SLOTS; os = os + 1)
                if (rst || SCHED_RR != 0 || SLOTS == 1) older[SLOTS*oj + os] <= oj < os;
                else if (accepting[os] && accepting[oj]) older[SLOTS*oj + os] <= oj < os;
                else if (accepting[os]) older[SLOTS*oj + os] <= oj != os;
                else if (accepting[oj]) older[SLOTS*oj + os] <= 1'b0;
    end
    generate
        for (gu = 0; gu < UNITS; gu = gu + 1) begin : arbiter
            reg  [SW-1:0] hold_r, last_r;
            wire [SLOTS-1:0] waiting;  // slots whose stage is on this unit and that it does not serve yet
            for (gi = 0; gi < SLOTS; gi = gi + 1) begin : slot_waits
                assign waiting[gi] = unit_of(stage_r[5*gi +: 5]) == gu && !(u_busy[gu] && hold_r == gi);
            end
            // the waiting slot the policy picks: round robin, the first after
            // last_r cyclically; oldest, the one no waiting slot is older than
            reg [SW-1:0] pick;
            reg          any, younger;
            integer a, c, j;
            always @* begin
                pick = '0;
                any = 1'b0;
                for (a = 1; a <= SLOTS; a = a + 1) begin
                    c = SCHED_RR != 0 ? (last_r + a) % SLOTS : a - 1;
                    younger = 1'b0;
                    if (SCHED_RR == 0)
                        for (j = 0; j < SLOTS; j = j + 1)
                            if (waiting[j] && older[SLOTS*j + c]) younger = 1'b1;
                    if (!any && waiting[c] && !younger) begin
                        any = 1'b1;
                        pick = c[SW-1:0];
                    end
                end
            end
            assign u_hold[SW*gu +: SW] = hold_r;
            assign u_held[gu] = u_busy[gu] || any;
            assign u_holder[SW*gu +: SW] = SLOTS == 1 ? '0 : u_busy[gu] ? hold_r : pick;
            assign unit_slot[5*gu +: 5] = {u_held[gu], 4'(u_holder[SW*gu +: SW])};
            always @(posedge clk) begin
                if (rst) begin
                    hold_r <= '0;
                    last_r <= SW'(SLOTS - 1);  // as if the last slot was served: slot 0 first
                end else begin
                    hold_r <= u_holder[SW*gu +: SW];
                    if (u_held[gu] && !u_busy[gu]) last_r <= u_holder[SW*gu +: SW];
                end
            end
        end
    endgenerate

    // each unit's holder and the stage it runs for it (S_IDLE: the unit is free)
    wire [SW-1:0] v_h = u_holder[SW*U_VECTOR +: SW], r_h = u_holder[SW*U_RMS +: SW],
                  t_h = u_holder[SW*U_TILE +: SW], a_h = u_holder[SW*U_ATTENTION +: SW],
                  g_h = u_holder[SW*U_ARGMAX +: SW], m_h = u_holder[SW*U_SAMPLER +: SW];
    wire [4:0] v_st = u_held[U_VECTOR] ? `SLOT(stage_r, 5, v_h) : S_IDLE;
    wire [4:0] r_st = u_held[U_RMS] ? `SLOT(stage_r, 5, r_h) : S_IDLE;
    wire [4:0] t_st = u_held[U_TILE] ? `SLOT(stage_r, 5, t_h) : S_IDLE;
    wire [4:0] a_st = u_held[U_ATTENTION] ? `SLOT(stage_r, 5, a_h) : S_IDLE;
    wire [4:0] g_st = u_held[U_ARGMAX] ? `SLOT(stage_r, 5, g_h) : S_IDLE;
    wire [4:0] m_st = u_held[U_SAMPLER] ? `SLOT(stage_r, 5, m_h) : S_IDLE;
    // the holders' registers each unit reads
    wire [4:0]   v_tok = `SLOT(tok, 5, v_h);
    wire [3:0]   v_p = `SLOT(p, 4, v_h), a_p = `SLOT(p, 4, a_h);
    wire [255:0] v_x, v_res, v_y;  // the slot vectors' reads (below)
    wire [63:0]  v_sumsq = `SLOT(sumsq, 64, v_h), r_sumsq = `SLOT(sumsq, 64, r_h);
    wire signed [15:0] v_scale = `SLOT(scale, 16, v_h);
    wire [255:0] t_nrm, t_attn, t_x;
    wire [1023:0] t_hid;
    wire [255:0] a_q, a_k, a_v;
    wire [431:0] g_logits = `SLOT(logits, 432, g_h), m_logits = `SLOT(logits, 432, m_h);
    wire [4:0]   g_best_idx = `SLOT(best_idx, 5, g_h), m_best_idx = `SLOT(best_idx, 5, m_h);
    wire [15:0]  g_best_val = `SLOT(best_val, 16, g_h), m_best_val = `SLOT(best_val, 16, m_h);
    wire [31:0]  m_rng = `SLOT(rng_r, 32, m_h);
    wire [15:0]  m_temp = `SLOT(temp, 16, m_h);

    // ---- unit state (one stage of one slot at a time) ----
    reg [11:0] v_cnt;      // vector: cycle within the pass
    reg [11:0] g_cnt;      // argmax: cycle within the scan
    reg        r_wait, t_wait, a_wait, m_wait;  // an engine call is in flight (start already raised)
    reg [6:0]  row0;       // tile pass: first stacked row
    reg [1:0]  chunk;      // tile pass: column chunk
    reg [2:0]  ah;         // attention: head
    reg [2:0]  aphase;     // attention: phase within the head
    reg [4:0]  at;         // attention: cached position
    reg [4:0]  abatch;     // attention: divider batch
    reg [63:0] s64;
    reg [32*16-1:0] tree_val;  // argmax tree: survivors of the previous level
    reg [32*5-1:0]  tree_idx;
    reg signed [15:0] lv, rv, bv;
    reg [4:0]  li, ri, bi;
    // the logits and five -32768 entries: the argmax tree's first level reads pairs up to index 31
    wire [32*16-1:0] logits_pad = {{5{16'h8000}}, g_logits};

    // ---- embedding ROMs (wte, wpe) ----
    wire [EWPS*32-1:0] wte_words, wpe_words;
    wire        load_issuing = v_st == S_LOAD && v_cnt < EV * EBEATS;
    wire [19:0] load_step = load_issuing ? {8'd0, v_cnt} / EBEATS : 20'd0;
    wire [7:0]  load_beat = load_issuing ? v_cnt[7:0] % EBEATS[7:0] : 8'd0;
    wire [19:0] wte_step = {15'd0, v_tok} * EV + load_step;
    wire [19:0] wpe_step = {16'd0, v_p} * EV + load_step;
    // a stream reads the first word or (step-indexed logic ROMs) the step: the other input is
    // tied off (the tile's streams alike: ST_USED in mgpt_tile_shape.svh)
    localparam [19:0] EMB_ST_USED = (WEIGHT_M10K == 0 && ROM_STEP != 0) ? 20'hFFFFF : 20'h0;
    mgpt_weight_stream #(WEIGHT_M10K, BANKS, PORTS, EWPS, 27 * EV * EWPS, {ROM_DIR, "/wte"}, ROM_STEP) rom_wte (
        clk, load_issuing, (wte_step * EWPS) & ~EMB_ST_USED, wte_step & EMB_ST_USED, load_beat, wte_words);
    mgpt_weight_stream #(WEIGHT_M10K, BANKS, PORTS, EWPS, 16 * EV * EWPS, {ROM_DIR, "/wpe"}, ROM_STEP) rom_wpe (
        clk, load_issuing, (wpe_step * EWPS) & ~EMB_ST_USED, wpe_step & EMB_ST_USED, load_beat, wpe_words);
    // the element group whose words are on the ROM outputs this cycle
    wire        load_compute = v_st == S_LOAD &&
                (WEIGHT_M10K == 0 ? 1'b1 : (v_cnt >= EBEATS && (v_cnt % EBEATS) == 0));
    wire [11:0] load_group = WEIGHT_M10K == 0 ? v_cnt : v_cnt / EBEATS - 12'd1;

    // ---- pipelined vector passes (PIPELINE >= 1, docs/MICROARCH.md "Pipeline") ----
    // V1 registers the operands of an element group (the embedding words, or the
    // source elements), V2 computes each lane's result from them, writes it to
    // its vector and registers it, V3 registers its square, V4 adds the lanes'
    // squares (a balanced tree) to sumsq. Widths are the values' own: a square
    // is below 2^19 and a pass's sum of 16 below 2^23, so 24 bits hold both
    // exactly. Level 0 keeps the single-cycle datapath of the S_LOAD and
    // elementwise states below. A pass drains before it ends, so the next
    // holder of the vector unit finds the pipeline empty.
    wire vec_pass = v_st == S_SCALE0 || v_st == S_SUMSQ_ATTN || v_st == S_SCALE_ATTN ||
                    v_st == S_RESIDUAL_ATTN || v_st == S_SCALE_MLP || v_st == S_RESIDUAL_MLP;
    wire vec_sums = v_st == S_LOAD || v_st == S_SUMSQ_ATTN || v_st == S_RESIDUAL_ATTN;
    wire vec_scales = v_st == S_SCALE0 || v_st == S_SCALE_ATTN || v_st == S_SCALE_MLP;
    wire vec_issue = (load_compute && v_cnt < EV * EBEATS + WLAT) || (vec_pass && v_cnt < EV);
    reg  [16*VLANES-1:0] va, vb;  // V1
    reg  [11:0] vg1;              // V1: the element group of va, vb
    reg         v1, v2, v3;       // V1, V2 (results of a summing pass), V3 valid
    reg  [16*VLANES-1:0] vr;      // V2
    reg  [24*VLANES-1:0] vsq;     // V3
    wire [16*VLANES-1:0] vlane;   // V2: this cycle's lane results
    // V4: the sum of the lanes' squares, a balanced tree (log2 VLANES adder levels)
    function automatic [23:0] square_sum(input [24*16-1:0] sq);
        reg [24*16-1:0] t;
        integer w, n;
        begin
            t = sq;
            for (w = VLANES; w > 1; w = w / 2)
                for (n = 0; n < w / 2; n = n + 1) t[24*n +: 24] = t[24*(2*n) +: 24] + t[24*(2*n+1) +: 24];
            square_sum = t[23:0];
        end
    endfunction
    wire [24*16-1:0] vsq_wide = vsq;  // zero-extended to the function's 16 lanes
    wire [23:0] vsq_sum = square_sum(vsq_wide);
    generate
        for (gi = 0; gi < VLANES; gi = gi + 1) begin : vector_lane
            wire signed [15:0] a = $signed(va[16*gi +: 16]), b = $signed(vb[16*gi +: 16]);
            wire signed [31:0] prod = a * v_scale;
            wire signed [16:0] sum = {a[15], a} + {b[15], b};
            assign vlane[16*gi +: 16] = vec_scales ? sat16_of32($signed({{12{prod[31]}}, prod[31:12]})) :
                                        v_st == S_SUMSQ_ATTN ? a : sat16_of32($signed({{15{sum[16]}}, sum}));
        end
        if (PIPELINE != 0) begin : vector_pipe
            integer vi, vj;
            reg signed [31:0] vp;
            always @(posedge clk) begin
                v1 <= vec_issue && !rst;
                vg1 <= v_st == S_LOAD ? load_group : v_cnt;
                v2 <= v1 && vec_sums;
                v3 <= v2;
                for (vi = 0; vi < VLANES; vi = vi + 1) begin
                    vj = v_cnt * VLANES + vi;
                    case (v_st)
                        S_LOAD: begin
                            va[16*vi +: 16] <= wte_words[16*vi +: 16];
                            vb[16*vi +: 16] <= wpe_words[16*vi +: 16];
                        end
                        S_RESIDUAL_ATTN, S_RESIDUAL_MLP: begin
                            va[16*vi +: 16] <= v_y[16*(vj % 16) +: 16];
                            vb[16*vi +: 16] <= v_res[16*(vj % 16) +: 16];
                        end
                        default: va[16*vi +: 16] <= v_x[16*(vj % 16) +: 16];
                    endcase
                    vr[16*vi +: 16] <= vlane[16*vi +: 16];
                    vp = $signed(vr[16*vi +: 16]) * $signed(vr[16*vi +: 16]);
                    vsq[24*vi +: 24] <= {4'd0, vp[31:12]};
                end
            end
        end else begin : no_vector_pipe  // level 0: constants, which synthesis removes
            always @(posedge clk) {va, vb, vg1, v1, v2, v3, vr, vsq} <= '0;
        end
    endgenerate

    // ---- engines ----
    reg        tile_start, rms_start, div_start, smp_start;
    reg [2:0]  tile_proj;
    wire       tile_done, rms_done, smp_done;
    wire [LANES*64-1:0] tile_acc;
    reg  [64*16-1:0] tile_in;
    generate
        if (PIPELINE == 0) begin : single_cycle
            mgpt_tile #(LANES, COLS, WEIGHT_M10K, BANKS, PORTS, ROM_DIR, ROM_STEP) tile (
                clk, rst, tile_start, tile_proj, row0, chunk, tile_in, tile_done, tile_acc);
        end else begin : pipelined
            mgpt_tile_pipelined #(LANES, COLS, WEIGHT_M10K, BANKS, PORTS, PIPELINE, ROM_DIR, ROM_STEP) tile (
                clk, rst, tile_start, tile_proj, row0, chunk, tile_in, tile_done, tile_acc);
        end
    endgenerate

    wire [15:0] rms_scale;
    wire        rms_early;
    mgpt_rms_engine #(NORM_RADIX) rms (clk, rst, rms_start, r_sumsq, rms_done, rms_scale, rms_early);

    wire [4:0] smp_token;
    mgpt_sampler #(SAMPLER_PARALLEL, REF_PROFILE) sampler (
        clk, rst, smp_start, m_logits, m_best_idx, m_best_val, m_rng, m_temp, smp_done, smp_token);

    // dividers: batch b divides numerators b*DIVIDERS .. b*DIVIDERS+DIVIDERS-1 (index = 4*head + channel)
    reg signed [63:0] numer [0:15];
    reg [31:0] denom [0:3];
    wire [DIVIDERS-1:0] div_done;
    wire signed [16*DIVIDERS-1:0] div_q;
    generate
        for (gi = 0; gi < DIVIDERS; gi = gi + 1) begin : divider
            wire [3:0] idx = abatch[3:0] * DIVIDERS[3:0] + gi[3:0];
            mgpt_divider #(DIV_RADIX) d (clk, rst, div_start, numer[idx], denom[idx[3:2]], div_done[gi],
                                         div_q[16*gi +: 16]);
        end
    endgenerate

    // ---- KV cache: per head one K and one V memory of SLOTS x 16 rows, row {slot, position} ----
    // Each memory has one write port (the KV write stores a row of every head
    // at once) and one read port, so that it maps to M10K blocks (a memory
    // written by several ports at once does not, in Quartus or yosys): with
    // KV_M10K a registered read, issued a cycle ahead, of the same row of all
    // four heads, the head's picked after the register; else a combinational read.
    wire [SW+3:0] a_row = SLOTS == 1 ? {{SW{1'b0}}, at[3:0]} : {a_h, at[3:0]};
    // M10K: one read per cycle when issued: row 0 in the latency cycle, row t+1 while position t commits
    wire        k_issue = a_st == S_ATTENTION && (aphase == 0 || (aphase == 1 && sub));
    wire        v_issue = a_st == S_ATTENTION && (aphase == 3 || (aphase == 4 && sub));
    wire [3:0]  k_raddr = aphase == 0 ? 4'd0 : at[3:0] + 4'd1;
    wire [3:0]  v_raddr = aphase == 3 ? 4'd0 : at[3:0] + 4'd1;
    wire [SW+3:0] k_rrow = SLOTS == 1 ? {{SW{1'b0}}, k_raddr} : {a_h, k_raddr};
    wire [SW+3:0] v_rrow = SLOTS == 1 ? {{SW{1'b0}}, v_raddr} : {a_h, v_raddr};
    wire [SW+3:0] a_wrow = SLOTS == 1 ? {{SW{1'b0}}, a_p} : {a_h, a_p};
    wire          kv_write = !rst && a_st == S_KV_WRITE;
    wire [4*64-1:0] krows, vrows;  // head h's row at [64*h +: 64]
    generate
        for (gi = 0; gi < 4; gi = gi + 1) begin : kv_head
            reg [63:0] kmem [0:16*SLOTS-1];  // {slot, position} -> the head's 4 channels
            reg [63:0] vmem [0:16*SLOTS-1];
            reg [63:0] krow, vrow;           // M10K read registers
            always @(posedge clk) begin
                if (kv_write) begin
                    kmem[a_wrow] <= a_k[64*gi +: 64];
                    vmem[a_wrow] <= a_v[64*gi +: 64];
                end
                if (k_issue) krow <= kmem[k_rrow];
                if (v_issue) vrow <= vmem[v_rrow];
            end
            assign krows[64*gi +: 64] = KV_M10K ? krow : kmem[a_row];
            assign vrows[64*gi +: 64] = KV_M10K ? vrow : vmem[a_row];
        end
    endgenerate
    // (ah does not change between a read's issue and its use)
    wire [63:0] krow_now = krows[64*ah[1:0] +: 64];
    wire [63:0] vrow_now = vrows[64*ah[1:0] +: 64];

    // ---- attention temporaries ----
    reg signed [15:0] score [0:15];
    reg signed [15:0] smax;
    reg [31:0] aw [0:15];
    reg [31:0] den;
    reg signed [63:0] dot;
    reg signed [63:0] aacc [0:3];
    reg [31:0] wt_r;
    reg [63:0] vrow_r;

    // ---- tile write-back ----
    // the pass's rows, Q4.12: lane l holds stacked row row0 + l
    wire [LANES*16-1:0] tile_rows;
    generate
        for (gi = 0; gi < LANES; gi = gi + 1) begin : tile_row
            assign tile_rows[16*gi +: 16] = sat16($signed(tile_acc[64*gi +: 64]) >>> 12);
        end
    endgenerate
    // stacked row r is in this pass; its value
    `define IN_PASS(r) ((r) >= row0 && (r) < row0 + LANES)
    `define ROW(r) $signed(tile_rows[16*((r) - row0) +: 16])

    // Number of stacked rows and column chunks of each projection
    function automatic [6:0] proj_rows(input [2:0] pj);
        case (pj)
            3'd0: proj_rows = 48;
            3'd2: proj_rows = 64;
            3'd4: proj_rows = 27;
            default: proj_rows = 16;
        endcase
    endfunction

    localparam [2:0] A_KLAT = 0, A_SCORE = 1, A_EXP = 2, A_VLAT = 3, A_ACC = 4, A_LATCH = 5, A_DIV = 6;
    reg sub;  // attention: first or second cycle of a two-cycle position

    // ---- slot vectors: what each writer unit writes at this edge ----
    // Level 0: the vector unit's lane results of this cycle (one element group).
    reg [16*VLANES-1:0] lane_c;
    integer li0, lj0;
    always @* begin
        for (li0 = 0; li0 < VLANES; li0 = li0 + 1) begin
            lj0 = v_cnt * VLANES + li0;
            case (v_st)
                S_LOAD: lane_c[16*li0 +: 16] = sat16($signed(wte_words[16*li0 +: 16]) +
                                                     $signed(wpe_words[16*li0 +: 16]));
                S_SCALE0, S_SCALE_ATTN, S_SCALE_MLP: lane_c[16*li0 +: 16] = mulq(`EL(v_x, lj0), v_scale);
                S_SUMSQ_ATTN: lane_c[16*li0 +: 16] = `EL(v_x, lj0);
                default: lane_c[16*li0 +: 16] = sat16(`EL(v_y, lj0) + `EL(v_res, lj0));  // the residuals
            endcase
        end
    end
    // The vector unit writes element group vw_g (element e = vw_g * VLANES +
    // lane) of its holder's vectors: the pipeline's V2 results, or level 0's.
    wire        vw_go = PIPELINE != 0 ? v1 && (v_st == S_LOAD || vec_pass)
                                      : (v_st == S_LOAD ? load_compute : vec_pass);
    wire [11:0] vw_g = PIPELINE != 0 ? vg1 : v_st == S_LOAD ? load_group : v_cnt;
    wire [16*VLANES-1:0] vw_vals = PIPELINE != 0 ? vlane : lane_c;
    wire vw_x = v_st == S_LOAD || v_st == S_RESIDUAL_MLP || v_st == S_SCALE0 || v_st == S_RESIDUAL_ATTN;
    wire vw_res = v_st == S_SCALE0 || v_st == S_RESIDUAL_ATTN;
    wire vw_nrm = v_st == S_SCALE_ATTN || v_st == S_SCALE_MLP;
    reg  [15:0]  vw_el;    // the group's elements
    reg  [255:0] vw_data;  // element e's value at [16*e +: 16]
    // The tile writes back the rows of a finished row tile (the last column
    // chunk of FC2): each element of the projection's output whose stacked row
    // is in the pass.
    wire tile_wb = (t_st == S_QKV || t_st == S_WO || t_st == S_FC1 || t_st == S_FC2 || t_st == S_LM_HEAD) &&
                   t_wait && tile_done && !(t_st == S_FC2 && chunk != 2'd3);
    reg  [15:0]   tw_q, tw_k, tw_v, tw_y;
    reg  [63:0]   tw_hid;
    reg  [255:0]  td_q, td_k, td_v, td_y;
    reg  [1023:0] td_hid;
    // The attention unit writes a divider batch's quotients (element e = abatch * DIVIDERS + divider).
    wire attn_wb = a_st == S_ATTENTION && aphase >= A_DIV && a_wait && div_done[0];
    reg  [15:0]  aw_attn;
    reg  [255:0] ad_attn;
    integer we0;
    always @* begin
        {vw_el, tw_q, tw_k, tw_v, tw_y, tw_hid, aw_attn} = '0;
        {vw_data, td_q, td_k, td_v, td_y, td_hid, ad_attn} = '0;
        for (we0 = 0; we0 < 16; we0 = we0 + 1) begin
            vw_el[we0] = vw_go && vw_g == we0 / VLANES;
            vw_data[16*we0 +: 16] = vw_vals[16*(we0 % VLANES) +: 16];
            aw_attn[we0] = attn_wb && abatch == we0 / DIVIDERS;
            ad_attn[16*we0 +: 16] = div_q[16*(we0 % DIVIDERS) +: 16];
        end
        if (tile_wb)
            case (t_st)
                S_QKV: for (we0 = 0; we0 < 16; we0 = we0 + 1) begin
                    if (`IN_PASS(we0)) {tw_q[we0], td_q[16*we0 +: 16]} = {1'b1, `ROW(we0)};
                    if (`IN_PASS(16 + we0)) {tw_k[we0], td_k[16*we0 +: 16]} = {1'b1, `ROW(16 + we0)};
                    if (`IN_PASS(32 + we0)) {tw_v[we0], td_v[16*we0 +: 16]} = {1'b1, `ROW(32 + we0)};
                end
                S_WO, S_FC2: for (we0 = 0; we0 < 16; we0 = we0 + 1)
                    if (`IN_PASS(we0)) {tw_y[we0], td_y[16*we0 +: 16]} = {1'b1, `ROW(we0)};
                S_FC1: for (we0 = 0; we0 < 64; we0 = we0 + 1)  // the ReLU
                    if (`IN_PASS(we0)) {tw_hid[we0], td_hid[16*we0 +: 16]} = {1'b1, `ROW(we0) < 0 ? 16'sd0 : `ROW(we0)};
                default: ;  // S_LM_HEAD: the logits (registers, below)
            endcase
    end
    // The vectors, read by their units at their holders: x by the vector unit
    // and the tile (LM head), res and y by the vector unit, nrm, attn and hid
    // by the tile, q, k and v by the attention unit. An MLAB's unregistered
    // read of the element written at the same edge is undefined (Cyclone V:
    // "don't care"), and at PIPELINE = 0 the scale and residual passes read
    // and write the same element of x and res in one cycle: those two stay in
    // registers there. Every other read is of another slot or another cycle.
    localparam integer RMW_MLAB = SLOT_MLAB != 0 && PIPELINE != 0 ? 1 : 0;
    mgpt_slot_vector #(16, SLOTS, 2, RMW_MLAB, SW) sv_x (clk, vw_el & {16{vw_x}}, v_h, vw_data, {t_h, v_h},
                                                         {t_x, v_x});
    mgpt_slot_vector #(16, SLOTS, 1, RMW_MLAB, SW) sv_res (clk, vw_el & {16{vw_res}}, v_h, vw_data, v_h, v_res);
    mgpt_slot_vector #(16, SLOTS, 1, SLOT_MLAB, SW) sv_nrm (clk, vw_el & {16{vw_nrm}}, v_h, vw_data, t_h, t_nrm);
    mgpt_slot_vector #(16, SLOTS, 1, SLOT_MLAB, SW) sv_q (clk, tw_q, t_h, td_q, a_h, a_q);
    mgpt_slot_vector #(16, SLOTS, 1, SLOT_MLAB, SW) sv_k (clk, tw_k, t_h, td_k, a_h, a_k);
    mgpt_slot_vector #(16, SLOTS, 1, SLOT_MLAB, SW) sv_v (clk, tw_v, t_h, td_v, a_h, a_v);
    mgpt_slot_vector #(16, SLOTS, 1, SLOT_MLAB, SW) sv_y (clk, tw_y, t_h, td_y, v_h, v_y);
    mgpt_slot_vector #(64, SLOTS, 1, SLOT_MLAB, SW) sv_hid (clk, tw_hid, t_h, td_hid, t_h, t_hid);
    mgpt_slot_vector #(16, SLOTS, 1, SLOT_MLAB, SW) sv_attn (clk, aw_attn, a_h, ad_attn, t_h, t_attn);

    // One q.k cycle (sub 0: dot product of the head's 4 channels) or commit cycle
    // (sub 1: score, running max, next K row read issued).
    task automatic score_cycle;
        reg signed [63:0] d;
        reg signed [15:0] sc;
        integer c;
        begin
            if (!sub) begin
                d = 64'sd0;
                for (c = 0; c < 4; c = c + 1) d = d + `EL(a_q, 4*ah + c) * $signed(krow_now[16*c +: 16]);
                dot <= d;
                sub <= 1'b1;
            end else begin
                sc = sat16(dot >>> 13);
                score[at[3:0]] <= sc;
                if (sc > smax) smax <= sc;
                sub <= 1'b0;
                if (at[3:0] == a_p) begin
                    at <= 5'd0;
                    aphase <= A_EXP;
                end else at <= at + 5'd1;
            end
        end
    endtask

    // Ends the current stage of unit `u`'s holder `h`: the slot goes to stage
    // `ns` at this edge and the unit is free for any slot in the next cycle.
    task automatic finish_stage(input integer u, input [SW-1:0] h, input [4:0] ns);
        integer fs;
        begin
            for (fs = 0; fs < SLOTS; fs = fs + 1)
                if (h == fs) stage_r[5*fs +: 5] <= ns;
            ended[u] = 1'b1;
        end
    endtask

    integer i, j2, e, s;
    reg signed [15:0] t16;
    reg [4:0] st;

    always @(posedge clk) begin
        tile_start <= 1'b0;
        rms_start <= 1'b0;
        div_start <= 1'b0;
        smp_start <= 1'b0;
        ended = '0;
        if (rst) begin
            stage_r <= {SLOTS{S_IDLE}};
            v_cnt <= 12'd0;
            g_cnt <= 12'd0;
            {r_wait, t_wait, a_wait, m_wait} <= 4'd0;
            row0 <= 7'd0;
            chunk <= 2'd0;
            ah <= 3'd0;
            at <= 5'd0;
            aphase <= A_KLAT;
            abatch <= 5'd0;
            u_busy <= '0;
        end else begin
            // ---- per-slot controller states (never wait) ----
            for (s = 0; s < SLOTS; s = s + 1) begin
                st = stage_r[5*s +: 5];
                if (accepting[s]) begin  // idle, or its DONE cycle: the next step back to back
                    tok[5*s +: 5] <= token_in[5*s +: 5];
                    p[4*s +: 4] <= pos[4*s +: 4];
                    grd[s] <= greedy[s];
                    temp[16*s +: 16] <= temperature[16*s +: 16];
                    rng_r[32*s +: 32] <= greedy[s] ? rng_in[32*s +: 32] : xorshift32(rng_in[32*s +: 32]);
                    stage_r[5*s +: 5] <= S_ACCEPT;
                end else
                    case (st)
                        S_ACCEPT: begin
                            sumsq[64*s +: 64] <= 64'd0;
                            stage_r[5*s +: 5] <= S_LOAD;
                        end
                        S_FINISH: begin
                            if (grd[s]) token_r[5*s +: 5] <= best_idx[5*s +: 5];
                            stage_r[5*s +: 5] <= grd[s] ? S_DONE : S_SAMPLER;
                        end
                        S_DONE: stage_r[5*s +: 5] <= S_IDLE;
                        default: if (st > S_DONE) stage_r[5*s +: 5] <= S_IDLE;
                    endcase
            end

            // ---- vector unit: the embedding load and the elementwise passes ----
            v_cnt <= u_held[U_VECTOR] ? v_cnt + 12'd1 : 12'd0;
            case (v_st)
                S_LOAD: begin  // the elements: the slot vectors' writes (vw_*)
                    if (PIPELINE != 0) begin
                        if (v3) `SET(sumsq, 64, v_h, 0, 64, {40'd0, v_sumsq[23:0] + vsq_sum})
                    end else if (load_compute) begin
                        // (the lanes' values again, as lane_c: this form keeps the sum's
                        // chain of squares as short as the synthesis maps it)
                        s64 = v_sumsq;
                        for (i = 0; i < VLANES; i = i + 1) begin
                            t16 = sat16($signed(wte_words[16*i +: 16]) + $signed(wpe_words[16*i +: 16]));
                            s64 = s64 + sq12(t16);
                        end
                        `SET(sumsq, 64, v_h, 0, 64, s64)
                    end
                    if (v_cnt == EV * EBEATS + WLAT - 1 + VDRAIN_SUM) begin
                        v_cnt <= 12'd0;
                        finish_stage(U_VECTOR, v_h, S_NORM0);
                    end
                end
                S_SCALE0, S_SUMSQ_ATTN, S_SCALE_ATTN, S_RESIDUAL_ATTN, S_SCALE_MLP, S_RESIDUAL_MLP: begin
                  // the elements: the slot vectors' writes (vw_*); the squares are summed in V4
                  if (PIPELINE != 0) begin
                    if (v_cnt == 0) `SET(sumsq, 64, v_h, 0, 64, 64'd0)
                    else if (v3) `SET(sumsq, 64, v_h, 0, 64, {40'd0, v_sumsq[23:0] + vsq_sum})
                  end else begin
                    s64 = (v_cnt == 0) ? 64'd0 : v_sumsq;
                    for (i = 0; i < VLANES; i = i + 1) begin
                        j2 = v_cnt * VLANES + i;
                        case (v_st)  // the summing passes' lane values, as lane_c
                            S_SUMSQ_ATTN: begin
                                t16 = `EL(v_x, j2);
                                s64 = s64 + sq12(t16);
                            end
                            S_RESIDUAL_ATTN: begin
                                t16 = sat16(`EL(v_y, j2) + `EL(v_res, j2));
                                s64 = s64 + sq12(t16);
                            end
                            default: ;
                        endcase
                    end
                    `SET(sumsq, 64, v_h, 0, 64, s64)
                  end
                    if (v_cnt == EV - 1 + (vec_sums ? VDRAIN_SUM : VDRAIN)) begin
                        v_cnt <= 12'd0;
                        finish_stage(U_VECTOR, v_h, v_st + 5'd1);
                    end
                end
                default: ;
            endcase

            // ---- RMS unit ----
            if (r_st == S_NORM0 || r_st == S_NORM_ATTN || r_st == S_NORM_MLP) begin
                if (!r_wait) begin
                    rms_start <= 1'b1;
                    r_wait <= 1'b1;
                end else if (rms_done) begin
                    r_wait <= 1'b0;
                    `SET(scale, 16, r_h, 0, 16, rms_scale)
                    finish_stage(U_RMS, r_h, r_st + 5'd1);
                end
            end

            // ---- tile unit: the projections ----
            if (t_st == S_QKV || t_st == S_WO || t_st == S_FC1 || t_st == S_FC2 || t_st == S_LM_HEAD) begin
                if (!t_wait) begin
                    tile_proj <= t_st == S_QKV ? 3'd0 : t_st == S_WO ? 3'd1 : t_st == S_FC1 ? 3'd2 :
                                 t_st == S_FC2 ? 3'd3 : 3'd4;
                    tile_in <= (t_st == S_FC2) ? t_hid : {768'd0, (t_st == S_WO) ? t_attn :
                                                                (t_st == S_LM_HEAD) ? t_x : t_nrm};
                    tile_start <= 1'b1;
                    t_wait <= 1'b1;
                end else if (tile_done) begin
                    t_wait <= 1'b0;
                    if (t_st == S_FC2 && chunk != 2'd3) begin
                        chunk <= chunk + 2'd1;
                    end else begin
                        // the rows of this row tile are written back (tile_wb); the logits here
                        if (t_st == S_LM_HEAD)
                            for (e = 0; e < 27; e = e + 1)
                                if (`IN_PASS(e)) `SET(logits, 432, t_h, 16*e, 16, `ROW(e))
                        chunk <= 2'd0;
                        if ({1'b0, row0} + LANES >= {1'b0, proj_rows(tile_proj)}) begin
                            row0 <= 7'd0;
                            finish_stage(U_TILE, t_h, t_st + 5'd1);
                        end else row0 <= row0 + LANES[6:0];
                    end
                end
            end

            // ---- attention unit: the KV write and the attention ----
            if (a_st == S_KV_WRITE) begin  // the rows of every head (kv_write): head i holds channels 4i .. 4i+3
                finish_stage(U_ATTENTION, a_h, S_ATTENTION);
            end else if (a_st == S_ATTENTION) begin
                // Per head: [K latency] q.k + commit per position; exp weight + sum per
                // position; [V latency] fetch + accumulate per position; operand latch;
                // then the divider batches that are due (all 16 after the last head if D = 16).
                case (aphase)
                    A_KLAT: begin
                        den <= 32'd0;
                        smax <= -16'sd32768;
                        for (i = 0; i < 4; i = i + 1) aacc[i] <= 64'sd0;
                        at <= 5'd0;
                        sub <= 1'b0;
                        aphase <= A_SCORE;
                        if (KV_M10K == 0) score_cycle();  // no latency: this is the first q.k cycle
                    end
                    A_SCORE: score_cycle();
                    A_EXP: begin
                        aw[at[3:0]] <= attn_exp(score[at[3:0]] - smax, REF_PROFILE != 0);
                        den <= den + attn_exp(score[at[3:0]] - smax, REF_PROFILE != 0);
                        if (at[3:0] == a_p) begin
                            at <= 5'd0;
                            sub <= 1'b0;
                            aphase <= KV_M10K ? A_VLAT : A_ACC;
                        end else at <= at + 5'd1;
                    end
                    A_VLAT: aphase <= A_ACC;
                    A_ACC: begin
                        if (!sub) begin
                            wt_r <= aw[at[3:0]];
                            vrow_r <= vrow_now;
                            sub <= 1'b1;
                        end else begin
                            for (i = 0; i < 4; i = i + 1)
                                aacc[i] <= aacc[i] + $signed({1'b0, wt_r}) * $signed(vrow_r[16*i +: 16]);
                            sub <= 1'b0;
                            if (at[3:0] == a_p) aphase <= A_LATCH;
                            else at <= at + 5'd1;
                        end
                    end
                    A_LATCH: begin
                        for (i = 0; i < 4; i = i + 1) numer[4*ah + i] <= aacc[i];
                        denom[ah[1:0]] <= den;
                        at <= 5'd0;
                        if (DIVIDERS == 16 && ah != 3'd3) begin
                            ah <= ah + 3'd1;
                            aphase <= A_KLAT;
                        end else aphase <= A_DIV;
                    end
                    default: begin  // A_DIV: one engine call per batch
                        if (!a_wait) begin
                            div_start <= 1'b1;
                            a_wait <= 1'b1;
                        end else if (div_done[0]) begin
                            a_wait <= 1'b0;  // the quotients are written (attn_wb)
                            abatch <= abatch + 5'd1;
                            if ((abatch + 5'd1) % BATCHES_PER_HEAD == 0) begin
                                // this head's batches are done
                                if (ah == 3'd3) begin
                                    ah <= 3'd0;
                                    aphase <= A_KLAT;
                                    abatch <= 5'd0;
                                    finish_stage(U_ATTENTION, a_h, S_WO);
                                end else begin
                                    ah <= ah + 3'd1;
                                    aphase <= A_KLAT;
                                end
                            end
                        end
                    end
                endcase
            end

            // ---- argmax unit ----
            g_cnt <= u_held[U_ARGMAX] ? g_cnt + 12'd1 : 12'd0;
            if (g_st == S_ARGMAX) begin
                if (ARGMAX_TREE == 0) begin
                    // the running maximum starts at (-32768, 0) in the scan's first cycle
                    bv = g_cnt == 0 ? -16'sd32768 : $signed(g_best_val);
                    bi = g_cnt == 0 ? 5'd0 : g_best_idx;
                    if (`EL(g_logits, g_cnt[4:0]) > bv) begin
                        bv = `EL(g_logits, g_cnt[4:0]);
                        bi = g_cnt[4:0];
                    end
                    `SET(best_val, 16, g_h, 0, 16, bv)
                    `SET(best_idx, 5, g_h, 0, 5, bi)
                    if (g_cnt == 26) begin
                        g_cnt <= 12'd0;
                        finish_stage(U_ARGMAX, g_h, S_FINISH);
                    end
                end else begin  // tree: one level of pairwise compares per cycle, 27 -> 14 -> 7 -> 4 -> 2 -> 1
                    for (i = 0; i < 16; i = i + 1) begin
                        if (g_cnt == 0) begin
                            lv = `EL(logits_pad, 2 * i);
                            li = 2 * i;
                            rv = `EL(logits_pad, 2 * i + 1);
                            ri = 2 * i + 1;
                        end else begin
                            lv = `EL(tree_val, 2 * i);
                            li = tree_idx[5 * (2 * i) +: 5];
                            rv = `EL(tree_val, 2 * i + 1);
                            ri = tree_idx[5 * (2 * i + 1) +: 5];
                        end
                        // the right one wins only if strictly greater: the lowest index of the maximum
                        tree_val[16*i +: 16] <= rv > lv ? rv : lv;
                        tree_idx[5*i +: 5] <= rv > lv ? ri : li;
                    end
                    if (g_cnt == 4) begin
                        `SET(best_val, 16, g_h, 0, 16,
                             `EL(tree_val, 1) > `EL(tree_val, 0) ? `EL(tree_val, 1) : `EL(tree_val, 0))
                        `SET(best_idx, 5, g_h, 0, 5,
                             `EL(tree_val, 1) > `EL(tree_val, 0) ? tree_idx[5 +: 5] : tree_idx[0 +: 5])
                        g_cnt <= 12'd0;
                        finish_stage(U_ARGMAX, g_h, S_FINISH);
                    end
                end
            end

            // ---- sampler unit ----
            if (m_st == S_SAMPLER) begin
                if (!m_wait) begin
                    smp_start <= 1'b1;
                    m_wait <= 1'b1;
                end else if (smp_done) begin
                    m_wait <= 1'b0;
                    `SET(token_r, 5, m_h, 0, 5, smp_token)
                    finish_stage(U_SAMPLER, m_h, S_DONE);
                end
            end

            // a unit whose holder's stage goes on keeps it; the others are free next cycle
            u_busy <= u_held & ~ended;
        end
    end

    `undef EL
    `undef SLOT
    `undef SET
    `undef IN_PASS
    `undef ROW

endmodule
