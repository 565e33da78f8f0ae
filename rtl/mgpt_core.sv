// The MicroGPT core for one design point (docs/MICROARCH.md): a controller FSM
// walking the stages of one token step, the elementwise and attention
// datapaths, and the shared engines (tile, RMS, dividers, sampler). Parameters
// mirror the design-point keys; the cycle count of every stage equals the TLM's.
//
// Host interface: with the core idle, `start` is sampled with the step's inputs;
// the core is `busy` from the next cycle until its DONE cycle (inclusive), where
// `done` is high and token_out, rng_out and logits are valid (they stay valid
// until the next start). busy cycles = the step's cycle count.
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
    parameter ROM_DIR = "rom"               // read-order ROM files (microgpt-dse writes them)
) (
    input  wire            clk,
    input  wire            rst,
    input  wire            start,
    input  wire [4:0]      token_in,
    input  wire [3:0]      pos,
    input  wire [31:0]     rng_in,
    input  wire            greedy,
    input  wire [15:0]     temperature,
    output wire            busy,
    output wire            done,
    output reg  [4:0]      stage,            // arch::Stage of the current cycle (31 = idle)
    output reg  [4:0]      token_out,
    output reg  [31:0]     rng_out,
    output wire [27*16-1:0] logits_flat
);
    `include "mgpt_functions.svh"

    // ---- stage codes: the order of arch/stages.hpp ----
    localparam [4:0] S_ACCEPT = 0, S_LOAD = 1, S_NORM0 = 2, S_SCALE0 = 3, S_SUMSQ_ATTN = 4, S_NORM_ATTN = 5,
                     S_SCALE_ATTN = 6, S_QKV = 7, S_KV_WRITE = 8, S_ATTENTION = 9, S_WO = 10,
                     S_RESIDUAL_ATTN = 11, S_NORM_MLP = 12, S_SCALE_MLP = 13, S_FC1 = 14, S_FC2 = 15,
                     S_RESIDUAL_MLP = 16, S_LM_HEAD = 17, S_ARGMAX = 18, S_FINISH = 19, S_SAMPLER = 20,
                     S_DONE = 21, S_IDLE = 31;
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

    assign busy = stage != S_IDLE;
    assign done = stage == S_DONE;

    // ---- step inputs and datapath registers ----
    // The vectors are packed, element i of 16 bits at [16*i +: 16] (`EL reads it
    // signed), and written element by element at constant offsets, each element
    // under the condition that selects it (the decoder an array's write port
    // has). A Verilated model then updates each vector through one shadow copy,
    // where it keeps a set flag per element write site of an unpacked array and
    // clears and tests every one on every clock; a write at a variable offset
    // would synthesize to a shifter, a whole-vector blocking copy to wide muxes.
    `define EL(vec, i) $signed(vec[16*(i) +: 16])
    reg [4:0]  tok;
    reg [3:0]  p;
    reg        grd;
    reg [15:0] temp;
    reg [16*16-1:0] x, res, nrm, q, k, v, attn, y;
    reg [64*16-1:0] hid;
    reg [27*16-1:0] logits;
    reg [16*16-1:0] lane_v;  // the elementwise lanes' results of this cycle (blocking)
    reg [63:0] sumsq;
    reg signed [15:0] scale;
    reg [4:0]  best_idx;
    reg [32*16-1:0] tree_val;  // argmax tree: survivors of the previous level
    reg [32*5-1:0]  tree_idx;
    reg signed [15:0] lv, rv;
    reg [4:0]  li, ri;
    reg signed [15:0] best_val;
    // the logits and five -32768 entries: the argmax tree's first level reads pairs up to index 31
    wire [32*16-1:0] logits_pad = {{5{16'h8000}}, logits};

    genvar gi;
    assign logits_flat = logits;

    // ---- sequencing state ----
    reg [11:0] cnt;        // cycle within the current stage (or phase)
    reg        eng_wait;   // an engine call is in flight (start already raised)
    reg [6:0]  row0;       // tile pass: first stacked row
    reg [1:0]  chunk;      // tile pass: column chunk
    reg [2:0]  ah;         // attention: head
    reg [2:0]  aphase;     // attention: phase within the head
    reg [4:0]  at;         // attention: cached position
    reg [4:0]  abatch;     // attention: divider batch

    // ---- embedding ROMs (wte, wpe) ----
    wire [EWPS*32-1:0] wte_words, wpe_words;
    wire        load_issuing = stage == S_LOAD && cnt < EV * EBEATS;
    wire [19:0] load_step = load_issuing ? {8'd0, cnt} / EBEATS : 20'd0;
    wire [7:0]  load_beat = load_issuing ? cnt[7:0] % EBEATS[7:0] : 8'd0;
    mgpt_weight_stream #(WEIGHT_M10K, BANKS, PORTS, EWPS, 27 * EV * EWPS, {ROM_DIR, "/wte"}) rom_wte (
        clk, load_issuing, ({15'd0, tok} * EV + load_step) * EWPS, load_beat, wte_words);
    mgpt_weight_stream #(WEIGHT_M10K, BANKS, PORTS, EWPS, 16 * EV * EWPS, {ROM_DIR, "/wpe"}) rom_wpe (
        clk, load_issuing, ({16'd0, p} * EV + load_step) * EWPS, load_beat, wpe_words);
    // the element group whose words are on the ROM outputs this cycle
    wire        load_compute = stage == S_LOAD &&
                (WEIGHT_M10K == 0 ? 1'b1 : (cnt >= EBEATS && (cnt % EBEATS) == 0));
    wire [11:0] load_group = WEIGHT_M10K == 0 ? cnt : cnt / EBEATS - 12'd1;

    // ---- pipelined vector passes (PIPELINE >= 1, docs/MICROARCH.md "Pipeline") ----
    // V1 registers the operands of an element group (the embedding words, or the
    // source elements), V2 computes each lane's result from them, writes it to
    // its vector and registers it, V3 registers its square, V4 adds the lanes'
    // squares (a balanced tree) to sumsq. Widths are the values' own: a square
    // is below 2^19 and a pass's sum of 16 below 2^23, so 24 bits hold both
    // exactly. Level 0 keeps the single-cycle datapath of the S_LOAD and
    // elementwise states below.
    wire vec_pass = stage == S_SCALE0 || stage == S_SUMSQ_ATTN || stage == S_SCALE_ATTN ||
                    stage == S_RESIDUAL_ATTN || stage == S_SCALE_MLP || stage == S_RESIDUAL_MLP;
    wire vec_sums = stage == S_LOAD || stage == S_SUMSQ_ATTN || stage == S_RESIDUAL_ATTN;
    wire vec_scales = stage == S_SCALE0 || stage == S_SCALE_ATTN || stage == S_SCALE_MLP;
    wire vec_issue = (load_compute && cnt < EV * EBEATS + WLAT) || (vec_pass && cnt < EV);
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
            wire signed [31:0] prod = a * scale;
            wire signed [16:0] sum = {a[15], a} + {b[15], b};
            assign vlane[16*gi +: 16] = vec_scales ? sat16_of32($signed({{12{prod[31]}}, prod[31:12]})) :
                                        stage == S_SUMSQ_ATTN ? a : sat16_of32($signed({{15{sum[16]}}, sum}));
        end
        if (PIPELINE != 0) begin : vector_pipe
            integer vi, vj;
            reg signed [31:0] vp;
            always @(posedge clk) begin
                v1 <= vec_issue && !rst;
                vg1 <= stage == S_LOAD ? load_group : cnt;
                v2 <= v1 && vec_sums;
                v3 <= v2;
                for (vi = 0; vi < VLANES; vi = vi + 1) begin
                    vj = cnt * VLANES + vi;
                    case (stage)
                        S_LOAD: begin
                            va[16*vi +: 16] <= wte_words[16*vi +: 16];
                            vb[16*vi +: 16] <= wpe_words[16*vi +: 16];
                        end
                        S_RESIDUAL_ATTN, S_RESIDUAL_MLP: begin
                            va[16*vi +: 16] <= y[16*(vj % 16) +: 16];
                            vb[16*vi +: 16] <= res[16*(vj % 16) +: 16];
                        end
                        default: va[16*vi +: 16] <= x[16*(vj % 16) +: 16];
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
            mgpt_tile #(LANES, COLS, WEIGHT_M10K, BANKS, PORTS, ROM_DIR) tile (
                clk, rst, tile_start, tile_proj, row0, chunk, tile_in, tile_done, tile_acc);
        end else begin : pipelined
            mgpt_tile_pipelined #(LANES, COLS, WEIGHT_M10K, BANKS, PORTS, PIPELINE, ROM_DIR) tile (
                clk, rst, tile_start, tile_proj, row0, chunk, tile_in, tile_done, tile_acc);
        end
    endgenerate

    wire [15:0] rms_scale;
    wire        rms_early;
    mgpt_rms_engine #(NORM_RADIX) rms (clk, rst, rms_start, sumsq, rms_done, rms_scale, rms_early);

    wire [4:0] smp_token;
    mgpt_sampler #(SAMPLER_PARALLEL, REF_PROFILE) sampler (
        clk, rst, smp_start, logits_flat, best_idx, best_val, rng_out, temp, smp_done, smp_token);

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

    // ---- KV cache ----
    reg [63:0] kmem [0:3][0:15];  // [head][position] = 4 channels
    reg [63:0] vmem [0:3][0:15];
    reg [63:0] krow, vrow;        // M10K read registers
    wire [63:0] krow_now = KV_M10K ? krow : kmem[ah[1:0]][at[3:0]];
    // M10K: one read per cycle when issued: row 0 in the latency cycle, row t+1 while position t commits
    wire        k_issue = stage == S_ATTENTION && (aphase == 0 || (aphase == 1 && sub));
    wire        v_issue = stage == S_ATTENTION && (aphase == 3 || (aphase == 4 && sub));
    wire [3:0]  k_raddr = aphase == 0 ? 4'd0 : at[3:0] + 4'd1;
    wire [3:0]  v_raddr = aphase == 3 ? 4'd0 : at[3:0] + 4'd1;
    always @(posedge clk) begin
        if (k_issue) krow <= kmem[ah[1:0]][k_raddr];
        if (v_issue) vrow <= vmem[ah[1:0]][v_raddr];
    end
    wire [63:0] vrow_now = KV_M10K ? vrow : vmem[ah[1:0]][at[3:0]];

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

    // One q.k cycle (sub 0: dot product of the head's 4 channels) or commit cycle
    // (sub 1: score, running max, next K row read issued).
    task automatic score_cycle;
        reg signed [63:0] d;
        reg signed [15:0] sc;
        integer c;
        begin
            if (!sub) begin
                d = 64'sd0;
                for (c = 0; c < 4; c = c + 1) d = d + `EL(q, 4*ah + c) * $signed(krow_now[16*c +: 16]);
                dot <= d;
                sub <= 1'b1;
            end else begin
                sc = sat16(dot >>> 13);
                score[at[3:0]] <= sc;
                if (sc > smax) smax <= sc;
                sub <= 1'b0;
                if (at[3:0] == p) begin
                    at <= 5'd0;
                    aphase <= A_EXP;
                end else at <= at + 5'd1;
            end
        end
    endtask

    // The lanes' results of element group `g` (element e = g * VLANES + lane)
    // into the vectors the current vector pass writes.
    task automatic write_group(input [11:0] g, input [16*VLANES-1:0] vals);
        integer we;
        begin
            for (we = 0; we < 16; we = we + 1)
                if (g == we / VLANES)
                    case (stage)
                        S_LOAD, S_RESIDUAL_MLP: x[16*we +: 16] <= vals[16*(we % VLANES) +: 16];
                        S_SCALE0, S_RESIDUAL_ATTN: begin
                            x[16*we +: 16] <= vals[16*(we % VLANES) +: 16];
                            res[16*we +: 16] <= vals[16*(we % VLANES) +: 16];
                        end
                        S_SCALE_ATTN, S_SCALE_MLP: nrm[16*we +: 16] <= vals[16*(we % VLANES) +: 16];
                        default: ;  // S_SUMSQ_ATTN
                    endcase
        end
    endtask

    integer i, j2, e;
    reg signed [15:0] t16;
    reg [63:0] s64;

    // the stage that follows `s` (the sampler only in sampling mode)
    function automatic [4:0] next_stage(input [4:0] s, input greedy_mode);
        if (s == S_FINISH) next_stage = greedy_mode ? S_DONE : S_SAMPLER;
        else next_stage = s + 5'd1;
    endfunction

    always @(posedge clk) begin
        tile_start <= 1'b0;
        rms_start <= 1'b0;
        div_start <= 1'b0;
        smp_start <= 1'b0;
        if (rst) begin
            stage <= S_IDLE;
            cnt <= 12'd0;
            eng_wait <= 1'b0;
        end else begin
            cnt <= cnt + 12'd1;
            case (stage)
                S_IDLE: begin
                    cnt <= 12'd0;
                    if (start) begin
                        tok <= token_in;
                        p <= pos;
                        grd <= greedy;
                        temp <= temperature;
                        rng_out <= greedy ? rng_in : xorshift32(rng_in);
                        stage <= S_ACCEPT;
                    end
                end
                S_ACCEPT: begin
                    sumsq <= 64'd0;
                    cnt <= 12'd0;
                    stage <= S_LOAD;
                end
                S_LOAD: begin
                    if (PIPELINE != 0) begin
                        if (v1) write_group(vg1, vlane);  // V2
                        if (v3) sumsq <= {40'd0, sumsq[23:0] + vsq_sum};
                    end else if (load_compute) begin
                        s64 = sumsq;
                        for (i = 0; i < VLANES; i = i + 1) begin
                            t16 = sat16($signed(wte_words[16*i +: 16]) + $signed(wpe_words[16*i +: 16]));
                            lane_v[16*i +: 16] = t16;
                            s64 = s64 + sq12(t16);
                        end
                        write_group(load_group, lane_v[16*VLANES-1:0]);
                        sumsq <= s64;
                    end
                    if (cnt == EV * EBEATS + WLAT - 1 + VDRAIN_SUM) begin
                        cnt <= 12'd0;
                        stage <= S_NORM0;
                    end
                end
                S_NORM0, S_NORM_ATTN, S_NORM_MLP: begin
                    if (!eng_wait) begin
                        rms_start <= 1'b1;
                        eng_wait <= 1'b1;
                    end else if (rms_done) begin
                        eng_wait <= 1'b0;
                        scale <= rms_scale;
                        cnt <= 12'd0;
                        stage <= stage + 5'd1;
                    end
                end
                S_SCALE0, S_SUMSQ_ATTN, S_SCALE_ATTN, S_RESIDUAL_ATTN, S_SCALE_MLP, S_RESIDUAL_MLP: begin
                  if (PIPELINE != 0) begin
                    if (v1) write_group(vg1, vlane);  // V2; the squares are summed in V4
                    if (cnt == 0) sumsq <= 64'd0;
                    else if (v3) sumsq <= {40'd0, sumsq[23:0] + vsq_sum};
                  end else begin
                    s64 = (cnt == 0) ? 64'd0 : sumsq;
                    for (i = 0; i < VLANES; i = i + 1) begin
                        j2 = cnt * VLANES + i;
                        case (stage)
                            S_SCALE0, S_SCALE_ATTN, S_SCALE_MLP: t16 = mulq(`EL(x, j2), scale);
                            S_SUMSQ_ATTN: begin
                                t16 = `EL(x, j2);
                                s64 = s64 + sq12(t16);
                            end
                            S_RESIDUAL_ATTN: begin
                                t16 = sat16(`EL(y, j2) + `EL(res, j2));
                                s64 = s64 + sq12(t16);
                            end
                            default: t16 = sat16(`EL(y, j2) + `EL(res, j2));  // S_RESIDUAL_MLP
                        endcase
                        lane_v[16*i +: 16] = t16;
                    end
                    write_group(cnt, lane_v[16*VLANES-1:0]);
                    sumsq <= s64;
                  end
                    if (cnt == EV - 1 + (vec_sums ? VDRAIN_SUM : VDRAIN)) begin
                        cnt <= 12'd0;
                        row0 <= 7'd0;
                        chunk <= 2'd0;
                        stage <= stage + 5'd1;
                    end
                end
                S_QKV, S_WO, S_FC1, S_FC2, S_LM_HEAD: begin
                    if (!eng_wait) begin
                        tile_proj <= stage == S_QKV ? 3'd0 : stage == S_WO ? 3'd1 : stage == S_FC1 ? 3'd2 :
                                     stage == S_FC2 ? 3'd3 : 3'd4;
                        tile_in <= (stage == S_FC2) ? hid : {768'd0, (stage == S_WO) ? attn :
                                                                     (stage == S_LM_HEAD) ? x : nrm};
                        tile_start <= 1'b1;
                        eng_wait <= 1'b1;
                    end else if (tile_done) begin
                        eng_wait <= 1'b0;
                        if (stage == S_FC2 && chunk != 2'd3) begin
                            chunk <= chunk + 2'd1;
                        end else begin
                            // write back the rows of this row tile: each element of the
                            // projection's output whose stacked row is in the pass
                            case (stage)
                                S_QKV: for (e = 0; e < 16; e = e + 1) begin
                                    if (`IN_PASS(e)) q[16*e +: 16] <= `ROW(e);
                                    if (`IN_PASS(16 + e)) k[16*e +: 16] <= `ROW(16 + e);
                                    if (`IN_PASS(32 + e)) v[16*e +: 16] <= `ROW(32 + e);
                                end
                                S_WO, S_FC2: for (e = 0; e < 16; e = e + 1)
                                    if (`IN_PASS(e)) y[16*e +: 16] <= `ROW(e);
                                S_FC1: for (e = 0; e < 64; e = e + 1)
                                    if (`IN_PASS(e)) hid[16*e +: 16] <= `ROW(e) < 0 ? 16'sd0 : `ROW(e);
                                default: for (e = 0; e < 27; e = e + 1)
                                    if (`IN_PASS(e)) logits[16*e +: 16] <= `ROW(e);
                            endcase
                            chunk <= 2'd0;
                            if ({1'b0, row0} + LANES >= {1'b0, proj_rows(tile_proj)}) begin
                                cnt <= 12'd0;
                                row0 <= 7'd0;
                                stage <= stage + 5'd1;
                                best_idx <= 5'd0;
                                best_val <= -16'sd32768;
                                ah <= 3'd0;
                                at <= 5'd0;
                                aphase <= 3'd0;
                                abatch <= 5'd0;
                            end else row0 <= row0 + LANES[6:0];
                        end
                    end
                end
                S_KV_WRITE: begin
                    for (i = 0; i < 4; i = i + 1) begin  // head i: channels 4i .. 4i+3
                        kmem[i][p] <= k[64*i +: 64];
                        vmem[i][p] <= v[64*i +: 64];
                    end
                    cnt <= 12'd0;
                    stage <= S_ATTENTION;
                end
                S_ATTENTION: begin
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
                            if (at[3:0] == p) begin
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
                                if (at[3:0] == p) aphase <= A_LATCH;
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
                            if (!eng_wait) begin
                                div_start <= 1'b1;
                                eng_wait <= 1'b1;
                            end else if (div_done[0]) begin
                                eng_wait <= 1'b0;
                                // element e = abatch * DIVIDERS + divider
                                for (e = 0; e < 16; e = e + 1)
                                    if (abatch == e / DIVIDERS) attn[16*e +: 16] <= div_q[16*(e % DIVIDERS) +: 16];
                                abatch <= abatch + 5'd1;
                                if ((abatch + 5'd1) % BATCHES_PER_HEAD == 0) begin
                                    // this head's batches are done
                                    if (ah == 3'd3) begin
                                        cnt <= 12'd0;
                                        row0 <= 7'd0;
                                        chunk <= 2'd0;
                                        stage <= S_WO;
                                    end else begin
                                        ah <= ah + 3'd1;
                                        aphase <= A_KLAT;
                                    end
                                end
                            end
                        end
                    endcase
                end
                S_ARGMAX: begin
                    if (ARGMAX_TREE == 0) begin
                        if (`EL(logits, cnt[4:0]) > best_val) begin
                            best_val <= `EL(logits, cnt[4:0]);
                            best_idx <= cnt[4:0];
                        end
                        if (cnt == 26) begin
                            cnt <= 12'd0;
                            stage <= S_FINISH;
                        end
                    end else begin  // tree: one level of pairwise compares per cycle, 27 -> 14 -> 7 -> 4 -> 2 -> 1
                        for (i = 0; i < 16; i = i + 1) begin
                            if (cnt == 0) begin
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
                        if (cnt == 4) begin
                            best_val <= `EL(tree_val, 1) > `EL(tree_val, 0) ? `EL(tree_val, 1) : `EL(tree_val, 0);
                            best_idx <= `EL(tree_val, 1) > `EL(tree_val, 0) ? tree_idx[5 +: 5] : tree_idx[0 +: 5];
                            cnt <= 12'd0;
                            stage <= S_FINISH;
                        end
                    end
                end
                S_FINISH: begin
                    if (grd) token_out <= best_idx;
                    cnt <= 12'd0;
                    stage <= next_stage(S_FINISH, grd);
                end
                S_SAMPLER: begin
                    if (!eng_wait) begin
                        smp_start <= 1'b1;
                        eng_wait <= 1'b1;
                    end else if (smp_done) begin
                        eng_wait <= 1'b0;
                        token_out <= smp_token;
                        stage <= S_DONE;
                    end
                end
                S_DONE: stage <= S_IDLE;
                default: stage <= S_IDLE;
            endcase
        end
    end

    `undef EL
    `undef IN_PASS
    `undef ROW

endmodule
