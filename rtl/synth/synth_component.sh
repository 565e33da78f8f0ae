#!/usr/bin/env bash
# Synthesize one component of the MicroGPT core for one design point with
# yosys 0.23 (`synth_intel_alm -family cyclonev`) and print its figures as one
# CSV row: point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,status
# rtl/synth/README.md says what each component covers and how to read the figures.
#
# usage: synth_component.sh --component NAME --out DIR [--design FILE] [--set key=value ...]
#                           [--point NAME] [--roms DIR] [--timeout SECONDS] [--bin PATH] [--keep-log] [--stock]
#
#   --component  tile | weight_stream | core | rms_engine | divider | sampler | full
#   --out        work directory: <component>.ys, <component>_top.sv, .stat, .csv, .log.gz
#   --design, --set   the design point, as for `microgpt-dse roms` (default: the baseline)
#   --point      short name for the CSV (default: the design file's basename)
#   --roms       reuse the ROM directory `microgpt-dse roms` wrote for this same point
#                (default: write one into DIR/roms)
#   --timeout    wall-clock limit of the yosys run in seconds (default 1200): status "timeout"
#   --bin        microgpt-dse binary (default: $MGPT_BIN, else <repo>/build/microgpt-dse)
#   --keep-log   keep the full yosys log uncompressed (default: gzip it)
#   --stock      run synth_intel_alm's script unchanged (default: without its `autoname`
#                pass, which only renames wires but is slow on large netlists)
#   --abc-fast   map with `abc9 -fast` (ABC's shorter script): a way around ABC 0.23's
#                Dar_ManRefactor assertion, which aborts the full script on some cores
#   --timing     also the structural critical path: synthesize with -noclkbuf (the clock
#                buffer has no timing arcs), write the mapped netlist before synth_intel_alm's
#                `check:` step (which drops the cells' delays) to DIR/<component>.json and run
#                mgpt-sta on it: DIR/<component>.timing.txt and one row in DIR/<component>.timing.csv
#                (point,component,reg_ns,any_ns,launch_ns,through_ns,start,end,lut_levels,
#                carry_chains,multipliers,memory_reads,blackbox,status); inputs arrive as from registers
#   --sta PATH   mgpt-sta (default: $MGPT_STA, else <repo>/build/mgpt-sta)
#   --blackbox-delay LAUNCH:THROUGH   --timing: the blackboxed weight streams' timing, from the
#                weight_stream component's own run: its clock-to-output and input-to-output delays
#                in ns ('-' for none; required for tile and core)
#   --engine-launch "MODULE=NS ..."   --timing of core: the blackboxed engines' outputs launch NS
#                after the clock and have no path from their inputs (their outputs are registers,
#                the divider's quotient a negation after one); take NS from each engine's own
#                timing row (launch_ns). MODULE: tile (also the pipelined tile), rms_engine,
#                divider, sampler. An engine left out is timed like a weight stream
#                (--blackbox-delay), which puts false input-to-output paths through it.
#
# Exit status: 0 when yosys completed (status ok), 3 on timeout, 1 on any other failure.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rtl=$(dirname "$here")
repo=$(dirname "$rtl")
bin=${MGPT_BIN:-$repo/build/microgpt-dse}
component=""; out=""; design=""; point=""; roms=""; limit=1200; keep_log=0; stock=0; timing=0; abc_fast=""
sta=${MGPT_STA:-$repo/build/mgpt-sta}; bb_delay=""; engine_launch=""
sets=()
die() { echo "synth_component.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --component) component=${2:-}; shift 2 || die "--component needs a value" ;;
    --out) out=${2:-}; shift 2 || die "--out needs a value" ;;
    --design) design=${2:-}; shift 2 || die "--design needs a value" ;;
    --set) sets+=(--set "${2:-}"); shift 2 || die "--set needs a value" ;;
    --point) point=${2:-}; shift 2 || die "--point needs a value" ;;
    --roms) roms=${2:-}; shift 2 || die "--roms needs a value" ;;
    --timeout) limit=${2:-}; shift 2 || die "--timeout needs a value" ;;
    --bin) bin=${2:-}; shift 2 || die "--bin needs a value" ;;
    --keep-log) keep_log=1; shift ;;
    --stock) stock=1; shift ;;
    --abc-fast) abc_fast="-fast "; shift ;;
    --timing) timing=1; shift ;;
    --sta) sta=${2:-}; shift 2 || die "--sta needs a value" ;;
    --blackbox-delay) bb_delay=${2:-}; shift 2 || die "--blackbox-delay needs a value" ;;
    --engine-launch) engine_launch=${2:-}; shift 2 || die "--engine-launch needs a value" ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
