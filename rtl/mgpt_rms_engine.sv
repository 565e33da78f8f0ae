// RMS scale engine: restoring square root of ((sumsq >> 4) + 1) << 12, RADIX
// result bits per cycle (32 bits), then restoring division 2^24 / root at the
// same radix (25 quotient bits), skipped when root <= 512 (answer 32767); both
// use restoring_step (mgpt_functions.svh), the attention divider's step too.
// Handshake: `start` high for one cycle is accepted at that cycle's edge;
// N iterations follow; `done` is high for one cycle after the last one.
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
    localparam integer DIV_CYCLES = (25 + RADIX - 1) / RADIX;
    localparam integer DIV_TOP = DIV_CYCLES * RADIX - 1;  // first quotient bit index (bits > 24 are 0)

    reg [63:0] radicand;
    reg [65:0] rem;
    reg [31:0] root;
    reg [31:0] qbits;
    reg [7:0]  it;
    reg        busy, dividing;

    reg [65:0] r_next;
    reg [63:0] q_next;  // the root / quotient in [31:0]
    integer k, bit_index;
    always @(posedge clk) begin
        done <= 1'b0;
        if (rst) begin
            busy <= 1'b0;
        end else if (start) begin
            radicand <= (((sumsq >> 4) + 64'd1) << 12);
            rem <= 66'd0;
            root <= 32'd0;
            qbits <= 32'd0;
            it <= 8'd0;
            busy <= 1'b1;
            dividing <= 1'b0;
        end else if (busy && !dividing) begin
            r_next = rem;
            q_next = {32'd0, root};
            // RADIX steps of the restoring square root, most significant result bit first
            for (k = 0; k < RADIX; k = k + 1) begin
                bit_index = 31 - (it * RADIX + k);
                if (bit_index >= 0)
                    {r_next, q_next} = restoring_step(r_next, q_next, radicand[2 * bit_index[4:0] +: 2], 32'd0, 1'b1);
            end
            rem <= r_next;
            root <= q_next[31:0];
            it <= it + 8'd1;
            if (it == SQRT_CYCLES - 1) begin
                if (q_next[31:0] <= 32'd512) begin  // early exit: no division
                    busy <= 1'b0;
                    done <= 1'b1;
                    scale <= 16'd32767;
                    early_exit <= 1'b1;
                end else begin
                    dividing <= 1'b1;
                    it <= 8'd0;
                    rem <= 66'd0;
                end
            end
        end else if (busy) begin
            r_next = rem;
            q_next = {32'd0, qbits};
            // RADIX steps of 2^24 / root, restoring
            for (k = 0; k < RADIX; k = k + 1) begin
                bit_index = DIV_TOP - (it * RADIX + k);
                {r_next, q_next} = restoring_step(r_next, q_next, {1'b0, bit_index == 24}, root, 1'b0);
            end
            rem <= r_next;
            qbits <= q_next[31:0];
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
