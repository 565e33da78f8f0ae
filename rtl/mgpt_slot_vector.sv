// One activation vector of every slot (docs/MICROARCH.md "Slot memory"):
// ELEMS elements of 16 bits per slot, written by one unit (any subset of the
// elements at one edge, all of its holder's slot `wslot`) and read whole, with
// no latency, by READS units at their own holders' slots (`rslot`, SW bits
// per reader). MLAB = 0 keeps every slot's elements in registers behind an
// S:1 select per reader (the core's per-slot registers); MLAB = 1 keeps each
// element of all slots in one slot-addressed memory with an asynchronous read
// (a Cyclone V MLAB: 32 words of up to 20 bits, so one per element and reader
// for up to 32 slots), whose size no longer grows with the slot count. Both
// return the same values in every cycle.
module mgpt_slot_vector #(
    parameter integer ELEMS = 16,
    parameter integer SLOTS = 1,
    parameter integer READS = 1,
    parameter integer MLAB = 0,
    parameter integer SW = 1  // slot index bits: $clog2(SLOTS), at least 1
) (
    input  wire                     clk,
    input  wire [ELEMS-1:0]         we,     // element e is written at this edge
    input  wire [SW-1:0]            wslot,
    input  wire [16*ELEMS-1:0]      wdata,
    input  wire [SW*READS-1:0]      rslot,
    output wire [16*ELEMS*READS-1:0] rdata
);
    genvar ge, gr;
    generate
        if (MLAB == 0 || SLOTS == 1) begin : slot_registers
            reg [16*ELEMS*SLOTS-1:0] r;
            integer s, e;
            always @(posedge clk)
                for (s = 0; s < SLOTS; s = s + 1)
                    for (e = 0; e < ELEMS; e = e + 1)
                        if (we[e] && (SLOTS == 1 || wslot == s)) r[16*(ELEMS*s + e) +: 16] <= wdata[16*e +: 16];
            for (gr = 0; gr < READS; gr = gr + 1) begin : reader
                assign rdata[16*ELEMS*gr +: 16*ELEMS] =
                    SLOTS == 1 ? r[16*ELEMS-1:0] : r[16*ELEMS*rslot[SW*gr +: SW] +: 16*ELEMS];
            end
        end else begin : slot_memory
            for (ge = 0; ge < ELEMS; ge = ge + 1) begin : element
                // Quartus: an MLAB (no read-during-write check: a unit never reads
                // the element its slot's writer writes at the same edge)
                (* ramstyle = "MLAB, no_rw_check" *) reg [15:0] m [0:SLOTS-1];
                always @(posedge clk)
                    if (we[ge]) m[wslot] <= wdata[16*ge +: 16];
                for (gr = 0; gr < READS; gr = gr + 1) begin : reader
                    assign rdata[16*(ELEMS*gr + ge) +: 16] = m[rslot[SW*gr +: SW]];
                end
            end
        end
    endgenerate
endmodule
