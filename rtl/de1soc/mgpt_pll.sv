// The core clock: the PLL model's setting (arch/pll.cpp) for the design's
// pll_mhz, f = 50 MHz * M / (N * C).
//
// Quartus (`QUARTUS defined): Intel's fractional PLL primitive `altera_pll` in
// integer mode, the module Quartus's own PLL IP wrapper instantiates, so no IP
// has to be generated for it. It takes the output frequency as a string, which
// `microgpt-dse fpga` writes into mgpt_pll_freq.svh (localparam OUT_FREQ, six
// decimals, as the IP editor writes it) from the same M, N, C. Quartus picks
// its own counters for that frequency (the model only decides reachability);
// the fit report's PLL summary shows them.
//
// Simulation (otherwise): a pass-through. outclk is refclk and `locked` rises
// LOCK_CYCLES reference cycles after reset. Assumption, documented in
// docs/FPGA.md: the testbench drives CLOCK_50 at the PLL's output frequency,
// so simulated time is board time in the core domain; cycle counts, what the
// tests compare, do not depend on the clock at all.
module mgpt_pll #(
    parameter integer PLL_M = 45,
    parameter integer PLL_N = 2,
    parameter integer PLL_C = 20,
    parameter integer LOCK_CYCLES = 8
) (
    input  wire refclk,  // CLOCK_50
    input  wire rst,
    output wire outclk,
    output wire locked
);
`ifdef QUARTUS
    `include "mgpt_pll_freq.svh"
    altera_pll #(
        .fractional_vco_multiplier("false"),
        .reference_clock_frequency("50.0 MHz"),
        .operation_mode("direct"),
        .number_of_clocks(1),
        .output_clock_frequency0(OUT_FREQ),
        .phase_shift0("0 ps"),
        .duty_cycle0(50),
        .pll_type("General"),
        .pll_subtype("General")
    ) altera_pll_i (
        .refclk(refclk),
        .rst(rst),
        .outclk(outclk),
        .locked(locked),
        .fboutclk(),
        .fbclk(1'b0)
    );
`else
    reg [7:0] lock_count = 8'd0;  // power-up value: the board ties rst low
    always @(posedge refclk) begin
        if (rst) lock_count <= 8'd0;
        else if (lock_count != LOCK_CYCLES[7:0]) lock_count <= lock_count + 8'd1;
    end
    assign outclk = refclk;
    assign locked = lock_count == LOCK_CYCLES[7:0];
    // M, N and C shape the Quartus instance only
    localparam integer unused_setting = PLL_M + PLL_N + PLL_C;
`endif
endmodule
