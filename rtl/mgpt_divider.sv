// Attention divider: sign-magnitude restoring division of a 64-bit signed
// numerator by an unsigned denominator, 32 quotient bits, RADIX bits per cycle,
// result saturated to 16 bits (truncation toward zero); the step is restoring_step
// (mgpt_functions.svh), shared with the RMS engine. Same handshake as the
// other engines: N = ceil(32 / RADIX) iterations between start and done.
module mgpt_divider #(
    parameter integer RADIX = 1
) (
    input  wire               clk,
    input  wire               rst,
    input  wire               start,
    input  wire signed [63:0] numerator,
    input  wire        [31:0] denominator,  // 0 is treated as 1
    output reg                done,
    output reg  signed [15:0] quotient
);
    `include "mgpt_functions.svh"
    localparam integer CYCLES = (32 + RADIX - 1) / RADIX;
    localparam integer TOP = CYCLES * RADIX - 1;

    reg [63:0] magnitude;
    reg [31:0] divisor;
    reg        negative;
    reg [65:0] rem;
    reg [63:0] q;
    reg [7:0]  it;
    reg        busy;
    reg [65:0] r_next;
    reg [63:0] q_next;
    integer k, bit_index;

    always @(posedge clk) begin
        done <= 1'b0;
        if (rst) begin
            busy <= 1'b0;
        end else if (start) begin
            negative <= numerator < 0;
            magnitude <= numerator < 0 ? -numerator : numerator;
            divisor <= denominator == 0 ? 32'd1 : denominator;
            rem <= 66'd0;
            q <= 64'd0;
            it <= 8'd0;
            busy <= 1'b1;
        end else if (busy) begin
            r_next = rem;
            q_next = q;
            for (k = 0; k < RADIX; k = k + 1) begin
                bit_index = TOP - (it * RADIX + k);
                {r_next, q_next} = restoring_step(r_next, q_next,
                    {1'b0, (bit_index <= 31) ? magnitude[bit_index[4:0]] : 1'b0}, divisor, 1'b0);
            end
            rem <= r_next;
            q <= q_next;
            it <= it + 8'd1;
            if (it == CYCLES - 1) begin
                busy <= 1'b0;
                done <= 1'b1;
                quotient <= sat16(negative ? -$signed(q_next) : $signed(q_next));
            end
        end
    end
endmodule
