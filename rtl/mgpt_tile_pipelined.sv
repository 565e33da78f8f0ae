// The pipelined matvec tile (design key `pipeline` = PIPELINE = 1, 2 or 3;
// docs/MICROARCH.md "Pipeline"): the same passes, values and weight streams as
// mgpt_tile, with register stages between the weight source and the
// accumulators. Level 1 registers each lane's COLS weights and the COLS input
// elements (the ROM / M10K output register); level 2 adds a register on every
// product (the DSP output register); level 3 adds a register on each lane's
// column sum, so the 64-bit accumulate is alone in its cycle. A stage delays
// the pass's last accumulate by one cycle: N = STEPS*BEATS + LAT + PIPELINE
// iterations. Everything constant over a pass (stream addresses, each lane's
// matrix, the input window) is computed when the pass starts and registered.
module mgpt_tile_pipelined #(
    parameter integer LANES = 16,
    parameter integer COLS = 1,
    parameter integer M10K = 0,
    parameter integer BANKS = 1,
    parameter integer PORTS = 1,
    parameter integer PIPELINE = 1,
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

    reg [2:0]  p_proj;
    reg        busy;
    reg [11:0] it;
    reg [11:0] last_it;    // the iteration that raises done
    reg [7:0]  beats;      // issue cycles per step of this pass's matrix
    reg [7:0]  beat_ctr;   // beat being issued
    reg [4:0]  step_ctr;   // steps fully issued (STEPS = all)
    reg        mac_pending;  // M10K: the step issued last cycle is on the stream outputs
    reg [19:0] w0_q, w0_k, w0_v, w0_o, w0_fc1, w0_fc2, w0_lm;  // first word of the step being issued
    // its step index; a stream reads one of the two (ST_USED, mgpt_tile_shape.svh):
    // the other registers get no load and vanish
    reg [19:0] st_q, st_k, st_v, st_o, st_fc1, st_fc2, st_lm;
    reg [15:0] xw [0:15];  // the pass's 16 input columns, shifted by COLS per multiply-accumulate step
    reg [1:0]  lane_sel [0:LANES-1];  // qkv: 0 q, 1 k, 2 v; any projection: 3 = the lane idles
    reg signed [63:0] acc [0:LANES-1];
    // the pipeline registers (|product| <= 2^30, a sum of 16 fits in 36 bits)
    reg signed [15:0] wr [0:LANES*COLS-1];  // stage 1: weights
    reg signed [15:0] xr [0:COLS-1];        //          and the inputs they multiply
    reg signed [31:0] pr [0:LANES*COLS-1];  // stage 2: products
    reg signed [35:0] cs [0:LANES-1];       // stage 3: column sums
    reg               v1, v2, v3;           // the stage holds a step
    wire              acc_now = PIPELINE >= 3 ? v3 : PIPELINE >= 2 ? v2 : v1;

    wire issuing = busy && step_ctr < STEPS;
    wire last_beat = beat_ctr == beats - 8'd1;
    // the step whose words are on the stream outputs this cycle
    wire mac_now = busy && (M10K == 0 ? 1'b1 : mac_pending);

    // At start: the pass's local pass number of a stacked 16-row matrix (first row of the
    // matrix in this pass / rows per pass), from the row0 and chunk inputs.
    function automatic [19:0] local_pass16(input [6:0] r0, input integer base);
        integer first;
        begin
            first = (r0 > base) ? r0 - base : 0;
            local_pass16 = first / RPP16;
        end
    endfunction
    function automatic [7:0] beats_of(input [2:0] pr);
        beats_of = (pr == 3'd2) ? BEATS64[7:0] : (pr == 3'd4) ? BEATS27[7:0] : BEATS16[7:0];
    endfunction
    wire [19:0] chunk20 = {18'd0, chunk};

    wire [WPS16*32-1:0] w_q, w_k, w_v, w_o, w_fc2;
    wire [WPS64*32-1:0] w_fc1;
    wire [WPS27*32-1:0] w_lm;
    wire [7:0] beat_i = issuing ? beat_ctr : 8'd0;
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wq"}, ROM_STEP) rom_q (
        clk, issuing && p_proj == 0, w0_q & W0_USED, st_q & ST_USED, beat_i, w_q);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wk"}, ROM_STEP) rom_k (
        clk, issuing && p_proj == 0, w0_k & W0_USED, st_k & ST_USED, beat_i, w_k);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wv"}, ROM_STEP) rom_v (
        clk, issuing && p_proj == 0, w0_v & W0_USED, st_v & ST_USED, beat_i, w_v);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS16, {ROM_DIR, "/attn_wo"}, ROM_STEP) rom_o (
        clk, issuing && p_proj == 1, w0_o & W0_USED, st_o & ST_USED, beat_i, w_o);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS64, WORDS64, {ROM_DIR, "/mlp_fc1"}, ROM_STEP) rom_fc1 (
        clk, issuing && p_proj == 2, w0_fc1 & W0_USED, st_fc1 & ST_USED, beat_i, w_fc1);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS16, WORDS_FC2, {ROM_DIR, "/mlp_fc2"}, ROM_STEP) rom_fc2 (
        clk, issuing && p_proj == 3, w0_fc2 & W0_USED, st_fc2 & ST_USED, beat_i, w_fc2);
    mgpt_weight_stream #(M10K, BANKS, PORTS, WPS27, WORDS27, {ROM_DIR, "/lm_head"}, ROM_STEP) rom_lm (
        clk, issuing && p_proj == 4, w0_lm & W0_USED, st_lm & ST_USED, beat_i, w_lm);

    // The weight of lane l, column j of the current step: element e = l' * COLS + j
    // of its matrix's step words, l' = the lane's row within that matrix's pass.
    // row0 is a multiple of LANES (the controller steps it by LANES), so l' = l for
    // every projection but qkv with 32 or 64 lanes, where l' = l mod 16: the element
    // is a constant of the lane, and only the matrix (lane_sel) depends on the pass.
    function automatic signed [15:0] half(input [31:0] word, input integer e);
        half = e[0] ? word[31:16] : word[15:0];
    endfunction

    integer l, j, e, r, k;
    reg signed [15:0] w;
    reg signed [35:0] csum;
    // level 1 multiplies in the accumulate cycle
    wire signed [31:0] prod1 [0:LANES*COLS-1];
    genvar gp;
    generate
        for (gp = 0; gp < LANES * COLS; gp = gp + 1) begin : mul1
            assign prod1[gp] = wr[gp] * xr[gp % COLS];
        end
    endgenerate
    always @(posedge clk) begin
        done <= 1'b0;
        if (rst) begin
            busy <= 1'b0;
        end else if (start) begin
            p_proj <= proj;
            for (k = 0; k < 16; k = k + 1) xw[k] <= in_vec[16 * (16 * chunk + k) +: 16];
            for (l = 0; l < LANES; l = l + 1) begin
                r = row0 + l;  // stacked row
                case (proj)
                    3'd0: lane_sel[l] <= r < 16 ? 2'd0 : r < 32 ? 2'd1 : r < 48 ? 2'd2 : 2'd3;
                    3'd4: lane_sel[l] <= (l < RPP27 && r < 27) ? 2'd0 : 2'd3;
                    default: lane_sel[l] <= 2'd0;  // 1-3: the constant lane guards below
                endcase
            end
            if (chunk == 0) for (l = 0; l < LANES; l = l + 1) acc[l] <= 64'sd0;
            w0_q <= local_pass16(row0, 0) * STEPS * WPS16;
            w0_k <= local_pass16(row0, 16) * STEPS * WPS16;
            w0_v <= local_pass16(row0, 32) * STEPS * WPS16;
            w0_o <= (row0 / RPP16) * STEPS * WPS16;
            w0_fc1 <= (row0 / RPP64) * STEPS * WPS64;
            w0_fc2 <= ((row0 / RPP16) * 4 + chunk20) * STEPS * WPS16;
            w0_lm <= (row0 / RPP27) * STEPS * WPS27;
            st_q <= local_pass16(row0, 0) * STEPS;
            st_k <= local_pass16(row0, 16) * STEPS;
            st_v <= local_pass16(row0, 32) * STEPS;
            st_o <= (row0 / RPP16) * STEPS;
            st_fc1 <= (row0 / RPP64) * STEPS;
            st_fc2 <= ((row0 / RPP16) * 4 + chunk20) * STEPS;
            st_lm <= (row0 / RPP27) * STEPS;
            beats <= beats_of(proj);
            last_it <= STEPS[11:0] * {4'd0, beats_of(proj)} + LAT + PIPELINE - 1;
            beat_ctr <= 8'd0;
            step_ctr <= 5'd0;
            mac_pending <= 1'b0;
            v1 <= 1'b0;
            v2 <= 1'b0;
            v3 <= 1'b0;
            it <= 12'd0;
            busy <= 1'b1;
        end else if (busy) begin
            if (issuing) begin
                if (last_beat) begin
                    beat_ctr <= 8'd0;
                    step_ctr <= step_ctr + 5'd1;
                    w0_q <= w0_q + WPS16;
                    w0_k <= w0_k + WPS16;
                    w0_v <= w0_v + WPS16;
                    w0_o <= w0_o + WPS16;
                    w0_fc1 <= w0_fc1 + WPS64;
                    w0_fc2 <= w0_fc2 + WPS16;
                    w0_lm <= w0_lm + WPS27;
                    st_q <= st_q + 20'd1;
                    st_k <= st_k + 20'd1;
                    st_v <= st_v + 20'd1;
                    st_o <= st_o + 20'd1;
                    st_fc1 <= st_fc1 + 20'd1;
                    st_fc2 <= st_fc2 + 20'd1;
                    st_lm <= st_lm + 20'd1;
                end else beat_ctr <= beat_ctr + 8'd1;
            end
            mac_pending <= issuing && last_beat;
            // stage 1: the weights of the step on the stream outputs and the
            // input elements they multiply, registered
            v1 <= mac_now;
            if (mac_now) begin
                for (l = 0; l < LANES; l = l + 1)
                    for (j = 0; j < COLS; j = j + 1) begin
                        w = 16'sd0;
                        case (p_proj)
                            3'd0: begin
                                e = (l % RPP16) * COLS + j;
                                case (lane_sel[l])
                                    2'd0: w = half(w_q[32*(e/2) +: 32], e);
                                    2'd1: w = half(w_k[32*(e/2) +: 32], e);
                                    2'd2: w = half(w_v[32*(e/2) +: 32], e);
                                    default: w = 16'sd0;
                                endcase
                            end
                            3'd1: if (l < RPP16) begin e = l * COLS + j; w = half(w_o[32*(e/2) +: 32], e); end
                            3'd2: if (l < RPP64) begin e = l * COLS + j; w = half(w_fc1[32*(e/2) +: 32], e); end
                            3'd3: if (l < RPP16) begin e = l * COLS + j; w = half(w_fc2[32*(e/2) +: 32], e); end
                            default: if (l < RPP27 && lane_sel[l] == 2'd0) begin
                                e = l * COLS + j;
                                w = half(w_lm[32*(e/2) +: 32], e);
                            end
                        endcase
                        wr[l*COLS + j] <= w;
                    end
                for (j = 0; j < COLS; j = j + 1) xr[j] <= xw[j];
                for (k = 0; k < 16; k = k + 1) xw[k] <= (k + COLS < 16) ? xw[(k + COLS) % 16] : 16'd0;
            end
            // stage 2 (PIPELINE >= 2): the products, registered
            v2 <= v1;
            if (PIPELINE >= 2 && v1)
                for (l = 0; l < LANES * COLS; l = l + 1) pr[l] <= wr[l] * xr[l % COLS];
            // stage 3 (PIPELINE = 3): each lane's column sum, registered
            v3 <= v2;
            if (PIPELINE >= 3 && v2)
                for (l = 0; l < LANES; l = l + 1) begin
                    csum = 36'sd0;
                    for (j = 0; j < COLS; j = j + 1) csum = csum + {{4{pr[l*COLS + j][31]}}, pr[l*COLS + j]};
                    cs[l] <= csum;
                end
            // accumulate: the last registered stage into the 64-bit accumulators
            if (acc_now)
                for (l = 0; l < LANES; l = l + 1) begin
                    csum = 36'sd0;
                    if (PIPELINE >= 3) csum = cs[l];
                    else
                        for (j = 0; j < COLS; j = j + 1)
                            csum = csum + (PIPELINE >= 2 ? {{4{pr[l*COLS + j][31]}}, pr[l*COLS + j]}
                                                         : {{4{prod1[l*COLS + j][31]}}, prod1[l*COLS + j]});
                    acc[l] <= acc[l] + {{28{csum[35]}}, csum};
                end
            it <= it + 12'd1;
            if (it == last_it) begin
                busy <= 1'b0;
                done <= 1'b1;
            end
        end
    end

`ifndef SYNTHESIS
    // The lane -> element mapping above holds only for row0 a multiple of LANES.
    always @(posedge clk)
        if (start && !rst && (row0 % LANES) != 0) $error("mgpt_tile_pipelined: row0 %0d is not a multiple of LANES %0d", row0, LANES);
`endif

    genvar g;
    generate
        for (g = 0; g < LANES; g = g + 1) begin : out
            assign acc_flat[64*g +: 64] = acc[g];
        end
    endgenerate
endmodule
