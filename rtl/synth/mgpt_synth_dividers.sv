// Synthesis-only wrapper (yosys calibration, rtl/synth/): the core's bank of
// N attention dividers as mgpt_core instantiates them. All dividers start
// together; their denominators are shared the way the core shares them
// (numerator index = 4*head + channel, denominator = that head's): one
// denominator per batch for N <= 4, one per head (4) for N = 16, so that yosys
// may merge the same duplicate divisor registers it merges in the core.
module mgpt_synth_dividers #(
    parameter integer N = 4,
    parameter integer RADIX = 1
) (
    input  wire              clk,
    input  wire              rst,
    input  wire              start,
    input  wire [64*N-1:0]   numerators,
    input  wire [32*(N >= 16 ? 4 : 1)-1:0] denominators,
    output wire [N-1:0]      done,
    output wire [16*N-1:0]   quotients
);
    genvar g;
    generate
        for (g = 0; g < N; g = g + 1) begin : divider
            localparam integer DEN = N >= 16 ? g / 4 : 0;
            mgpt_divider #(RADIX) d (clk, rst, start, numerators[64*g +: 64], denominators[32*DEN +: 32],
                                     done[g], quotients[16*g +: 16]);
        end
    endgenerate
endmodule
