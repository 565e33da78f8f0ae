// Synthesis-only wrapper (yosys calibration, rtl/synth/): the nine weight
// streams of a design point (mgpt_weight_stream: logic ROMs, or M10K banks and
// their word routing), instantiated with the shapes mgpt_tile (q, k, v, o,
// fc1, fc2, lm_head) and mgpt_core (wte, wpe) give them, so their cost can be
// measured apart from the tile's MACs and the core's datapath.
//
// What the instantiating modules guarantee, and this wrapper reproduces: a
// step's first word is a multiple of the words per step (w0 = step * WPS, the
// read-order layout of docs/MICROARCH.md), so for a power-of-two WPS the low
// address bits of every read port are constant, as they are in the flattened
// core; the tile's seven streams share one beat input, the embeddings' two
// another. Everything else (which step, which beat, issue) is a free input.
// The localparams below mirror mgpt_tile's and mgpt_core's: keep them equal.
module mgpt_synth_streams #(
    parameter integer LANES = 16,
    parameter integer COLS = 1,
    parameter integer M10K = 0,
    parameter integer BANKS = 1,
    parameter integer PORTS = 1,
    parameter integer VLANES = 1,
    parameter ROM_DIR = "rom",
    parameter integer ROM_STEP = 0,
    // derived (never overridden): words per step, as in mgpt_tile and mgpt_core
    parameter integer WPS16 = ((LANES < 16 ? LANES : 16) * COLS + 1) / 2,
    parameter integer WPS64 = ((LANES < 64 ? LANES : 64) * COLS + 1) / 2,
    parameter integer WPS27 = ((LANES < 27 ? LANES : 27) * COLS + 1) / 2,
    parameter integer EWPS = (VLANES + 1) / 2
) (
    input  wire              clk,
    input  wire [8:0]        issue,       // q k v o fc1 fc2 lm wte wpe
    input  wire [9*20-1:0]   step,        // the step index of each stream, same order
    input  wire [7:0]        tile_beat,
    input  wire [7:0]        load_beat,
    output wire [WPS16*32-1:0] w_q, w_k, w_v, w_o, w_fc2,
    output wire [WPS64*32-1:0] w_fc1,
    output wire [WPS27*32-1:0] w_lm,
    output wire [EWPS*32-1:0]  w_wte, w_wpe
);
    // mgpt_tile
    localparam integer STEPS = 16 / COLS;
    localparam integer RPP16 = LANES < 16 ? LANES : 16;
    localparam integer RPP64 = LANES < 64 ? LANES : 64;
    localparam integer RPP27 = LANES < 27 ? LANES : 27;
    localparam integer PASSES16 = (16 + RPP16 - 1) / RPP16;
    localparam integer WORDS16 = PASSES16 * STEPS * WPS16;
    localparam integer WORDS64 = ((64 + RPP64 - 1) / RPP64) * STEPS * WPS64;
    localparam integer WORDS_FC2 = PASSES16 * 4 * STEPS * WPS16;
    localparam integer WORDS27 = ((27 + RPP27 - 1) / RPP27) * STEPS * WPS27;
    // mgpt_core
    localparam integer EV = 16 / VLANES;

    wire [19:0] s_q = step[0*20 +: 20], s_k = step[1*20 +: 20], s_v = step[2*20 +: 20];
    wire [19:0] s_o = step[3*20 +: 20], s_fc1 = step[4*20 +: 20], s_fc2 = step[5*20 +: 20];
    wire [19:0] s_lm = step[6*20 +: 20], s_wte = step[7*20 +: 20], s_wpe = step[8*20 +: 20];

    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wq"}, ROM_STEP) rom_q (
        clk, issue[0], s_q * WPS16, s_q, tile_beat, w_q);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wk"}, ROM_STEP) rom_k (
        clk, issue[1], s_k * WPS16, s_k, tile_beat, w_k);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wv"}, ROM_STEP) rom_v (
        clk, issue[2], s_v * WPS16, s_v, tile_beat, w_v);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wo"}, ROM_STEP) rom_o (
        clk, issue[3], s_o * WPS16, s_o, tile_beat, w_o);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS64, WORDS64, {ROM_DIR, "/mlp_fc1"}, ROM_STEP) rom_fc1 (
        clk, issue[4], s_fc1 * WPS64, s_fc1, tile_beat, w_fc1);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS_FC2, {ROM_DIR, "/mlp_fc2"}, ROM_STEP) rom_fc2 (
        clk, issue[5], s_fc2 * WPS16, s_fc2, tile_beat, w_fc2);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS27, WORDS27, {ROM_DIR, "/lm_head"}, ROM_STEP) rom_lm (
        clk, issue[6], s_lm * WPS27, s_lm, tile_beat, w_lm);
    mgpt_weight_stream #(M10K, BANKS, PORTS, EWPS, 27 * EV * EWPS, {ROM_DIR, "/wte"}, ROM_STEP) rom_wte (
        clk, issue[7], s_wte * EWPS, s_wte, load_beat, w_wte);
    mgpt_weight_stream #(M10K, BANKS, PORTS, EWPS, 16 * EV * EWPS, {ROM_DIR, "/wpe"}, ROM_STEP) rom_wpe (
        clk, issue[8], s_wpe * EWPS, s_wpe, load_beat, w_wpe);
endmodule
