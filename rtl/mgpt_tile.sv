// The matvec tile: LANES MAC rows with 64-bit accumulators, COLS input columns
// per lane per cycle, streaming the weights of the projections (q/k/v stacked,
// wo, fc1, fc2 in 16-column chunks, lm_head) from their read-order ROMs.
// One pass = one engine call: start accepted, N = STEPS*BEATS + LAT iterations,
// done. Accumulators clear on chunk 0 and are valid while `done` is high.
module mgpt_tile #(
    parameter integer LANES = 16,
    parameter integer COLS = 1,
    parameter integer M10K = 0,
    parameter integer BANKS = 1,
    parameter integer PORTS = 1,
    parameter ROM_DIR = "rom",
    parameter integer ROM_STEP = 0
) (
    input  wire                clk,
    input  wire                rst,
    input  wire                start,
    input  wire [2:0]          proj,    // 0 qkv, 1 wo, 2 fc1, 3 fc2, 4 lm_head
    input  wire [6:0]          row0,    // first stacked row of the pass
    input  wire [1:0]          chunk,   // 16-column chunk of the input (fc2)
    input  wire [64*16-1:0]    in_vec,  // the input vector, element i at [16*i +: 16]
    output reg                 done,
    output wire [LANES*64-1:0] acc_flat
);
    `include "mgpt_tile_shape.svh"

    // latched pass parameters
    reg [2:0]  p_proj;
    reg [6:0]  p_row0;
    reg [1:0]  p_chunk;
    reg [15:0] x [0:63];
    reg        busy;
    reg [11:0] it;
    reg signed [63:0] acc [0:LANES-1];

    wire [7:0] beats = (p_proj == 3'd2) ? BEATS64[7:0] : (p_proj == 3'd4) ? BEATS27[7:0] : BEATS16[7:0];
    wire [11:0] issue_cycles = STEPS[11:0] * {4'd0, beats};
    wire        issuing = busy && it < issue_cycles;
    wire [7:0]  step_i = issuing ? it[7:0] / beats : 8'd0;
    wire [7:0]  beat_i = issuing ? it[7:0] % beats : 8'd0;
    // the step whose words are on the ROM outputs this cycle
    wire        mac_now = busy && (M10K == 0 ? 1'b1 : (it >= {4'd0, beats} && (it % {4'd0, beats}) == 0));
    wire [7:0]  mac_step = M10K == 0 ? it[7:0] : it[7:0] / beats - 8'd1;

    // local pass of each stacked matrix: (first row of the matrix in this pass) / rows per pass
    function automatic [19:0] local_pass16(input [6:0] r0, input integer base);
        integer first;
        begin
            first = (r0 > base) ? r0 - base : 0;
            local_pass16 = first / RPP16;
        end
    endfunction
    wire [19:0] lp_q = local_pass16(p_row0, 0);
    wire [19:0] lp_k = local_pass16(p_row0, 16);
    wire [19:0] lp_v = local_pass16(p_row0, 32);
    wire [19:0] lp_1 = p_row0 / RPP16;
    wire [19:0] lp_fc1 = p_row0 / RPP64;
    wire [19:0] lp_fc2 = (p_row0 / RPP16) * 4 + p_chunk;
    wire [19:0] lp_lm = p_row0 / RPP27;
    wire [19:0] s20 = {12'd0, step_i};
    // the step index of each stream (its first word: step x words per step;
    // a stream reads one of the two: ST_USED, mgpt_tile_shape.svh)
    wire [19:0] st_q = lp_q * STEPS + s20;
    wire [19:0] st_k = lp_k * STEPS + s20;
    wire [19:0] st_v = lp_v * STEPS + s20;
    wire [19:0] st_o = lp_1 * STEPS + s20;
    wire [19:0] st_fc1 = lp_fc1 * STEPS + s20;
    wire [19:0] st_fc2 = lp_fc2 * STEPS + s20;
    wire [19:0] st_lm = lp_lm * STEPS + s20;

    wire [WPS16*32-1:0] w_q, w_k, w_v, w_o, w_fc2;
    wire [WPS64*32-1:0] w_fc1;
    wire [WPS27*32-1:0] w_lm;
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wq"}, ROM_STEP) rom_q (
        clk, issuing && p_proj == 0, (st_q * WPS16) & W0_USED, st_q & ST_USED, beat_i, w_q);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wk"}, ROM_STEP) rom_k (
        clk, issuing && p_proj == 0, (st_k * WPS16) & W0_USED, st_k & ST_USED, beat_i, w_k);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wv"}, ROM_STEP) rom_v (
        clk, issuing && p_proj == 0, (st_v * WPS16) & W0_USED, st_v & ST_USED, beat_i, w_v);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wo"}, ROM_STEP) rom_o (
        clk, issuing && p_proj == 1, (st_o * WPS16) & W0_USED, st_o & ST_USED, beat_i, w_o);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS64, WORDS64, {ROM_DIR, "/mlp_fc1"}, ROM_STEP) rom_fc1 (
        clk, issuing && p_proj == 2, (st_fc1 * WPS64) & W0_USED, st_fc1 & ST_USED, beat_i, w_fc1);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS_FC2, {ROM_DIR, "/mlp_fc2"}, ROM_STEP) rom_fc2 (
        clk, issuing && p_proj == 3, (st_fc2 * WPS16) & W0_USED, st_fc2 & ST_USED, beat_i, w_fc2);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS27, WORDS27, {ROM_DIR, "/lm_head"}, ROM_STEP) rom_lm (
        clk, issuing && p_proj == 4, (st_lm * WPS27) & W0_USED, st_lm & ST_USED, beat_i, w_lm);

    // The weight of lane l, column j of the current step: element e = l' * COLS + j
    // of its matrix's step words, l' = the lane's row within that matrix's pass.
    function automatic signed [15:0] half(input [31:0] word, input integer e);
        half = e[0] ? word[31:16] : word[15:0];
    endfunction

    integer l, j, r, e, col;
    reg signed [63:0] sum;
    reg signed [15:0] w;
    always @(posedge clk) begin
        done <= 1'b0;
        if (rst) begin
            busy <= 1'b0;
        end else if (start) begin
            p_proj <= proj;
            p_row0 <= row0;
            p_chunk <= chunk;
            for (l = 0; l < 64; l = l + 1) x[l] <= in_vec[16*l +: 16];
            if (chunk == 0) for (l = 0; l < LANES; l = l + 1) acc[l] <= 64'sd0;
            it <= 12'd0;
            busy <= 1'b1;
        end else if (busy) begin
            if (mac_now) begin
                for (l = 0; l < LANES; l = l + 1) begin
                    r = p_row0 + l;  // stacked row
                    sum = 64'sd0;
                    for (j = 0; j < COLS; j = j + 1) begin
                        col = p_chunk * 16 + mac_step * COLS + j;
                        w = 16'sd0;
                        case (p_proj)
                            3'd0: begin
                                if (r < 16) begin e = (r - lp_q * RPP16) * COLS + j; w = half(w_q[32*(e/2) +: 32], e); end
                                else if (r < 32) begin e = (r - 16 - lp_k * RPP16) * COLS + j; w = half(w_k[32*(e/2) +: 32], e); end
                                else if (r < 48) begin e = (r - 32 - lp_v * RPP16) * COLS + j; w = half(w_v[32*(e/2) +: 32], e); end
                            end
                            3'd1: if (l < RPP16) begin e = l * COLS + j; w = half(w_o[32*(e/2) +: 32], e); end
                            3'd2: if (l < RPP64) begin e = l * COLS + j; w = half(w_fc1[32*(e/2) +: 32], e); end
                            3'd3: if (l < RPP16) begin e = l * COLS + j; w = half(w_fc2[32*(e/2) +: 32], e); end
                            default: if (l < RPP27 && r < 27) begin e = l * COLS + j; w = half(w_lm[32*(e/2) +: 32], e); end
                        endcase
                        sum = sum + w * $signed(x[col]);
                    end
                    acc[l] <= acc[l] + sum;
                end
            end
            it <= it + 12'd1;
            if (it == issue_cycles + LAT - 1) begin
                busy <= 1'b0;
                done <= 1'b1;
            end
        end
    end

    genvar g;
    generate
        for (g = 0; g < LANES; g = g + 1) begin : out
            assign acc_flat[64*g +: 64] = acc[g];
        end
    endgenerate
endmodule
