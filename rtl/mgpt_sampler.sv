// The sampler engine (NUMERICS.md "Choosing the next token"), started like the
// other engines (N iterations between start and done):
//   sequential: 27 x 3 (weights) + 3 (RNG mix, cut, clamp) + 27 (pick) = 111
//   parallel:   3 (all weights, pipelined) + 3 + 5 (prefix-sum tree) + 1 (pick) = 12
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
    reg [31:0] weights [0:26];
    reg [31:0] total, mixed, cut, running;
    reg        found;
    reg [4:0]  pick;
    integer v;
    reg [31:0] acc;
    reg [63:0] product;
    reg [7:0]  idx;
    reg        f;
    reg [4:0]  p;

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
        end else if (busy) begin
            it <= it + 8'd1;
            if (it < WEIGHT_ITERS) begin
                if (PARALLEL != 0) begin
                    if (it == WEIGHT_ITERS - 1) begin  // the 3-stage pipeline delivers all 27 at once
                        acc = 32'd0;
                        for (v = 0; v < 27; v = v + 1) begin
                            weights[v] <= sampler_weight(logits[16*v +: 16], top_s, temperature, REF_PROFILE != 0);
                            acc = acc + sampler_weight(logits[16*v +: 16], top_s, temperature, REF_PROFILE != 0);
                        end
                        total <= acc;
                    end
                end else if (it % 3 == 2) begin  // entry it/3: difference, lookup, interpolate + accumulate
                    weights[it / 3] <= sampler_weight(logits[16*(it/3) +: 16], top_s, temperature, REF_PROFILE != 0);
                    total <= total + sampler_weight(logits[16*(it/3) +: 16], top_s, temperature, REF_PROFILE != 0);
                end
            end else if (it == WEIGHT_ITERS) begin
                mixed <= rng * 32'h149FB;
            end else if (it == WEIGHT_ITERS + 1) begin
                product = {40'd0, mixed[31:8]} * {32'd0, total};
                cut <= product[55:24];
            end else if (it == WEIGHT_ITERS + 2) begin
                if (cut >= total) cut <= total - 32'd1;
            end else if (PARALLEL == 0) begin  // pick: one entry per cycle
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
            end else if (it == N - 1) begin  // prefix sums ready: compare all, priority encode
                acc = 32'd0;
                f = 1'b0;
                p = argmax_index;
                for (v = 0; v < 27; v = v + 1) begin
                    acc = acc + weights[v];
                    if (!f && acc > cut) begin
                        f = 1'b1;
                        p = v[4:0];
                    end
                end
                token <= p;
            end
            if (it == N - 1) begin
                busy <= 1'b0;
                done <= 1'b1;
            end
        end
    end
endmodule
