// Two-flop synchronizer of a slow level (a switch, or the reset request made
// of SW1 and the PLL's lock) into the core clock domain. Reset is synchronous
// throughout the design, so the reset request is synchronized like any level;
// INIT is the output before the first clock edges (power-up value).
module mgpt_sync #(
    parameter [0:0] INIT = 1'b0
) (
    input  wire clk,
    input  wire d,
    output wire q
);
    reg [1:0] stages = {INIT, INIT};
    always @(posedge clk) stages <= {stages[0], d};
    assign q = stages[1];
endmodule
