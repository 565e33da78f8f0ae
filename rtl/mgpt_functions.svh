// Q4.12 helpers shared by the core's modules (included inside modules; yosys
// 0.23 accepts neither package imports in module headers nor `return`).

function automatic signed [15:0] sat16(input signed [63:0] v);
    if (v < -64'sd32768) sat16 = -16'sd32768;
    else if (v > 64'sd32767) sat16 = 16'sd32767;
    else sat16 = v[15:0];
endfunction

// sat16 of a value whose 32 bits hold it: in range when bits 31..15 agree
// (two LUT levels, where sat16's 64-bit compares are carry chains)
function automatic signed [15:0] sat16_of32(input signed [31:0] v);
    if (&v[31:15] || ~|v[31:15]) sat16_of32 = v[15:0];
    else sat16_of32 = v[31] ? -16'sd32768 : 16'sd32767;
endfunction

function automatic signed [15:0] mulq(input signed [15:0] a, input signed [15:0] b);
    reg signed [31:0] p;
    begin
        p = a * b;
        mulq = sat16($signed({{32{p[31]}}, p}) >>> 12);
    end
endfunction

// (x*x) >> 12, the sum-of-squares term
function automatic [63:0] sq12(input signed [15:0] a);
    reg signed [31:0] p;
    begin
        p = a * a;
        sq12 = {32'd0, p} >> 12;
    end
endfunction

function automatic [31:0] exp_lut(input [31:0] i);
    case (i)
        0: exp_lut = 4096;  1: exp_lut = 3189;  2: exp_lut = 2484;  3: exp_lut = 1935;
        4: exp_lut = 1507;  5: exp_lut = 1174;  6: exp_lut = 914;   7: exp_lut = 712;
        8: exp_lut = 555;   9: exp_lut = 432;   10: exp_lut = 337;  11: exp_lut = 262;
        12: exp_lut = 204;  13: exp_lut = 159;  14: exp_lut = 124;  15: exp_lut = 97;
        16: exp_lut = 75;   17: exp_lut = 59;   18: exp_lut = 46;   19: exp_lut = 36;
        20: exp_lut = 28;   21: exp_lut = 22;   22: exp_lut = 17;   23: exp_lut = 13;
        24: exp_lut = 10;   25: exp_lut = 8;    26: exp_lut = 6;    27: exp_lut = 5;
        28: exp_lut = 4;    29: exp_lut = 3;    30: exp_lut = 2;    default: exp_lut = 1;
    endcase
endfunction

// Attention weight of d = score - max (d <= 0); REF = 1 wraps the 6-bit index.
function automatic [31:0] attn_exp(input signed [31:0] d, input ref_profile);
    reg [31:0] idx;
    begin
        if (d >= 0) attn_exp = 4096;
        else begin
            idx = (-d + 511) >> 10;
            if (ref_profile) idx = idx & 32'd63;
            else if (idx > 63) idx = 63;
            attn_exp = exp_lut(idx);
        end
    end
endfunction

function automatic [31:0] xorshift32(input [31:0] x0);
    reg [31:0] x;
    begin
        x = x0 ^ (x0 << 13);
        x = x ^ (x >> 17);
        xorshift32 = x ^ (x << 5);
    end
endfunction

// The sampler's weight of one vocabulary entry (docs/NUMERICS.md step 2), in the
// parts both samplers pipeline (difference, table lookups, interpolation): the
// parallel one for all entries at once, the sequential one entry every 3 cycles.
// Part 1: the temperature-scaled difference to the top logit -> {d >= 0, table position fine[7:0]}.
function automatic [8:0] sampler_fine(input signed [15:0] logit, input signed [15:0] top,
                                      input [15:0] temperature, input ref_profile);
    reg signed [31:0] d;
    reg [31:0] fine;
    begin
        d = logit - top;
        if (temperature <= 128) d = d * 2;
        else if (temperature > 512) d = d >>> 2;
        else if (temperature > 256) d = d >>> 1;
        if (d >= 0) sampler_fine = 9'h100;
        else begin
            fine = (-d + 127) >> 8;
            if (ref_profile) fine = fine & 32'd255;  // the reference wraps the index
            else if (fine > 255) fine = 255;
            sampler_fine = {1'b0, fine[7:0]};
        end
    end
endfunction

// Part 2 (the second table index): c1 = c + 1, wrapped or clamped to the 64-entry table.
function automatic [5:0] sampler_c1(input [7:0] fine, input ref_profile);
    reg [6:0] c1;
    begin
        c1 = {1'b0, fine[7:2]} + 7'd1;
        if (ref_profile || c1 < 64) sampler_c1 = c1[5:0];
        else sampler_c1 = 6'd63;
    end
endfunction

// Part 3: w0 - ((w0 - w1) * f) / 4 in 32-bit unsigned arithmetic (f is two bits:
// shifts and adds, no multiplier), never 0.
function automatic [31:0] sampler_interp(input [31:0] w0, input [31:0] w1, input [1:0] f);
    reg [31:0] diff, prod, w;
    begin
        diff = w0 - w1;
        prod = (f[1] ? diff << 1 : 32'd0) + (f[0] ? diff : 32'd0);
        w = w0 - (prod >> 2);
        sampler_interp = (w == 0) ? 32'd1 : w;
    end
endfunction

// One step of restoring division or square root, the one copy used by the
// attention divider and both halves of the RMS engine: the trial is subtracted
// from the remainder (with the next dividend or radicand bits already shifted
// in) when it fits, and the step's result bit is 1 if it fit. The callers size
// r and trial from the arithmetic (docs/MICROARCH.md, "Engine widths"): 33 bits
// for a division by a 32-bit divisor, 35 for a square root with a 32-bit root;
// the unused top bits are constant 0 and synthesis drops them.
// Returns {result bit, remainder[34:0]}.
function automatic [35:0] restoring_step(input [34:0] r, input [34:0] trial);
    if (r >= trial) restoring_step = {1'b1, r - trial};
    else restoring_step = {1'b0, r};
endfunction
