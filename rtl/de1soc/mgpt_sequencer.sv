// The generation sequencer: runs the host protocol of docs/NUMERICS.md against the
// core so that one `start` produces one name. A generation begins from BOS at
// position 0; each step feeds the previous output back at the next position;
// it stops when a step outputs BOS or after `max_steps` steps (16 = the
// context). The RNG state carries from step to step and from one generation to
// the next (as the TLM host and the golden model do); `seed_write` replaces it.
//
// `cycles` counts the cycles in which the core is busy during the generation:
// the same count as the TLM's cycle total for it (final BOS step included).
// The one idle cycle the sequencer spends between two steps (issuing start) is
// not counted, as the TLM host's protocol overhead is not counted either.
//
// Token window: token i of the current generation at tokens_flat[5*i +: 5];
// entries at or past `length` hold BOS.
module mgpt_sequencer #(
    parameter integer SEED_RESET = 1  // RNG state after reset (the host writes its seed)
) (
    input  wire            clk,
    input  wire            rst,
    input  wire            enable,       // SW0: steps are issued only while high
    // from the register block (pulses, accepted only while idle)
    input  wire            start,
    input  wire            clear,
    input  wire            seed_write,
    input  wire [31:0]     seed_value,
    input  wire [4:0]      max_steps,    // 1..16 (the register block rejects other values)
    input  wire            greedy,
    input  wire [15:0]     temperature,
    // status
    output wire            busy,
    output reg             done,
    output reg  [4:0]      length,       // tokens in the window
    output reg  [3:0]      position,     // position of the running (or last) step
    output reg  [16*5-1:0] tokens_flat,
    output reg  [31:0]     cycles,
    output reg  [31:0]     rng,          // the carried RNG state
    output reg  [4:0]      last_token,   // last token generated (BOS before the first)
    // to the core
    output reg             core_start,
    output reg  [4:0]      core_token,
    output wire [3:0]      core_pos,
    output wire [31:0]     core_rng,
    output reg             core_greedy,
    output reg  [15:0]     core_temperature,
    input  wire            core_busy,
    input  wire            core_done,
    input  wire [4:0]      core_token_out,
    input  wire [31:0]     core_rng_out
);
    localparam [4:0] BOS = 5'd26;
    localparam [1:0] IDLE = 2'd0, ISSUE = 2'd1, WAIT = 2'd2;
    localparam [16*5-1:0] ALL_BOS = {16{BOS}};

    reg [1:0] state;
    reg [4:0] limit;  // max_steps latched at start: a running generation never sees a later change

    assign busy = state != IDLE;
    assign core_pos = position;
    assign core_rng = rng;

    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            done <= 1'b0;
            length <= 5'd0;
            position <= 4'd0;
            tokens_flat <= ALL_BOS;
            cycles <= 32'd0;
            rng <= SEED_RESET;
            last_token <= BOS;
            core_start <= 1'b0;
            core_token <= BOS;
            core_greedy <= 1'b0;
            core_temperature <= 16'h0080;
            limit <= 5'd16;
        end else begin
            case (state)
                IDLE: begin
                    if (seed_write) rng <= seed_value;
                    if (clear || start) begin
                        done <= 1'b0;
                        length <= 5'd0;
                        position <= 4'd0;
                        tokens_flat <= ALL_BOS;
                        cycles <= 32'd0;
                        last_token <= BOS;
                    end
                    if (start) begin
                        // the step inputs stay constant for the whole generation
                        core_token <= BOS;
                        core_greedy <= greedy;
                        core_temperature <= temperature;
                        limit <= max_steps;
                        state <= ISSUE;
                    end
                end
                ISSUE: begin
                    // the core samples start while idle; it is idle here (it left DONE last cycle)
                    if (enable && !core_busy) begin
                        core_start <= 1'b1;
                        state <= WAIT;
                    end
                end
                default: begin  // WAIT: the core runs the step
                    core_start <= 1'b0;
                    if (core_busy) cycles <= cycles + 32'd1;
                    if (core_done) begin
                        rng <= core_rng_out;
                        if (core_token_out != BOS) begin
                            tokens_flat[5*length +: 5] <= core_token_out;
                            length <= length + 5'd1;
                            last_token <= core_token_out;
                        end
                        if (core_token_out == BOS || {1'b0, position} + 5'd1 == limit) begin
                            done <= 1'b1;
                            state <= IDLE;
                        end else begin
                            position <= position + 4'd1;
                            core_token <= core_token_out;
                            state <= ISSUE;
                        end
                    end
                end
            endcase
        end
    end
endmodule
