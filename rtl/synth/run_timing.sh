#!/usr/bin/env bash
# Structural timing of the RTL components on a list of design points: each
# component is synthesized with `synth_component.sh --timing` (yosys 0.23,
# mapped Cyclone V cells with their delays) and its longest register-to-register
# path measured by mgpt-sta (timing/). The tile's blackboxed weight streams
# take the weight_stream component's own delays of the same point (clock to
# output, input to output), so weight_stream runs first. Writes rtl/synth/results/structural_timing.csv
# (one row per point and component; rows of other points and components kept)
# and the critical paths, step by step, under results/timing/. Slow for wide
# logic-ROM points (minutes each): never run from ctest or CI.
#
# usage: run_timing.sh [options] POINT.cfg ...
#   --components "…"  default: "rms_engine divider sampler weight_stream tile"
#   --jobs N          parallel yosys runs (default 2)
#   --timeout S       per-component limit in seconds (default 1200)
#   --work DIR        work directories (default: <repo>/build/yosys_timing)
#   --results DIR     default: rtl/synth/results
#   --bin PATH, --sta PATH   microgpt-dse and mgpt-sta (default: <repo>/build/...)
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${MGPT_BIN:-$repo/build/microgpt-dse}
sta=${MGPT_STA:-$repo/build/mgpt-sta}
components="rms_engine divider sampler weight_stream tile"
jobs=2; limit=1200; work=$repo/build/yosys_timing; results=$here/results
points=()
die() { echo "run_timing.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --components) components=${2:-}; shift 2 || die "--components needs a value" ;;
    --jobs) jobs=${2:-}; shift 2 || die "--jobs needs a value" ;;
    --timeout) limit=${2:-}; shift 2 || die "--timeout needs a value" ;;
    --work) work=${2:-}; shift 2 || die "--work needs a value" ;;
    --results) results=${2:-}; shift 2 || die "--results needs a value" ;;
    --bin) bin=${2:-}; shift 2 || die "--bin needs a value" ;;
    --sta) sta=${2:-}; shift 2 || die "--sta needs a value" ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) points+=("$1"); shift ;;
  esac
done
[ ${#points[@]} -gt 0 ] || die "no design point given (e.g. rtl/synth/results/points/*.cfg)"
case "$jobs" in ''|*[!0-9]*|0) die "--jobs '$jobs' is not a positive number" ;; esac
for c in $components; do
  case "$c" in rms_engine|divider|sampler|weight_stream|tile) ;;
    *) die "component '$c' is not timed here (legal: rms_engine divider sampler weight_stream tile)" ;; esac
done
[ -x "$bin" ] || die "$bin is not executable (build it, or pass --bin)"
[ -x "$sta" ] || die "$sta is not executable (build the mgpt-sta target, or pass --sta)"
for cfg in "${points[@]}"; do [ -f "$cfg" ] || die "no design file $cfg"; done
mkdir -p "$work" "$results/timing" || die "cannot create $work or $results/timing"
work=$(cd "$work" && pwd)
csv=$results/structural_timing.csv
header="point,component,reg_ns,any_ns,launch_ns,through_ns,start,end,lut_levels,carry_chains,multipliers,memory_reads,blackbox,status"

run_one() {  # point component cfg [blackbox ns]
  local point=$1 comp=$2 cfg=$3 bb=${4:-} dir=$work/$1 extra=()
  [ -z "$bb" ] || extra=(--blackbox-delay "$bb")
  "$here/synth_component.sh" --component "$comp" --out "$dir" --design "$cfg" --point "$point" --roms "$dir/roms" \
    --timeout "$limit" --bin "$bin" --sta "$sta" --timing "${extra[@]}" >/dev/null 2>"$dir/$comp.timing.log"
  echo "$(date +%H:%M:%S) $(cat "$dir/$comp.timing.csv" 2>/dev/null || echo "$point,$comp: no result")"
}
export -f run_one
export here work limit bin sta

# ---- ROMs, then everything but the tile in parallel, then the tiles ----
names=()
joblist=$work/timing_jobs.txt
: >"$joblist"
for cfg in "${points[@]}"; do
  name=$(basename "$cfg" .cfg)
  names+=("$name")
  mkdir -p "$work/$name"
  "$bin" roms --design "$cfg" --out "$work/$name/roms" >/dev/null || die "microgpt-dse roms failed for $cfg"
  for comp in rms_engine divider sampler weight_stream; do
    case " $components " in *" $comp "*) echo "$name $comp $cfg" >>"$joblist" ;; esac
  done
done
echo "run_timing.sh: ${#names[@]} points, components: $components; $jobs jobs; work in $work"
xargs -P "$jobs" -L 1 bash -c 'run_one "$0" "$1" "$2"' <"$joblist"
tile_wanted=0
case " $components " in *" tile "*) tile_wanted=1 ;; esac
if [ $tile_wanted = 1 ]; then
  : >"$joblist"
  for i in "${!names[@]}"; do
    name=${names[$i]}
    # the streams as the tile sees them: clock-to-output and input-to-output ('-': none)
    bb=$(awk -F, '$14 == "ok" { print ($5 == "" ? "-" : $5) ":" ($6 == "" ? "-" : $6) }' \
           "$work/$name/weight_stream.timing.csv" 2>/dev/null)
    if [ -z "$bb" ]; then
      echo "run_timing.sh: $name: no weight_stream timing, the tile is skipped" >&2
      continue
    fi
    echo "$name tile ${points[$i]} $bb" >>"$joblist"
  done
  xargs -P "$jobs" -L 1 bash -c 'run_one "$0" "$1" "$2" "$3"' <"$joblist"
fi

# ---- collect: new rows replace old rows of the same point and component ----
tmp=$(mktemp)
{
  [ -f "$csv" ] && tail -n +2 "$csv"
  for name in "${names[@]}"; do
    for comp in $components; do
      f=$work/$name/$comp.timing.csv
      [ -f "$f" ] && cat "$f"
      [ -f "$work/$name/$comp.timing.txt" ] && cp "$work/$name/$comp.timing.txt" "$results/timing/$name.$comp.txt"
    done
  done
} | awk -F, '{ key = $1 "," $2; if (!(key in row)) order[n++] = key; row[key] = $0 }
            END { for (i = 0; i < n; i++) print row[order[i]] }' >"$tmp"
if [ -L "$csv" ] || { [ -e "$csv" ] && [ ! -f "$csv" ]; }; then
  { echo "$header"; cat "$tmp"; } >"$csv"  # a symlink or device the user owns: written through, never replaced
else
  { echo "$header"; cat "$tmp"; } >"$csv.tmp.$$" && mv "$csv.tmp.$$" "$csv"
fi
rm -f "$tmp"
echo "run_timing.sh: wrote $csv and $results/timing/"
