// Board status on LEDs and seven-segment displays.
//
// HEX5..HEX0 show the last six letters of the current name, read left to
// right, HEX0 the newest (blank where the name is shorter). The DE1-SoC's
// segments are active low; bit 0 = segment a (top) ... bit 6 = g (middle).
// LEDR: 0 busy, 1 done, 2 error, 3 PLL locked, 4 enable (SW0), 9:5 last token.
module mgpt_display (
    input  wire            clk,
    input  wire [16*5-1:0] tokens_flat,
    input  wire [4:0]      length,
    input  wire [4:0]      last_token,
    input  wire            busy,
    input  wire            done,
    input  wire            error,
    input  wire            locked,
    input  wire            enabled,
    output reg  [9:0]      ledr,
    output reg  [6*7-1:0]  hex_flat  // HEXi at [7*i +: 7]
);
    // Letters a..z in seven segments (the usual mixed-case approximations:
    // some letters, k m w x, have no good shape); anything else is blank.
    function automatic [6:0] segments(input [4:0] token);
        case (token)
            5'd0:  segments = 7'h77;  5'd1:  segments = 7'h7C;  5'd2:  segments = 7'h39;  // A b C
            5'd3:  segments = 7'h5E;  5'd4:  segments = 7'h79;  5'd5:  segments = 7'h71;  // d E F
            5'd6:  segments = 7'h3D;  5'd7:  segments = 7'h74;  5'd8:  segments = 7'h30;  // G h I
            5'd9:  segments = 7'h1E;  5'd10: segments = 7'h75;  5'd11: segments = 7'h38;  // J k L
            5'd12: segments = 7'h15;  5'd13: segments = 7'h54;  5'd14: segments = 7'h5C;  // m n o
            5'd15: segments = 7'h73;  5'd16: segments = 7'h67;  5'd17: segments = 7'h50;  // P q r
            5'd18: segments = 7'h6D;  5'd19: segments = 7'h78;  5'd20: segments = 7'h3E;  // S t U
            5'd21: segments = 7'h1C;  5'd22: segments = 7'h2A;  5'd23: segments = 7'h76;  // v w x
            5'd24: segments = 7'h6E;  5'd25: segments = 7'h5B;                            // y Z
            default: segments = 7'h00;
        endcase
    endfunction

    integer d;
    reg [4:0] index;
    // registered: the outputs drive pins, and the token window changes at most once per step
    always @(posedge clk) begin
        for (d = 0; d < 6; d = d + 1) begin
            index = length - 5'd1 - d[4:0];  // the token HEXd shows
            hex_flat[7*d +: 7] <= ~(d < length ? segments(tokens_flat[5*index +: 5]) : 7'h00);
        end
        ledr <= {last_token, enabled, locked, error, done, busy};
    end
endmodule
