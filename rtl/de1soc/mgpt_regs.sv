// The host register block (map 2.0, mgpt_regmap.svh): an Avalon-MM slave
// (32-bit data, word addresses) in the core clock domain, reached on the board
// through Intel's JTAG-to-Avalon-MM master and in simulation through a
// TLM-driven master.
//
// Avalon-MM timing: no wait states (waitrequest is constant 0), fixed read
// latency 1: readdata and readdatavalid are registered and valid in the cycle
// after the read was accepted. Writes take effect at the accepting edge.
//
// Errors (sticky STATUS.error, cause bits [26:24], cleared by CONTROL.clear):
//   address: a read or write of an unmapped word, a write to a read-only
//            register, or a write without all four byte enables; an unmapped
//            read returns 0xDEADBEEF;
//   busy:    any write to CONTROL, CONFIG, SEED, COUNT or SLOT_SEED while a run
//            is in progress: the write is ignored, so a run is never changed
//            (the selectors SLOT_SEL and RESULT_SEL only choose what is read:
//            they are accepted at any time);
//   value:   CONFIG with max steps outside 1..16, COUNT outside
//            1..RESULT_NAMES, SLOT_SEL outside 0..SLOTS-1, RESULT_SEL outside
//            0..RESULT_NAMES-1: ignored.
// Reads never change state; STATUS can be polled at any time.
module mgpt_regs #(
    parameter [31:0] CLOCK_HZ = 32'd56250000,
    parameter [31:0] DESIGN_TAG = 32'd0,
    parameter integer SLOTS = 1
) (
    input  wire            clk,
    input  wire            rst,
    // Avalon-MM slave
    input  wire [7:0]      avs_address,
    input  wire            avs_read,
    input  wire            avs_write,
    input  wire [31:0]     avs_writedata,
    input  wire [3:0]      avs_byteenable,
    output reg  [31:0]     avs_readdata,
    output reg             avs_readdatavalid,
    output wire            avs_waitrequest,
    // sequencer status
    input  wire            seq_busy,
    input  wire            seq_done,
    input  wire [3:0]      position,
    input  wire [31:0]     cycles,
    input  wire [31:0]     rng0,          // slot 0's RNG state
    input  wire [31:0]     rng_selected,  // slot slot_sel's
    input  wire [4:0]      sel_length,    // the entry result_sel of the results table
    input  wire            sel_done,
    input  wire [16*5-1:0] sel_tokens_flat,
    input  wire [31:0]     sel_cycles,
    input  wire            enabled,
    input  wire            locked,
    // sequencer control: pulses in the cycle of the accepted write, so the
    // sequencer's state (busy, RNG) has changed before the next access
    output wire            start,
    output wire            clear,
    output wire            seed_write,
    output wire [3:0]      seed_slot,
    output wire [31:0]     seed_value,
    output reg  [4:0]      max_steps,
    output reg             greedy,
    output reg  [15:0]     temperature,
    output reg  [5:0]      count,
    output reg  [3:0]      slot_sel,
    output reg  [4:0]      result_sel,
    output wire            error
);
    `include "mgpt_regmap.svh"

    reg err_address, err_busy, err_value;
    assign error = err_address | err_busy | err_value;
    assign avs_waitrequest = 1'b0;

    wire is_token = avs_address >= REG_TOKENS && avs_address < REG_TOKENS + TOKEN_WINDOW;
    wire readable = avs_address <= REG_RESULT_CYCLES;  // the map is contiguous from 0x00
    wire selector = avs_address == REG_SLOT_SEL || avs_address == REG_RESULT_SEL;
    wire guarded = avs_address == REG_CONTROL || avs_address == REG_CONFIG || avs_address == REG_SEED ||
                   avs_address == REG_COUNT || avs_address == REG_SLOT_SEED;  // refused while busy
    wire writable = guarded || selector;
    wire [3:0] token_index = avs_address[3:0];
    wire       write_ok = avs_write && writable && avs_byteenable == 4'hF && (selector || !seq_busy);
    assign start = write_ok && avs_address == REG_CONTROL && avs_writedata[0];
    assign clear = write_ok && avs_address == REG_CONTROL && avs_writedata[1];
    assign seed_write = write_ok && (avs_address == REG_SEED || avs_address == REG_SLOT_SEED);
    assign seed_slot = avs_address == REG_SEED ? 4'd0 : slot_sel;
    assign seed_value = avs_writedata;

    wire [31:0] status = {5'd0, err_value, err_busy, err_address,
                          4'd0, position,
                          3'd0, sel_length,
                          2'd0, locked, enabled, error, seq_done, seq_busy, !seq_busy};
    wire [3:0] result_slot = 4'(32'(result_sel) % SLOTS);  // name i runs in slot i mod SLOTS

    reg [31:0] read_value;  // the word at avs_address
    always @* begin
        case (avs_address)
            REG_ID:            read_value = MGPT_ID;
            REG_VERSION:       read_value = MGPT_VERSION;
            REG_CONTROL:       read_value = 32'd0;
            REG_CONFIG:        read_value = {temperature, 7'd0, greedy, 3'd0, max_steps};
            REG_SEED:          read_value = rng0;
            REG_STATUS:        read_value = status;
            REG_BOS:           read_value = 32'd26;
            REG_CYCLES:        read_value = cycles;
            REG_CLOCK_HZ:      read_value = CLOCK_HZ;
            REG_DESIGN_TAG:    read_value = DESIGN_TAG;
            REG_SLOTS:         read_value = {16'd0, 8'(RESULT_NAMES), 8'(SLOTS)};
            REG_COUNT:         read_value = {26'd0, count};
            REG_SLOT_SEL:      read_value = {28'd0, slot_sel};
            REG_SLOT_SEED:     read_value = rng_selected;
            REG_RESULT_SEL:    read_value = {27'd0, result_sel};
            REG_RESULT:        read_value = {7'd0, sel_done, 4'd0, result_slot, 3'd0, result_sel, 3'd0, sel_length};
            REG_RESULT_CYCLES: read_value = sel_cycles;
            default:           read_value = is_token ? {27'd0, sel_tokens_flat[5*token_index +: 5]} : BAD_READ;
        endcase
    end

    always @(posedge clk) begin
        avs_readdatavalid <= 1'b0;
        if (rst) begin
            err_address <= 1'b0;
            err_busy <= 1'b0;
            err_value <= 1'b0;
            max_steps <= 5'd16;
            greedy <= 1'b0;
            temperature <= 16'h0080;
            count <= 6'd1;
            slot_sel <= 4'd0;
            result_sel <= 5'd0;
        end else begin
            if (avs_read) begin
                avs_readdata <= read_value;
                avs_readdatavalid <= 1'b1;
                if (!readable) err_address <= 1'b1;
            end
            if (avs_write) begin
                if (!writable || avs_byteenable != 4'hF) err_address <= 1'b1;
                else if (seq_busy && !selector) err_busy <= 1'b1;
                else case (avs_address)
                    REG_CONTROL:
                        if (avs_writedata[1]) begin
                            err_address <= 1'b0;
                            err_busy <= 1'b0;
                            err_value <= 1'b0;
                        end
                    REG_CONFIG:
                        if (avs_writedata[4:0] == 5'd0 || avs_writedata[4:0] > 5'd16) err_value <= 1'b1;
                        else begin
                            max_steps <= avs_writedata[4:0];
                            greedy <= avs_writedata[8];
                            temperature <= avs_writedata[31:16];
                        end
                    REG_COUNT:
                        if (avs_writedata == 32'd0 || avs_writedata > RESULT_NAMES) err_value <= 1'b1;
                        else count <= avs_writedata[5:0];
                    REG_SLOT_SEL:
                        if (avs_writedata >= SLOTS) err_value <= 1'b1;
                        else slot_sel <= avs_writedata[3:0];
                    REG_RESULT_SEL:
                        if (avs_writedata >= RESULT_NAMES) err_value <= 1'b1;
                        else result_sel <= avs_writedata[4:0];
                    default: ;  // SEED, SLOT_SEED: seed_write above
                endcase
            end
        end
    end
endmodule
