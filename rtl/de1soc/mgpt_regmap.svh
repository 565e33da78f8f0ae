// The host register map 2.0 (docs/FPGA.md "Register map"), word addresses: byte
// offset / 4 on the JTAG-to-Avalon master. Mirrored by
// platforms/de1soc/regmap.hpp (the co-simulation host and the System Console
// runner); tests/cli checks that the two agree. 1.0's registers keep their
// addresses and, with COUNT = 1 and RESULT_SEL = 0 (their reset values), their
// meaning: a start runs one name in slot 0.
localparam [7:0] REG_ID            = 8'h00;  // 0x00 RO 'MGPT'
localparam [7:0] REG_VERSION       = 8'h01;  // 0x04 RO register-map version
localparam [7:0] REG_CONTROL       = 8'h02;  // 0x08 WO bit0 start, bit1 clear
localparam [7:0] REG_CONFIG        = 8'h03;  // 0x0C RW [4:0] max steps, [8] greedy, [31:16] temperature Q8.8
localparam [7:0] REG_SEED          = 8'h04;  // 0x10 RW slot 0's RNG state (carried across names)
localparam [7:0] REG_STATUS        = 8'h05;  // 0x14 RO see STATUS bits
localparam [7:0] REG_BOS           = 8'h06;  // 0x18 RO the BOS token (26)
localparam [7:0] REG_CYCLES        = 8'h07;  // 0x1C RO the run's makespan: cycles in which any slot is busy
localparam [7:0] REG_CLOCK_HZ      = 8'h08;  // 0x20 RO core clock of the PLL setting, Hz
localparam [7:0] REG_DESIGN_TAG    = 8'h09;  // 0x24 RO hash of the design point and ROMs
localparam [7:0] REG_SLOTS         = 8'h0A;  // 0x28 RO [4:0] slots S of the core, [15:8] RESULT_NAMES
localparam [7:0] REG_COUNT         = 8'h0B;  // 0x2C RW names a start runs, 1..RESULT_NAMES (reset 1)
localparam [7:0] REG_SLOT_SEL      = 8'h0C;  // 0x30 RW [3:0] the slot SLOT_SEED reads and writes, 0..S-1
localparam [7:0] REG_SLOT_SEED     = 8'h0D;  // 0x34 RW RNG state of slot SLOT_SEL
localparam [7:0] REG_RESULT_SEL    = 8'h0E;  // 0x38 RW [4:0] the name RESULT, RESULT_CYCLES, TOKENS show
localparam [7:0] REG_RESULT        = 8'h0F;  // 0x3C RO [4:0] length, [15:8] name, [19:16] slot, [24] done
localparam [7:0] REG_TOKENS        = 8'h10;  // 0x40..0x7C RO tokens of name RESULT_SEL, one per word
localparam [7:0] REG_RESULT_CYCLES = 8'h20;  // 0x80 RO cycles its slot was busy on name RESULT_SEL
localparam integer TOKEN_WINDOW = 16;
localparam integer RESULT_NAMES = 32;        // names one start can run (the results table)

localparam [31:0] MGPT_ID = 32'h4D475054;       // "MGPT"
localparam [31:0] MGPT_VERSION = 32'h00020000;  // 2.0
localparam [31:0] BAD_READ = 32'hDEADBEEF;      // what an unmapped read returns
