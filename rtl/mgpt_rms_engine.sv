// RMS scale engine: restoring square root of ((sumsq >> 4) + 1) << 12, RADIX
// result bits per cycle (32 bits), then restoring division 2^24 / root at the
// same radix (25 quotient bits), skipped when root <= 512 (answer 32767).
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
    localparam integer SQRT_CYCLES = (32 + RADIX - 1) / RADIX;
    localparam integer DIV_CYCLES = (25 + RADIX - 1) / RADIX;
    localparam integer DIV_TOP = DIV_CYCLES * RADIX - 1;  // first quotient bit index (bits > 24 are 0)

    reg [63:0] radicand;
    reg [65:0] rem;
    reg [31:0] root;
    reg [31:0] qbits;
    reg [7:0]  it;
    reg        busy, dividing;

    reg [65:0] r_next, trial;
    reg [31:0] q_next;
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
            q_next = root;
            // RADIX steps of the restoring square root, most significant result bit first
            for (k = 0; k < RADIX; k = k + 1) begin
                bit_index = 31 - (it * RADIX + k);
                if (bit_index >= 0) begin
                    r_next = (r_next << 2) | {64'd0, radicand[2 * bit_index[4:0] +: 2]};
                    trial = {32'd0, q_next, 2'b01};
                    if (r_next >= trial) begin
                        r_next = r_next - trial;
                        q_next = {q_next[30:0], 1'b1};
                    end else q_next = {q_next[30:0], 1'b0};
                end
            end
            rem <= r_next;
            root <= q_next;
            it <= it + 8'd1;
            if (it == SQRT_CYCLES - 1) begin
                if (q_next <= 32'd512) begin  // early exit: no division
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
            q_next = qbits;
            // RADIX steps of 2^24 / root, restoring
            for (k = 0; k < RADIX; k = k + 1) begin
                bit_index = DIV_TOP - (it * RADIX + k);
                r_next = (r_next << 1) | ((bit_index == 24) ? 66'd1 : 66'd0);
                if (r_next >= {34'd0, root}) begin
                    r_next = r_next - {34'd0, root};
                    q_next = {q_next[30:0], 1'b1};
                end else q_next = {q_next[30:0], 1'b0};
            end
            rem <= r_next;
            qbits <= q_next;
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
