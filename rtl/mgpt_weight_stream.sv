// One weight matrix in read order (docs/MICROARCH.md "M10K mapping"): WPS
// 32-bit words per streamed step, two Q4.12 weights per word, low half first.
//
// M10K = 0: a logic ROM, every word of the step readable in the same cycle
//           (combinational), file <ROM_PREFIX>.hex. ROM_STEP = 0 (rom_layout =
//           matrix, the reference's structure): word i of the step is read at
//           w0 + i, an adder in front of a ROM of the whole matrix per word.
//           ROM_STEP = 1 (rom_layout = step): one ROM of whole steps (file
//           <ROM_PREFIX>_steps.hex), indexed by `step` (w0 = step * WPS): every
//           bit WORDS / WPS deep, no address arithmetic in front of it.
// M10K = 1: BANKS synchronous-read banks of PORTS read ports; word w lives in
//           bank w % BANKS at address w / BANKS, file <ROM_PREFIX>_bNN.hex per
//           bank. A step takes BEATS issue cycles: in beat t each bank's port q
//           reads the (t*PORTS+q)-th of its words in the step (lowest first). The
//           whole step is on `step_words` in the cycle after its last beat
//           (earlier beats from a buffer, the last one straight from the banks).
module mgpt_weight_stream #(
    parameter integer M10K = 0,
    parameter integer BANKS = 1,
    parameter integer PORTS = 1,
    parameter integer WPS = 8,      // words per step
    parameter integer WORDS = 256,  // words of the whole matrix
    parameter ROM_PREFIX = "rom/attn_wq",
    parameter integer ROM_STEP = 0   // logic ROMs: 1 = one ROM of whole steps, indexed by `step`
) (
    input  wire              clk,
    input  wire              issue,  // issue beat `beat` of the step whose first word is `w0`
    input  wire [19:0]       w0,
    input  wire [19:0]       step,   // that step's index: w0 = step * WPS
    input  wire [7:0]        beat,
    output wire [WPS*32-1:0] step_words
);
    generate
        if (M10K == 0 && ROM_STEP == 0) begin : logic_rom
            reg [31:0] rom [0:WORDS-1];
            initial $readmemh({ROM_PREFIX, ".hex"}, rom);
            genvar i;
            for (i = 0; i < WPS; i = i + 1) begin : word
                wire [19:0] addr = w0 + i;
                assign step_words[i*32 +: 32] = rom[addr[$clog2(WORDS+1)-1:0]];
            end
            wire unused_ok = &{1'b0, clk, issue, beat, step};
        end else if (M10K == 0) begin : step_rom
            // One memory of whole steps (file <ROM_PREFIX>_steps.hex, one step
            // per line, word i in bits 32i..32i+31): each output bit is a ROM
            // over the steps only, addressed by the step counter.
            localparam integer STEPS = WORDS / WPS;
            localparam integer SW = STEPS > 1 ? $clog2(STEPS) : 1;
            reg [WPS*32-1:0] rom [0:STEPS-1];
            initial $readmemh({ROM_PREFIX, "_steps.hex"}, rom);
            if (STEPS > 1) begin : indexed
                assign step_words = rom[step[SW-1:0]];
            end else begin : single
                assign step_words = rom[0];
            end
            wire unused_ok = &{1'b0, clk, issue, beat, w0, step};
        end else begin : m10k_rom
            localparam integer DEPTH = (WORDS + BANKS - 1) / BANKS;
            localparam integer AW = DEPTH > 1 ? $clog2(DEPTH) : 1;
            localparam integer BW = BANKS > 1 ? $clog2(BANKS) : 1;
            // The last beat's data comes straight from the banks; earlier beats from here.
            reg [31:0] buffer [0:WPS-1];
            reg        valid_q;
            reg [19:0] w0_q;
            reg [7:0]  beat_q;
            always @(posedge clk) begin
                valid_q <= issue;
                w0_q <= w0;
                beat_q <= beat;
            end
            wire [31:0] rdata [0:BANKS*PORTS-1];
            wire unused_ok = &{1'b0, step};
            genvar b, q, i;
            for (b = 0; b < BANKS; b = b + 1) begin : bank
                localparam integer TENS = 48 + b / 10;
                localparam integer ONES = 48 + b % 10;
                localparam [15:0] DIGITS = {TENS[7:0], ONES[7:0]};
                reg [31:0] mem [0:DEPTH-1];
                initial $readmemh({ROM_PREFIX, "_b", DIGITS, ".hex"}, mem);
                // first word of this step that lives in bank b
                wire [19:0] first = w0 + ((b[19:0] - w0) & (BANKS[19:0] - 20'd1));
                for (q = 0; q < PORTS; q = q + 1) begin : port
                    wire [19:0] word = first + (({12'd0, beat} * PORTS[19:0]) + q[19:0]) * BANKS[19:0];
                    wire [19:0] addr = word / BANKS[19:0];
                    reg  [31:0] data;
                    always @(posedge clk) if (issue) data <= mem[addr[AW-1:0]];
                    assign rdata[b*PORTS+q] = data;
                end
            end
            // Route each word of the step to its slot: word i of the step is in
            // bank (w0+i) % BANKS, rank k = (i - offset of that bank) / BANKS,
            // beat k / PORTS, port k % PORTS.
            for (i = 0; i < WPS; i = i + 1) begin : slot
                wire [19:0] w = w0_q + i;
                wire [19:0] bk20 = w & (BANKS[19:0] - 20'd1);
                wire [BW-1:0] bk = bk20[BW-1:0];
                wire [19:0] first_b = w0_q + ((bk20 - w0_q) & (BANKS[19:0] - 20'd1));
                wire [19:0] rank = (w - first_b) / BANKS[19:0];
                wire [7:0]  wbeat = rank[7:0] / PORTS[7:0];
                wire [7:0]  wport = rank[7:0] % PORTS[7:0];
                wire [31:0] now = rdata[bk * PORTS + wport];
                always @(posedge clk) if (valid_q && wbeat == beat_q) buffer[i] <= now;
                assign step_words[i*32 +: 32] = (valid_q && wbeat == beat_q) ? now : buffer[i];
            end
        end
    endgenerate
endmodule
