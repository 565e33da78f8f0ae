// The shape of a tile pass, shared by mgpt_tile and mgpt_tile_pipelined
// (included inside the module, after its LANES, COLS, M10K, BANKS, PORTS and
// ROM_STEP parameters): rows per pass, 32-bit words per column step, M10K
// beats, the words of each matrix in read order (docs/MICROARCH.md "M10K
// mapping"), and which input of its streams the tile drives.
localparam integer STEPS = 16 / COLS;
localparam integer RPP16 = LANES < 16 ? LANES : 16;   // rows per pass, 16-row matrices
localparam integer RPP64 = LANES < 64 ? LANES : 64;   // fc1
localparam integer RPP27 = LANES < 27 ? LANES : 27;   // lm_head
localparam integer WPS16 = (RPP16 * COLS + 1) / 2;
localparam integer WPS64 = (RPP64 * COLS + 1) / 2;
localparam integer WPS27 = (RPP27 * COLS + 1) / 2;
localparam integer BW = M10K ? BANKS * PORTS : 1;
localparam integer BEATS16 = M10K ? (WPS16 + BW - 1) / BW : 1;
localparam integer BEATS64 = M10K ? (WPS64 + BW - 1) / BW : 1;
localparam integer BEATS27 = M10K ? (WPS27 + BW - 1) / BW : 1;
localparam integer LAT = M10K ? 1 : 0;
localparam integer PASSES16 = (16 + RPP16 - 1) / RPP16;
// words of each matrix in read order
localparam integer WORDS16 = PASSES16 * STEPS * WPS16;
localparam integer WORDS64 = ((64 + RPP64 - 1) / RPP64) * STEPS * WPS64;
localparam integer WORDS_FC2 = PASSES16 * 4 * STEPS * WPS16;
localparam integer WORDS27 = ((27 + RPP27 - 1) / RPP27) * STEPS * WPS27;
// A stream reads the step's first word (matrix-layout logic ROMs, M10K) or its
// step index (step-indexed logic ROMs, mgpt_weight_stream's step_rom): the
// other input is tied off with these masks, so that no logic or register feeds
// it, also where the streams are blackboxed (rtl/synth).
localparam [19:0] ST_USED = (M10K == 0 && ROM_STEP != 0) ? 20'hFFFFF : 20'h0;
localparam [19:0] W0_USED = ~ST_USED;
