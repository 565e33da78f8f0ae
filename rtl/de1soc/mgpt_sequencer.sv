// The generation sequencer: runs the host protocol of docs/NUMERICS.md against
// the core's SLOTS slots so that one `start` produces `count` names. Name i
// runs in slot i mod SLOTS (docs/SEQUENCES.md), each slot its names in order
// (i = s, s + SLOTS, ...). A name begins from BOS at position 0; each step
// feeds the previous output back at the next position; it ends when a step
// outputs BOS or after `max_steps` steps (16 = the context). Each slot's RNG
// state carries from step to step and from one of its names to the next (as
// golden::generate_slots and the TLM's slots do); `seed_write` replaces slot
// `seed_slot`'s while idle.
//
// Timing: every slot with a name starts at the same edge (when `enable` is
// high), and each next step of a slot is started in its DONE cycle, as the
// core allows (docs/MICROARCH.md "Slots"): the slots run back to back from one
// common start, as the TLM's slots run from its time 0. So
//   cycles       = cycles in which any slot is busy = the run's makespan
//                  (first start to last done) while SW0 stays high;
//   name cycles  = cycles its slot was busy on the name = the sum of its steps'
//                  latencies (waits for shared units included).
// With SW0 low no step is started; a slot whose step ends meanwhile waits idle
// (not counted) and starts when SW0 is high again.
//
// Results table (RESULT_NAMES entries, entry i = name i of the run; cleared by
// start and clear): length, done, tokens (BOS at and past length), cycles.
// Entry i is written only by slot i mod SLOTS, so the table needs no arbiter.
// The entry `result_sel` is shown on sel_* (the host's window and the display).
module mgpt_sequencer #(
    parameter integer SLOTS = 1,
    parameter integer RESULT_NAMES = 32,  // = mgpt_regmap.svh's RESULT_NAMES (mgpt_regs bounds COUNT by it)
    parameter integer SEED_RESET = 1  // RNG state of every slot after reset (the host writes its seeds)
) (
    input  wire                  clk,
    input  wire                  rst,
    input  wire                  enable,       // SW0: steps are started only while high
    // from the register block (pulses, accepted only while idle)
    input  wire                  start,
    input  wire                  clear,
    input  wire                  seed_write,
    input  wire [3:0]            seed_slot,
    input  wire [31:0]           seed_value,
    input  wire [4:0]            max_steps,    // 1..16 (the register block rejects other values)
    input  wire                  greedy,
    input  wire [15:0]           temperature,
    input  wire [5:0]            count,        // 1..RESULT_NAMES (the register block rejects other values)
    input  wire [3:0]            rng_sel,      // the slot rng_selected shows
    input  wire [4:0]            result_sel,   // the entry sel_* show
    // status
    output wire                  busy,
    output reg                   done,
    output wire [3:0]            position,     // slot 0's running (or last) step
    output reg  [31:0]           cycles,       // the run's makespan
    output wire [31:0]           rng0,         // slot 0's carried RNG state
    output wire [31:0]           rng_selected, // slot rng_sel's
    output wire [4:0]            sel_length,
    output wire                  sel_done,
    output wire [16*5-1:0]       sel_tokens_flat,
    output wire [31:0]           sel_cycles,
    output wire [4:0]            sel_last_token,  // BOS when the name has no token yet
    // to the core (one field per slot, docs/MICROARCH.md "Slots")
    output wire [SLOTS-1:0]      core_start,
    output wire [5*SLOTS-1:0]    core_token,
    output wire [4*SLOTS-1:0]    core_pos,
    output wire [32*SLOTS-1:0]   core_rng,
    output wire [SLOTS-1:0]      core_greedy,
    output wire [16*SLOTS-1:0]   core_temperature,
    input  wire [SLOTS-1:0]      core_busy,
    input  wire [SLOTS-1:0]      core_done,
    input  wire [5*SLOTS-1:0]    core_token_out,
    input  wire [32*SLOTS-1:0]   core_rng_out
);
    localparam [4:0] BOS = 5'd26;
    localparam [16*5-1:0] ALL_BOS = {16{BOS}};
    localparam [6:0] S7 = 7'(SLOTS);

    reg running;             // a run is in progress
    reg [4:0] limit;         // latched at start: a running run never sees a later change
    reg [5:0] total;
    reg greedy_r;
    reg [15:0] temp_r;
    // per slot, slot s's field at [W*s +: W]
    reg [SLOTS-1:0]    active;       // the slot has names left in this run
    reg [SLOTS-1:0]    pending;      // the slot's next step waits for enable (the slot is idle)
    reg [6*SLOTS-1:0]  name;         // the name it runs
    reg [4*SLOTS-1:0]  spos;         // the position of its running (or pending, or last) step
    reg [5*SLOTS-1:0]  stok;         // the token_in of its pending step
    reg [32*SLOTS-1:0] rng;          // its carried RNG state
    reg [32*SLOTS-1:0] name_cycles;  // cycles it has been busy on its current name
    // the results table, entry e at [W*e +: W]
    reg [80*RESULT_NAMES-1:0] r_tokens;
    reg [5*RESULT_NAMES-1:0]  r_length;
    reg [RESULT_NAMES-1:0]    r_done;
    reg [32*RESULT_NAMES-1:0] r_cycles;

    assign busy = running;
    assign position = spos[3:0];
    assign rng0 = rng[31:0];
    assign rng_selected = rng[32*rng_sel +: 32];
    assign sel_length = r_length[5*result_sel +: 5];
    assign sel_done = r_done[result_sel];
    assign sel_tokens_flat = r_tokens[80*result_sel +: 80];
    assign sel_cycles = r_cycles[32*result_sel +: 32];
    assign sel_last_token = sel_length == 5'd0 ? BOS : sel_tokens_flat[5*(sel_length - 5'd1) +: 5];

    // per slot, in its DONE cycle: does its name end, does it have another step, and which
    wire [SLOTS-1:0] ends, cont;
    wire [5*SLOTS-1:0] next_token;
    wire [4*SLOTS-1:0] next_pos;
    genvar gs;
    generate
        for (gs = 0; gs < SLOTS; gs = gs + 1) begin : slot_next
            wire [4:0] tok_out = core_token_out[5*gs +: 5];
            wire [3:0] p = spos[4*gs +: 4];
            assign ends[gs] = tok_out == BOS || {1'b0, p} + 5'd1 == limit;
            assign cont[gs] = core_done[gs] && (!ends[gs] || {1'b0, name[6*gs +: 6]} + S7 < {1'b0, total});
            assign next_token[5*gs +: 5] = ends[gs] ? BOS : tok_out;
            assign next_pos[4*gs +: 4] = ends[gs] ? 4'd0 : p + 4'd1;
            // a pending step, or the next one in the DONE cycle (back to back)
            assign core_start[gs] = enable && (pending[gs] || cont[gs]);
            assign core_token[5*gs +: 5] = core_done[gs] ? next_token[5*gs +: 5] : stok[5*gs +: 5];
            assign core_pos[4*gs +: 4] = core_done[gs] ? next_pos[4*gs +: 4] : p;
            assign core_rng[32*gs +: 32] = core_done[gs] ? core_rng_out[32*gs +: 32] : rng[32*gs +: 32];
            assign core_greedy[gs] = greedy_r;
            assign core_temperature[16*gs +: 16] = temp_r;
        end
    endgenerate

    integer s, e;
    always @(posedge clk) begin
        if (rst) begin
            running <= 1'b0;
            done <= 1'b0;
            cycles <= 32'd0;
            limit <= 5'd16;
            total <= 6'd1;
            greedy_r <= 1'b0;
            temp_r <= 16'h0080;
            active <= '0;
            pending <= '0;
            name <= '0;
            spos <= '0;
            stok <= {SLOTS{BOS}};
            rng <= {SLOTS{32'(SEED_RESET)}};
            name_cycles <= '0;
            r_tokens <= {RESULT_NAMES{ALL_BOS}};
            r_length <= '0;
            r_done <= '0;
            r_cycles <= '0;
        end else if (!running) begin
            if (seed_write) rng[32*seed_slot +: 32] <= seed_value;
            if (clear || start) begin
                done <= 1'b0;
                cycles <= 32'd0;
                r_tokens <= {RESULT_NAMES{ALL_BOS}};
                r_length <= '0;
                r_done <= '0;
                r_cycles <= '0;
            end
            if (start) begin
                running <= 1'b1;
                total <= count;
                limit <= max_steps;
                greedy_r <= greedy;
                temp_r <= temperature;
                for (s = 0; s < SLOTS; s = s + 1) begin
                    active[s] <= s < count;
                    pending[s] <= s < count;
                    name[6*s +: 6] <= 6'(s);
                    spos[4*s +: 4] <= 4'd0;
                    stok[5*s +: 5] <= BOS;
                    name_cycles[32*s +: 32] <= 32'd0;
                end
            end
        end else begin
            if (|core_busy) cycles <= cycles + 32'd1;
            if (active == '0) begin
                running <= 1'b0;
                done <= 1'b1;
            end
            for (s = 0; s < SLOTS; s = s + 1) begin
                if (core_start[s]) pending[s] <= 1'b0;
                if (core_done[s]) begin
                    rng[32*s +: 32] <= core_rng_out[32*s +: 32];
                    if (cont[s]) spos[4*s +: 4] <= next_pos[4*s +: 4];
                    if (!enable && cont[s]) begin
                        pending[s] <= 1'b1;
                        stok[5*s +: 5] <= next_token[5*s +: 5];
                    end
                    if (ends[s]) begin
                        name[6*s +: 6] <= name[6*s +: 6] + 6'(SLOTS);
                        name_cycles[32*s +: 32] <= 32'd0;
                        if (!cont[s]) active[s] <= 1'b0;
                    end else begin
                        name_cycles[32*s +: 32] <= name_cycles[32*s +: 32] + 32'd1;
                    end
                end else if (core_busy[s]) begin
                    name_cycles[32*s +: 32] <= name_cycles[32*s +: 32] + 32'd1;
                end
            end
            // entry e belongs to slot e mod SLOTS: written in that slot's DONE cycles of name e
            for (e = 0; e < RESULT_NAMES; e = e + 1) begin
                if (core_done[e % SLOTS] && name[6*(e % SLOTS) +: 6] == 6'(e)) begin
                    if (core_token_out[5*(e % SLOTS) +: 5] != BOS) begin
                        r_tokens[80*e + 5*r_length[5*e +: 5] +: 5] <= core_token_out[5*(e % SLOTS) +: 5];
                        r_length[5*e +: 5] <= r_length[5*e +: 5] + 5'd1;
                    end
                    if (ends[e % SLOTS]) begin
                        r_done[e] <= 1'b1;
                        r_cycles[32*e +: 32] <= name_cycles[32*(e % SLOTS) +: 32] + 32'd1;  // its DONE cycle
                    end
                end
            end
        end
    end
endmodule
