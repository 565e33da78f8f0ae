// The host register map (docs/FPGA.md "Register map"), word addresses: byte
// offset / 4 on the JTAG-to-Avalon master. Mirrored by
// platforms/de1soc/regmap.hpp (the co-simulation host and the System Console
// runner); tests/cli checks that the two agree.
localparam [7:0] REG_ID         = 8'h00;  // 0x00 RO 'MGPT'
localparam [7:0] REG_VERSION    = 8'h01;  // 0x04 RO register-map version
localparam [7:0] REG_CONTROL    = 8'h02;  // 0x08 WO bit0 start, bit1 clear
localparam [7:0] REG_CONFIG     = 8'h03;  // 0x0C RW [4:0] max steps, [8] greedy, [31:16] temperature Q8.8
localparam [7:0] REG_SEED       = 8'h04;  // 0x10 RW RNG state (carried across generations)
localparam [7:0] REG_STATUS     = 8'h05;  // 0x14 RO see STATUS bits
localparam [7:0] REG_BOS        = 8'h06;  // 0x18 RO the BOS token (26)
localparam [7:0] REG_CYCLES     = 8'h07;  // 0x1C RO core busy cycles of the generation
localparam [7:0] REG_CLOCK_HZ   = 8'h08;  // 0x20 RO core clock of the PLL setting, Hz
localparam [7:0] REG_DESIGN_TAG = 8'h09;  // 0x24 RO hash of the design point and ROMs
localparam [7:0] REG_TOKENS     = 8'h10;  // 0x40..0x7C RO token window, one token per word
localparam integer TOKEN_WINDOW = 16;

localparam [31:0] MGPT_ID = 32'h4D475054;       // "MGPT"
localparam [31:0] MGPT_VERSION = 32'h00010000;  // 1.0
localparam [31:0] BAD_READ = 32'hDEADBEEF;      // what an unmapped read returns
