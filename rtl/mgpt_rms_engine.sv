// RMS scale engine: restoring square root of ((sumsq >> 4) + 1) << 12, RADIX
// result bits per cycle (32 bits), then restoring division 2^24 / root at the
// same radix (25 quotient bits), skipped when root <= 512 (answer 32767); both
// use restoring_step (mgpt_functions.svh), the attention divider's step too.
// Handshake: `start` high for one cycle is accepted at that cycle's edge;
// N iterations follow; `done` is high for one cycle after the last one.
//
// Widths follow the arithmetic (docs/MICROARCH.md, "Engine widths"): the root
// has 32 bits and the square root's remainder is at most 2 * root (33 bits), so
// a square-root step compares 35 bits; the division's remainder stays below the
// root (32 bits), so a division step compares 33. The radicand and dividend
// bits come from one shift register (no bit select on the step path), and the
// early exit is decided from sumsq at `start`, not after the last root step.
module mgpt_rms_engine #(
    parameter integer RADIX = 1
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        start,
    input  wire [63:0] sumsq,
    output reg         done,
    output reg  [15:0] scale,
    output reg         early_exit
);
    `include "mgpt_functions.svh"
    localparam integer SQRT_CYCLES = (32 + RADIX - 1) / RADIX;
    localparam integer SQRT_STEPS = SQRT_CYCLES * RADIX;  // >= 32: the first SQRT_STEPS - 32 root bits are 0
    localparam integer DIV_CYCLES = (25 + RADIX - 1) / RADIX;
    localparam integer DIV_STEPS = DIV_CYCLES * RADIX;    // >= 25: bits above 24 of 2^24 / root are 0
    localparam integer W = 2 * SQRT_STEPS;                // the shift register: radicand pairs, then dividend bits
    // 2^24 with its bit DIV_STEPS - 1 on top of the shift register
    localparam [W-1:0] DIVIDEND = {{(W - 1){1'b0}}, 1'b1} << (W - DIV_STEPS + 24);

    wire [63:0] radicand = ((sumsq >> 4) + 64'd1) << 12;
    // root <= 512  <=>  radicand < 513^2 = 263,169  <=>  radicand <= 64 * 4096 (it is a multiple of
    // 4096)  <=>  m = (sumsq[55:4] + 1) mod 2^52 <= 64  <=>  sumsq[55:10] == 0 or sumsq[55:4] all ones.
    wire root_small = ~|sumsq[55:10] | &sumsq[55:4];

    reg [W-1:0] bits;  // the next radicand pair (square root) or dividend bit (division) on top
    reg [32:0] rem;
    reg [31:0] root;
    reg [31:0] qbits;
    reg [7:0]  it;
    reg        busy, dividing, exit_early;

    reg [35:0] step;
    reg [32:0] r_next;
    reg [31:0] q_next;
    reg [W-1:0] b_next;
    integer k;
    always @(posedge clk) begin
        done <= 1'b0;
        if (rst) begin
            busy <= 1'b0;
        end else if (start) begin
            bits <= radicand;
            exit_early <= root_small;
            rem <= 33'd0;
            root <= 32'd0;
            qbits <= 32'd0;
            it <= 8'd0;
            busy <= 1'b1;
            dividing <= 1'b0;
        end else if (busy && !dividing) begin
            r_next = rem;
            q_next = root;
            b_next = bits;
            // RADIX steps of the restoring square root, most significant result bit first:
            // remainder (rem << 2) | pair against the trial {root so far, 01}
            for (k = 0; k < RADIX; k = k + 1) begin
                step = restoring_step({r_next, b_next[W-1 -: 2]}, {1'b0, q_next, 2'b01});
                r_next = step[32:0];
                q_next = {q_next[30:0], step[35]};
                b_next = b_next << 2;
            end
            rem <= r_next;
            root <= q_next;
            bits <= b_next;
            it <= it + 8'd1;
            if (it == SQRT_CYCLES - 1) begin
                if (exit_early) begin  // early exit: no division
                    busy <= 1'b0;
                    done <= 1'b1;
                    scale <= 16'd32767;
                    early_exit <= 1'b1;
                end else begin
                    dividing <= 1'b1;
                    it <= 8'd0;
                    rem <= 33'd0;
                    bits <= DIVIDEND;
                end
            end
        end else if (busy) begin
            r_next = rem;
            q_next = qbits;
            b_next = bits;
            // RADIX steps of 2^24 / root, restoring: remainder (rem << 1) | bit against the root
            for (k = 0; k < RADIX; k = k + 1) begin
                step = restoring_step({2'b00, r_next[31:0], b_next[W-1]}, {3'b000, root});
                r_next = {1'b0, step[31:0]};
                q_next = {q_next[30:0], step[35]};
                b_next = b_next << 1;
            end
            rem <= r_next;
            qbits <= q_next;
            bits <= b_next;
            it <= it + 8'd1;
            if (it == DIV_CYCLES - 1) begin
                busy <= 1'b0;
                done <= 1'b1;
                scale <= q_next[15:0];
                early_exit <= 1'b0;
            end
        end
    end
endmodule