components="tile weight_stream core rms_engine divider sampler full"
case " $components " in
  *" $component "*) [ -n "$component" ] || die "--component is required ($components)" ;;
  *) die "unknown component '$component' (legal: $components)" ;;
esac
[ -n "$out" ] || die "--out is required"
case "$limit" in ''|*[!0-9]*) die "--timeout '$limit' is not a number of seconds" ;; esac
if [ $timing = 1 ]; then
  [ $stock = 0 ] || die "--timing and --stock exclude each other (the netlist is written inside the staged script)"
  [ -x "$sta" ] || die "--timing: $sta is not executable (build the mgpt-sta target, or pass --sta)"
  case "$bb_delay" in
    '') case "$component" in tile|core) die "--timing of $component needs --blackbox-delay LAUNCH:THROUGH (the weight streams' delays)" ;; esac ;;
    *:*) ;;
    *) die "--blackbox-delay '$bb_delay' is not LAUNCH:THROUGH (ns or '-')" ;;
  esac
fi
engine_bb=()
for e in $engine_launch; do
  m=${e%%=*}; ns=${e#*=}
  case "$m" in tile|rms_engine|divider|sampler) ;;
    *) die "--engine-launch '$e': unknown module '$m' (legal: tile rms_engine divider sampler)" ;; esac
  case "$ns" in ''|*[!0-9.]*|*.*.*) die "--engine-launch '$e': '$ns' is not a delay in ns" ;; esac
  engine_bb+=(--blackbox "mgpt_$m=$ns:-")
  [ "$m" != tile ] || engine_bb+=(--blackbox "mgpt_tile_pipelined=$ns:-")
