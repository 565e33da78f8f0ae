// Attention divider: sign-magnitude restoring division of a signed numerator by
// an unsigned denominator, 32 quotient bits, RADIX bits per cycle, result
// saturated to 16 bits (truncation toward zero); the step is restoring_step
// (mgpt_functions.svh), shared with the RMS engine. Same handshake as the
// other engines: N = ceil(32 / RADIX) iterations between start and done.
//
// Widths follow the arithmetic (docs/MICROARCH.md, "Engine widths"): the
// numerator's magnitude is at most 16 * 4096 * 32768 = 2^31, so its low 32 bits
// hold it; the remainder stays below the 32-bit divisor, so each step compares
// 33 bits. The dividend bits come from a shift register (no bit select on the
// step path), and the sign and 16-bit saturation are applied to the registered
// quotient on the way out, not in the last step's cycle: `quotient` is valid
// from `done` until the next `start`.
module mgpt_divider #(
    parameter integer RADIX = 1
) (
    input  wire               clk,
    input  wire               rst,
    input  wire               start,
    input  wire signed [63:0] numerator,
    input  wire        [31:0] denominator,  // 0 is treated as 1
    output reg                done,
    output wire signed [15:0] quotient
);
    `include "mgpt_functions.svh"
    localparam integer CYCLES = (32 + RADIX - 1) / RADIX;
    localparam integer STEPS = CYCLES * RADIX;  // >= 32: the first STEPS - 32 bring down leading zeros

    reg [STEPS-1:0] dividend;  // magnitude bits still to bring down, the next one on top
    reg [31:0] divisor;
    reg        negative;
    reg [31:0] rem;
    reg [31:0] q;
    reg [7:0]  it;
    reg        busy;
    reg [35:0] step;
    reg [31:0] r_next, q_next;
    reg [STEPS-1:0] d_next;
    integer k;

    wire [31:0] magnitude = numerator[63] ? -numerator[31:0] : numerator[31:0];
    // |q| saturated to 32767 (positive) or 32768 (negative), then the sign: -32768 is 16'h8000 either way.
    wire over_pos = |q[31:15];
    wire over_neg = |q[31:16] | (q[15] & |q[14:0]);
    wire [15:0] mag16 = negative ? (over_neg ? 16'h8000 : q[15:0]) : (over_pos ? 16'h7fff : q[15:0]);
    assign quotient = negative ? -mag16 : mag16;

    always @(posedge clk) begin
        done <= 1'b0;
        if (rst) begin
            busy <= 1'b0;
        end else if (start) begin
            negative <= numerator[63];
            dividend <= magnitude;
            divisor <= denominator == 0 ? 32'd1 : denominator;
            rem <= 32'd0;
            q <= 32'd0;
            it <= 8'd0;
            busy <= 1'b1;
        end else if (busy) begin
            r_next = rem;
            q_next = q;
            d_next = dividend;
            for (k = 0; k < RADIX; k = k + 1) begin
                step = restoring_step({2'b00, r_next, d_next[STEPS-1]}, {3'b000, divisor});
                r_next = step[31:0];
                q_next = {q_next[30:0], step[35]};
                d_next = d_next << 1;
            end
            rem <= r_next;
            q <= q_next;
            dividend <= d_next;
            it <= it + 8'd1;
            if (it == CYCLES - 1) begin
                busy <= 1'b0;
                done <= 1'b1;
            end
        end
    end
endmodule
