// CORES replicas of the MicroGPT core (design key `cores`, docs/SEQUENCES.md):
// each an rtl/mgpt_core.sv with its own SLOTS slots, units, arbiter, KV
// caches and weight memories. The cores never interact: each core's units
// serve only its own slots, so each core's schedule is its own slots'
// schedule (docs/SCHEDULING.md).
//
// Ports: those of mgpt_core for the CORES x SLOTS global slots, global slot
// g = k*SLOTS + s being slot s of core k: bits [W*g +: W] of each per-slot
// port (start, done, busy and every step input and result) are core k's
// bits [W*s +: W]. With CORES = 1 this is mgpt_core, port for port.
// unit_slot has one 30-bit field per core (core k's at [30*k +: 30]), each
// mgpt_core's {held, slot} per unit with the core's own slot index.
//
// Weights: every core has its own weight ROMs. Logic ROMs are replicated, as
// the explorer's resource model counts them; M10K banks are replicated too
// (each core's mgpt_weight_stream instances hold their banks privately), while
// the explorer's model counts a pair of cores sharing each bank through the
// two ports of a true dual-port block (rtl/README.md "Several cores").
module mgpt_cores #(
    parameter integer CORES = 2,            // cores: core replicas (1, 2, 4, 8)
    parameter integer LANES = 16,
    parameter integer COLS = 1,
    parameter integer WEIGHT_M10K = 0,
    parameter integer BANKS = 1,
    parameter integer PORTS = 1,
    parameter integer KV_M10K = 0,
    parameter integer VLANES = 1,
    parameter integer NORM_RADIX = 1,
    parameter integer DIVIDERS = 4,
    parameter integer DIV_RADIX = 1,
    parameter integer SAMPLER_PARALLEL = 0,
    parameter integer ARGMAX_TREE = 0,
    parameter integer PIPELINE = 0,
    parameter integer REF_PROFILE = 0,
    parameter integer SLOTS = 1,            // sequences: slots per core
    parameter integer SCHED_RR = 0,
    parameter integer SLOT_MLAB = 0,
    parameter ROM_DIR = "rom",
    parameter integer ROM_STEP = 0
) (
    input  wire                          clk,
    input  wire                          rst,
    input  wire [SLOTS*CORES-1:0]        start,
    input  wire [5*SLOTS*CORES-1:0]      token_in,
    input  wire [4*SLOTS*CORES-1:0]      pos,
    input  wire [32*SLOTS*CORES-1:0]     rng_in,
    input  wire [SLOTS*CORES-1:0]        greedy,
    input  wire [16*SLOTS*CORES-1:0]     temperature,
    output wire [SLOTS*CORES-1:0]        busy,
    output wire [SLOTS*CORES-1:0]        done,
    output wire [5*SLOTS*CORES-1:0]      stage,
    output wire [5*SLOTS*CORES-1:0]      token_out,
    output wire [32*SLOTS*CORES-1:0]     rng_out,
    output wire [27*16*SLOTS*CORES-1:0] logits_flat,
    output wire [6*5*CORES-1:0]          unit_slot
);
    // Core k's slots are a contiguous range of every per-slot port, so each
    // port splits into CORES equal parts.
    genvar k;
    generate
        for (k = 0; k < CORES; k = k + 1) begin : core
            mgpt_core #(
                .LANES(LANES), .COLS(COLS), .WEIGHT_M10K(WEIGHT_M10K), .BANKS(BANKS), .PORTS(PORTS),
                .KV_M10K(KV_M10K), .VLANES(VLANES), .NORM_RADIX(NORM_RADIX), .DIVIDERS(DIVIDERS),
                .DIV_RADIX(DIV_RADIX), .SAMPLER_PARALLEL(SAMPLER_PARALLEL), .ARGMAX_TREE(ARGMAX_TREE),
                .PIPELINE(PIPELINE), .REF_PROFILE(REF_PROFILE), .SLOTS(SLOTS), .SCHED_RR(SCHED_RR),
                .SLOT_MLAB(SLOT_MLAB), .ROM_DIR(ROM_DIR), .ROM_STEP(ROM_STEP)
            ) u_core (
                .clk(clk),
                .rst(rst),
                .start(start[SLOTS*k +: SLOTS]),
                .token_in(token_in[5*SLOTS*k +: 5*SLOTS]),
                .pos(pos[4*SLOTS*k +: 4*SLOTS]),
                .rng_in(rng_in[32*SLOTS*k +: 32*SLOTS]),
                .greedy(greedy[SLOTS*k +: SLOTS]),
                .temperature(temperature[16*SLOTS*k +: 16*SLOTS]),
                .busy(busy[SLOTS*k +: SLOTS]),
                .done(done[SLOTS*k +: SLOTS]),
                .stage(stage[5*SLOTS*k +: 5*SLOTS]),
                .token_out(token_out[5*SLOTS*k +: 5*SLOTS]),
                .rng_out(rng_out[32*SLOTS*k +: 32*SLOTS]),
                .logits_flat(logits_flat[432*SLOTS*k +: 432*SLOTS]),
                .unit_slot(unit_slot[30*k +: 30])
            );
        end
    endgenerate
endmodule