done
[ ${#engine_bb[@]} -eq 0 ] || [ "$component" = core ] || die "--engine-launch is for the core component only"
command -v yosys >/dev/null || die "yosys not found on PATH"
mkdir -p "$out" || die "cannot create $out"
out=$(cd "$out" && pwd)
[ -n "$design" ] || design=$repo/configs/designs/baseline.cfg
[ -n "$point" ] || point=$(basename "$design" .cfg)

# ---- the design point's RTL parameters and ROM files ----
if [ -z "$roms" ]; then
  roms=$out/roms
  "$bin" roms --design "$design" "${sets[@]}" --out "$roms" >/dev/null || die "microgpt-dse roms failed"
fi
[ -f "$roms/verilator_params.vc" ] || die "$roms/verilator_params.vc missing (run microgpt-dse roms)"
roms=$(cd "$roms" && pwd)
declare -A P
while IFS= read -r line; do
  case "$line" in -G*=*) kv=${line#-G}; P[${kv%%=*}]=${kv#*=} ;; esac
done <"$roms/verilator_params.vc"
for k in LANES COLS WEIGHT_M10K BANKS PORTS KV_M10K VLANES NORM_RADIX DIVIDERS DIV_RADIX \
         SAMPLER_PARALLEL ARGMAX_TREE PIPELINE REF_PROFILE; do
  [ -n "${P[$k]:-}" ] || die "parameter $k missing from $roms/verilator_params.vc"
done
L=${P[LANES]}; C=${P[COLS]}
# the slots (parameters of newer ROM folders; one slot, oldest, registers where absent)
S=${P[SLOTS]:-1}; RR=${P[SCHED_RR]:-0}; SM=${P[SLOT_MLAB]:-0}
# the ROM layout (absent from older ROM folders: matrix, the reference's)
RS=${P[ROM_STEP]:-0}

# ---- a top-level wrapper with the parameters as literals ----
# (yosys 0.23's `hierarchy -chparam` cannot take the string ROM_DIR and trips an
# assertion when it re-derives the top; a literal instantiation avoids both.)
top=$out/${component}_top.sv
core_top() {
  cat <<EOF
module mgpt_synth_top (input wire clk, input wire rst, input wire [$S-1:0] start, input wire [5*$S-1:0] token_in,
    input wire [4*$S-1:0] pos, input wire [32*$S-1:0] rng_in, input wire [$S-1:0] greedy,
    input wire [16*$S-1:0] temperature, output wire [$S-1:0] busy, output wire [$S-1:0] done,
    output wire [5*$S-1:0] stage, output wire [5*$S-1:0] token_out, output wire [32*$S-1:0] rng_out,
    output wire [27*16*$S-1:0] logits_flat, output wire [6*5-1:0] unit_slot);
  mgpt_core #(.LANES($L), .COLS($C), .WEIGHT_M10K(${P[WEIGHT_M10K]}), .BANKS(${P[BANKS]}), .PORTS(${P[PORTS]}),
      .KV_M10K(${P[KV_M10K]}), .VLANES(${P[VLANES]}), .NORM_RADIX(${P[NORM_RADIX]}), .DIVIDERS(${P[DIVIDERS]}),
      .DIV_RADIX(${P[DIV_RADIX]}), .SAMPLER_PARALLEL(${P[SAMPLER_PARALLEL]}), .ARGMAX_TREE(${P[ARGMAX_TREE]}),
      .REF_PROFILE(${P[REF_PROFILE]}), .PIPELINE(${P[PIPELINE]}), .SLOTS($S), .SCHED_RR($RR),
      .SLOT_MLAB($SM), .ROM_STEP($RS), .ROM_DIR("$roms")) u (clk, rst, start, token_in, pos, rng_in, greedy,
      temperature, busy, done, stage, token_out, rng_out, logits_flat, unit_slot);
endmodule
EOF
}
real=(); blackbox=()
# the core's sources, relative to rtl/ (the one list: rtl/core_sources.txt)
core_sources=()
while read -r f; do core_sources+=("$f"); done < <(grep -Ev '^[[:space:]]*(#|$)' "$rtl/core_sources.txt")
[ ${#core_sources[@]} -gt 0 ] || die "no source in $rtl/core_sources.txt"
case "$component" in
  tile)  # the MAC datapath: accumulators, products, weight select, ROM addressing
    # the core's choice (mgpt_core.sv): mgpt_tile, or the pipelined tile for pipeline >= 1
    if [ "${P[PIPELINE]}" -gt 0 ]; then
      real=(mgpt_tile_pipelined.sv); tile_module=mgpt_tile_pipelined; pipe=".PIPELINE(${P[PIPELINE]}), "
    else
      real=(mgpt_tile.sv); tile_module=mgpt_tile; pipe=""
    fi
    blackbox=(mgpt_weight_stream.sv)
    cat >"$top" <<EOF
module mgpt_synth_top (input wire clk, input wire rst, input wire start, input wire [2:0] proj,
    input wire [6:0] row0, input wire [1:0] chunk, input wire [64*16-1:0] in_vec,
    output wire done, output wire [$L*64-1:0] acc_flat);
  $tile_module #(.LANES($L), .COLS($C), .M10K(${P[WEIGHT_M10K]}), .BANKS(${P[BANKS]}), .PORTS(${P[PORTS]}),
      ${pipe}.ROM_STEP($RS), .ROM_DIR("$roms")) u (clk, rst, start, proj, row0, chunk, in_vec, done, acc_flat);
endmodule
EOF
    ;;
  weight_stream)  # the nine matrices' ROMs (logic) or bank routing (m10k)
    real=(mgpt_weight_stream.sv synth/mgpt_synth_streams.sv)
    r16=$(( L < 16 ? L : 16 )); r64=$(( L < 64 ? L : 64 )); r27=$(( L < 27 ? L : 27 ))
    w16=$(( (r16 * C + 1) / 2 )); w64=$(( (r64 * C + 1) / 2 )); w27=$(( (r27 * C + 1) / 2 ))
    we=$(( (P[VLANES] + 1) / 2 ))
    cat >"$top" <<EOF
module mgpt_synth_top (input wire clk, input wire [8:0] issue, input wire [9*20-1:0] step,
    input wire [7:0] tile_beat, input wire [7:0] load_beat,
    output wire [$w16*32-1:0] w_q, w_k, w_v, w_o, w_fc2, output wire [$w64*32-1:0] w_fc1,
    output wire [$w27*32-1:0] w_lm, output wire [$we*32-1:0] w_wte, w_wpe);
  mgpt_synth_streams #(.LANES($L), .COLS($C), .M10K(${P[WEIGHT_M10K]}), .BANKS(${P[BANKS]}), .PORTS(${P[PORTS]}),
      .VLANES(${P[VLANES]}), .ROM_STEP($RS), .ROM_DIR("$roms")) u (clk, issue, step, tile_beat, load_beat,
      w_q, w_k, w_v, w_o, w_fc2, w_fc1, w_lm, w_wte, w_wpe);
