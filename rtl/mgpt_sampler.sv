// The sampler engine (docs/NUMERICS.md "Choosing the next token"), started like the
// other engines (N iterations between start and done):
//   sequential: 27 x 3 (weights) + 3 (RNG mix, cut, clamp) + 27 (pick) = 111
// The sequential sampler spreads each weight over its 3 cycles and one more,
// overlapping the next entry (a 4-stage pipeline, one entry every 3 cycles):
//   it % 3 == 0   select the entry's logit (27:1 mux by the entry counter)
//   it % 3 == 1   difference to the top logit -> {d >= 0, table position}
//   it % 3 == 2   both table lookups, w0 - w1 and its multiple by the fraction
//   next cycle    interpolate, store the weight, accumulate the total (entry 26's
//                 lands in the RNG-mix cycle 81, before the cut reads the total)
//   parallel:   3 (all weights, pipelined) + 3 + 5 (prefix-sum tree) + 1 (pick) = 12
// The parallel sampler keeps every cycle to one short step (docs/MICROARCH.md,
// the Fmax model's "sampler" path): its 12 iterations are
//   0-2   the 27 weights, one part per cycle (difference, table lookups, interpolation)
//   3-7   the prefix sums, one Kogge-Stone level per cycle (RNG mix in cycle 3)
//   8-9   cut = mix x total, clamped below the total
//   10    all 27 prefix sums compared with the cut
//   11    priority encode (the first sum above the cut; the argmax if none)
// Sums wrap at 32 bits as the sequential running total does, so both pick the
// same token.
module mgpt_sampler #(
    parameter integer PARALLEL = 0,
    parameter integer REF_PROFILE = 0
) (
    input  wire           clk,
    input  wire           rst,
    input  wire           start,
    input  wire [27*16-1:0] logits,
    input  wire [4:0]     argmax_index,
    input  wire [15:0]    top,
    input  wire [31:0]    rng,
    input  wire [15:0]    temperature,
    output reg            done,
    output reg  [4:0]     token
);
    `include "mgpt_functions.svh"
    localparam integer WEIGHT_ITERS = PARALLEL ? 3 : 27 * 3;
    localparam integer PICK_ITERS = PARALLEL ? 5 + 1 : 27;
    localparam integer N = WEIGHT_ITERS + 3 + PICK_ITERS;

    reg        busy;
    reg [7:0]  it;
    reg [31:0] weights [0:26];  // the weights; in the parallel sampler then their prefix sums
    reg [31:0] total, mixed, cut, running;
    reg        found;
    reg [4:0]  pick;
    integer v;
    reg [31:0] acc;
    reg [63:0] product;
    reg [7:0]  idx;
    reg        f;
    reg [4:0]  p;
    // parallel pipeline registers
    reg [8:0]  fine_r [0:26];  // {d >= 0, table position}
    reg [31:0] w0_r [0:26], w1_r [0:26];
    reg [26:0] above;          // prefix sum > cut
    // sequential pipeline registers
    reg [1:0]  ph;             // it % 3 in the weight iterations
    reg [4:0]  ent;            // it / 3: the entry whose logit is selected
    reg signed [15:0] lg_r;    // its logit
    reg [8:0]  pf_r;           // {d >= 0, table position}
    reg [31:0] w0_s, prod_s;   // w0, (w0 - w1) * fraction
    reg        sat_s;          // d >= 0: the weight is 4096
    reg        acc_v;          // the last stage runs this cycle
    reg [4:0]  acc_e;          // for this entry
    reg [31:0] w0t, w1t, dft, wt;

    wire signed [15:0] top_s = top;
    always @(posedge clk) begin
        done <= 1'b0;
        if (rst) begin
            busy <= 1'b0;
        end else if (start) begin
            busy <= 1'b1;
            it <= 8'd0;
            total <= 32'd0;
            running <= 32'd0;
            found <= 1'b0;
            pick <= argmax_index;
            ph <= 2'd0;
            ent <= 5'd0;
            acc_v <= 1'b0;
        end else if (busy) begin
            it <= it + 8'd1;
            if (PARALLEL == 0) begin
                // last stage of the entry whose lookups were registered last cycle:
                // sampler_interp's interpolation, split after its product
                acc_v <= 1'b0;
                if (acc_v) begin
                    wt = w0_s - (prod_s >> 2);
                    if (sat_s) wt = 32'd4096;
                    else if (wt == 0) wt = 32'd1;
                    weights[acc_e] <= wt;
                    total <= total + wt;
                end
                if (it < WEIGHT_ITERS) begin
                    ph <= ph == 2'd2 ? 2'd0 : ph + 2'd1;
                    if (ph == 2'd2) ent <= ent + 5'd1;
                    case (ph)
                        2'd0: lg_r <= logits[16*ent +: 16];
                        2'd1: pf_r <= sampler_fine(lg_r, top_s, temperature, REF_PROFILE != 0);
                        default: begin
                            w0t = exp_lut({26'd0, pf_r[7:2]});
                            w1t = exp_lut({26'd0, sampler_c1(pf_r[7:0], REF_PROFILE != 0)});
                            dft = w0t - w1t;
                            w0_s <= w0t;
                            prod_s <= (pf_r[1] ? dft << 1 : 32'd0) + (pf_r[0] ? dft : 32'd0);
                            sat_s <= pf_r[8];
                            acc_v <= 1'b1;
                            acc_e <= ent;
                        end
                    endcase
                end else if (it == WEIGHT_ITERS) begin
                    mixed <= rng * 32'h149FB;
                end else if (it == WEIGHT_ITERS + 1) begin
                    product = {40'd0, mixed[31:8]} * {32'd0, total};
                    cut <= product[55:24];
                end else if (it == WEIGHT_ITERS + 2) begin
                    if (cut >= total) cut <= total - 32'd1;
                end else begin  // pick: one entry per cycle
                    idx = it - 8'(WEIGHT_ITERS + 3);
                    acc = running + weights[idx];
                    running <= acc;
                    f = found;
                    p = pick;
                    if (!f && acc > cut) begin
                        f = 1'b1;
                        p = idx[4:0];
                    end
                    found <= f;
                    pick <= p;
                    if (it == N - 1) token <= p;
                end
            end else begin
                case (it)
                    8'd0: for (v = 0; v < 27; v = v + 1)
                              fine_r[v] <= sampler_fine(logits[16*v +: 16], top_s, temperature, REF_PROFILE != 0);
                    8'd1: for (v = 0; v < 27; v = v + 1) begin
                              w0_r[v] <= exp_lut({26'd0, fine_r[v][7:2]});
                              w1_r[v] <= exp_lut({26'd0, sampler_c1(fine_r[v][7:0], REF_PROFILE != 0)});
                          end
                    8'd2: for (v = 0; v < 27; v = v + 1)
                              weights[v] <= fine_r[v][8] ? 32'd4096 : sampler_interp(w0_r[v], w1_r[v], fine_r[v][1:0]);
                    // prefix sums, level k = it - 3: sum[v] += sum[v - 2^k] (constant partners)
                    8'd3: begin
                        mixed <= rng * 32'h149FB;
                        for (v = 1; v < 27; v = v + 1) weights[v] <= weights[v] + weights[v - 1];
                    end
                    8'd4: for (v = 2; v < 27; v = v + 1) weights[v] <= weights[v] + weights[v - 2];
                    8'd5: for (v = 4; v < 27; v = v + 1) weights[v] <= weights[v] + weights[v - 4];
                    8'd6: for (v = 8; v < 27; v = v + 1) weights[v] <= weights[v] + weights[v - 8];
                    8'd7: for (v = 16; v < 27; v = v + 1) weights[v] <= weights[v] + weights[v - 16];
                    8'd8: begin
                        total <= weights[26];
                        product = {40'd0, mixed[31:8]} * {32'd0, weights[26]};
                        cut <= product[55:24];
                    end
                    8'd9: if (cut >= total) cut <= total - 32'd1;
                    8'd10: for (v = 0; v < 27; v = v + 1) above[v] <= weights[v] > cut;
                    default: begin  // 11: the first entry whose prefix sum exceeds the cut
                        p = argmax_index;
                        for (v = 26; v >= 0; v = v - 1)
                            if (above[v]) p = v[4:0];
                        token <= p;
                    end
                endcase
            end
            if (it == N - 1) begin
                busy <= 1'b0;
                done <= 1'b1;
            end
        end
    end
endmodule
