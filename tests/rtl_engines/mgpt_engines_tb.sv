// The RMS engine and the attention divider at every legal radix (1, 2, 4),
// side by side on the same inputs, for the C++ harness test_engines.cpp.
// Yosys-free, Verilator only.
module mgpt_engines_tb (
    input  wire               clk,
    input  wire               rst,
    input  wire               start,
    input  wire        [63:0] sumsq,
    input  wire signed [63:0] numerator,
    input  wire        [31:0] denominator,
    output wire        [2:0]  rms_done,
    output wire        [47:0] rms_scale,
    output wire        [2:0]  rms_early,
    output wire        [2:0]  div_done,
    output wire        [47:0] div_quotient
);
    genvar i;
    generate
        for (i = 0; i < 3; i = i + 1) begin : radix
            mgpt_rms_engine #(1 << i) rms (clk, rst, start, sumsq, rms_done[i], rms_scale[16*i +: 16], rms_early[i]);
            mgpt_divider #(1 << i) div (clk, rst, start, numerator, denominator, div_done[i], div_quotient[16*i +: 16]);
        end
    endgenerate
endmodule