endmodule
EOF
    ;;
  core)  # controller, elementwise + attention datapaths, slot vectors, KV cache, argmax; engines blackboxed
    real=(mgpt_core.sv mgpt_slot_vector.sv)
    for f in "${core_sources[@]}"; do
      case "$f" in mgpt_core.sv|mgpt_slot_vector.sv) ;; *) blackbox+=("$f") ;; esac
    done
    core_top >"$top"
    ;;
  full)  # the whole core, flattened (slow with logic ROMs: see rtl/synth/README.md)
    real=("${core_sources[@]}")
    core_top >"$top"
    ;;
  rms_engine)
    real=(mgpt_rms_engine.sv)
    cat >"$top" <<EOF
module mgpt_synth_top (input wire clk, input wire rst, input wire start, input wire [63:0] sumsq,
    output wire done, output wire [15:0] scale, output wire early_exit);
  mgpt_rms_engine #(.RADIX(${P[NORM_RADIX]})) u (clk, rst, start, sumsq, done, scale, early_exit);
endmodule
EOF
    ;;
  divider)  # all attn_dividers of the point
    real=(mgpt_divider.sv synth/mgpt_synth_dividers.sv)
    D=${P[DIVIDERS]}; ND=$(( D >= 16 ? 4 : 1 ))
    cat >"$top" <<EOF
module mgpt_synth_top (input wire clk, input wire rst, input wire start, input wire [64*$D-1:0] numerators,
    input wire [32*$ND-1:0] denominators, output wire [$D-1:0] done, output wire [16*$D-1:0] quotients);
  mgpt_synth_dividers #(.N($D), .RADIX(${P[DIV_RADIX]})) u (clk, rst, start, numerators, denominators,
      done, quotients);
endmodule
EOF
    ;;
  sampler)
    real=(mgpt_sampler.sv)
    cat >"$top" <<EOF
module mgpt_synth_top (input wire clk, input wire rst, input wire start, input wire [27*16-1:0] logits,
    input wire [4:0] argmax_index, input wire [15:0] top, input wire [31:0] rng,
    input wire [15:0] temperature, output wire done, output wire [4:0] token);
  mgpt_sampler #(.PARALLEL(${P[SAMPLER_PARALLEL]}), .REF_PROFILE(${P[REF_PROFILE]})) u (clk, rst, start,
      logits, argmax_index, top, rng, temperature, done, token);
endmodule
EOF
    ;;
esac

# ---- the yosys script ----
ys=$out/$component.ys
stat=$out/$component.stat
m10k_flow=0
if [ "${P[WEIGHT_M10K]}" = 1 ]; then
  case "$component" in weight_stream|full) m10k_flow=1 ;; esac
