# The figures of one module in a yosys `stat` report of a synth_intel_alm run
# (Cyclone V cells): the one place the project counts Cyclone V cells and packs
# LUTs into ALMs. rtl/synth/synth_component.sh uses it for the calibration
# figures, `microgpt-dse fpga --yosys` (platforms/de1soc/yosys_estimate.cpp)
# for a project's top level.
#
#   awk -v top=MODULE [-v format=csv -v point=P -v comp=C -v secs=S -v bits=B] -f yosys_stat.awk STAT
#
# top     the module whose "=== MODULE ===" block is read (the last one of that name)
# format  fields (default): "cell TYPE COUNT" for every cell row of the block, in
#         the stat's order, then "NAME VALUE" for aluts nots luts alms ffs dsp m10k mlab cells;
#         csv: point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,ok
#         (luts: ALUT cells, inverters not included; m10k_bits: B)
#
# ALMs: an ALUT6 fills an ALM; two ALUT2..5 (or inverters) share one; two
# arithmetic bits share one; never fewer than ceil(flip-flops / 4).
function reset() { n = 0; aluts = 0; l6 = 0; small = 0; ar = 0; nots = 0; ffs = 0; dsp = 0; m10k = 0; mlab = 0; cells = 0 }
BEGIN { reset(); intop = 0; incells = 0 }
/^=== / { intop = ($2 == top); incells = 0; if (intop) reset(); next }
!intop { next }
/Number of cells:/ { incells = 1; next }
incells && !/^ +[^ ]+ +[0-9]+ *$/ { incells = 0 }
!incells { next }
{
  type = $1; count = $2
  row_type[n] = type; row_count[n] = count; n++
  if (type ~ /^MISTRAL_ALUT/) {
    aluts += count
    if (type == "MISTRAL_ALUT6") l6 += count
    else if (type == "MISTRAL_ALUT_ARITH") ar += count
    else small += count
  }
  if (type == "MISTRAL_NOT") { nots += count; small += count }
  if (type == "MISTRAL_FF") ffs += count
  if (type ~ /^MISTRAL_MUL/ || type == "cyclonev_mac") dsp += count
  if (type == "MISTRAL_M10K" || type ~ /^\$__MGPT_M10K_ROM/) m10k += count
  if (type == "MISTRAL_MLAB") mlab += count
  # every cell yosys mapped, not the instances of black-boxed modules
  if (type ~ /^(MISTRAL_|\$__MGPT_|cyclonev_)/) cells += count
}
END {
  logic = l6 + int((small + 1) / 2) + int((ar + 1) / 2)
  regs = int((ffs + 3) / 4)
  alms = logic > regs ? logic : regs
  if (format == "csv") {
    printf "%s,%s,%d,%d,%d,%d,%d,%d,%d,%s,ok\n", point, comp, aluts, alms, ffs, dsp, mlab, bits, cells, secs
  } else {
    for (i = 0; i < n; i++) printf "cell %s %s\n", row_type[i], row_count[i]
    printf "aluts %d\nnots %d\nluts %d\nalms %d\nffs %d\ndsp %d\nm10k %d\nmlab %d\ncells %d\n",
           aluts, nots, aluts + nots, alms, ffs, dsp, m10k, mlab, cells
  }
}