fi
{
  echo "# $component of design point $point ($roms): written by rtl/synth/synth_component.sh"
  echo "read_verilog -defer -sv -I $rtl $(printf "$rtl/%s " "${real[@]}")$top"
  [ ${#blackbox[@]} -eq 0 ] || echo "read_verilog -defer -sv -lib -I $rtl $(printf "$rtl/%s " "${blackbox[@]}")"
  synth="synth_intel_alm -family cyclonev -top mgpt_synth_top -noiopad"
  [ $timing = 0 ] || synth="$synth -noclkbuf"
  # stages of synth_intel_alm's own script (yosys -h synth_intel_alm)
  if [ $m10k_flow = 1 ]; then
    # the weight banks become placeholder blocks, not logic (see m10k_rom_lib.txt)
    echo "$synth -run begin:map_bram"
    echo "memory_libmap -lib $here/m10k_rom_lib.txt"
    first=map_bram
  elif [ "${P[KV_M10K]}" = 1 ] && [ "$component" = core ]; then
    # the KV cache in M10K at every slot count (kv_m10k_rules.txt), then the stock flow
    echo "$synth -run begin:map_bram"
    echo "memory_bram -rules $here/kv_m10k_rules.txt mgpt_synth_top/*kv_head*"
    echo "techmap -map +/intel_alm/common/bram_m10k_map.v"
    first=map_bram
  else
    first=""
  fi
  if [ $stock = 1 ]; then
    echo "$synth -run $first:"
  else
    # map_luts without its `autoname` (renames wires only; on large netlists it
    # takes longer than the mapping itself): the cell counts are the same
    echo "$synth -run $first:map_luts"
    echo "techmap -map +/intel_alm/common/abc9_map.v"
    echo "abc9 ${abc_fast}-maxlut 6 -W 600"
    echo "techmap -map +/intel_alm/common/abc9_unmap.v"
    echo "techmap -map +/intel_alm/common/alm_map.v"
    echo "opt -fast"
    echo "clean"
    [ $timing = 0 ] || echo "write_json $out/$component.json"
    echo "$synth -run check:"
  fi
  echo "tee -o $stat stat"
} >"$ys"

# ---- run ----
rm -f "$stat" "$out/$component.log" "$out/$component.log.gz"
t0=$(date +%s.%N)
timeout -k 10 "$limit" nice -n 10 yosys -q -l "$out/$component.log" "$ys" >"$out/$component.stderr" 2>&1
rc=$?
t1=$(date +%s.%N)
seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
if [ $rc -eq 0 ] && [ -s "$stat" ]; then status=ok
elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then status=timeout
else status=error; fi
if [ $keep_log = 0 ] && [ -f "$out/$component.log" ]; then
  grep -E '^(Warning|ERROR)' "$out/$component.log" | sort | uniq -c >"$out/$component.warnings"
  gzip -f "$out/$component.log"
fi

# ---- M10K bits of the weight banks this component reads (from the read-order layout) ----
m10k_bits=0
if [ "${P[WEIGHT_M10K]}" = 1 ]; then
  case "$component" in weight_stream|full)
    for f in "$roms"/*_b[0-9][0-9].hex; do
      m10k_bits=$((m10k_bits + 32 * $(grep -c . "$f")))
    done ;;
  esac
fi

# ---- the figures, from the stat of the flattened top ----
if [ "$status" = ok ]; then
  # cell counts and the ALM packing rule: yosys_stat.awk (shared with `microgpt-dse fpga --yosys`)
  row=$(awk -v top=mgpt_synth_top -v format=csv -v point="$point" -v comp="$component" -v secs="$seconds" \
          -v bits="$m10k_bits" -f "$here/yosys_stat.awk" "$stat")
else
  row="$point,$component,,,,,,$m10k_bits,,$seconds,$status"
fi
echo "$row" | tee "$out/$component.csv"

# ---- the structural critical path of the mapped netlist (--timing) ----
if [ $timing = 1 ]; then
  tcsv=$out/$component.timing.csv
  if [ "$status" = ok ] && [ -s "$out/$component.json" ]; then
    # the M10K placeholder banks (m10k_rom_lib.txt) are timed as the library's M10K block
    bb=(--like '$__MGPT_M10K_ROM_=MISTRAL_M10K' "${engine_bb[@]}"); [ -z "$bb_delay" ] || bb+=(--blackbox-default "$bb_delay")
    [ "$component" != core ] || bb+=(--endpoints 40)  # the register groups an architect retimes next
    if "$sta" "$out/$component.json" --inputs-registered "${bb[@]}" --csv "$point,$component" --steps \
         >"$out/$component.timing.txt" 2>"$out/$component.timing.err"; then
      echo "$(tail -1 "$out/$component.timing.txt"),${bb_delay},ok" >"$tcsv"
    else
      echo "$point,$component,,,,,,,,,,,${bb_delay},sta-error" >"$tcsv"
      echo "synth_component.sh: mgpt-sta failed on $out/$component.json:" >&2
      cat "$out/$component.timing.err" >&2
    fi
    gzip -f "$out/$component.json"
  else
    echo "$point,$component,,,,,,,,,,,${bb_delay},$status" >"$tcsv"
  fi
  cat "$tcsv"
fi
case "$status" in
  ok) exit 0 ;;
  timeout) echo "synth_component.sh: $component of $point: yosys timed out after $limit s" >&2; exit 3 ;;
  *) echo "synth_component.sh: $component of $point: yosys failed (exit $rc), see $out/$component.stderr" >&2
     tail -5 "$out/$component.stderr" >&2; exit 1 ;;
esac
