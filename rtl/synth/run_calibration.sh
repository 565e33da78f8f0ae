#!/usr/bin/env bash
# Synthesize the components of a list of design points with yosys
# (rtl/synth/synth_component.sh), a few jobs at a time, and collect the figures
# into rtl/synth/results/. Slow (hours for the whole calibration set on two
# cores): never run it from ctest or CI. See rtl/synth/README.md.
#
# usage: run_calibration.sh [options] [POINT.cfg ...]
#   POINT.cfg ...     design files (default: rtl/synth/results/points/*.cfg); the
#                     point's short name is the file's basename
#   --components "…"  components to run (default: tile weight_stream core rms_engine divider sampler)
#   --jobs N          parallel yosys runs (default 2)
#   --timeout S       per-component limit in seconds (default 1200)
#   --work DIR        work directories and full logs (default: <repo>/build/yosys_calibration)
#   --results DIR     where yosys_figures.csv, m10k_layout.csv, point_totals.csv and
#                     logs/ go (default: rtl/synth/results)
#   --missing         run only the (point, component) pairs that have no "ok" row in
#                     DIR/yosys_figures.csv yet, keep the others (incremental runs)
#   --bin PATH        microgpt-dse (default: $MGPT_BIN, else <repo>/build/microgpt-dse)
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${MGPT_BIN:-$repo/build/microgpt-dse}
components="tile weight_stream core rms_engine divider sampler"
jobs=2; limit=1200; work=$repo/build/yosys_calibration; results=$here/results; missing=0
points=()
die() { echo "run_calibration.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --components) components=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --missing) missing=1; shift ;;
    --bin) bin=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) points+=("$1"); shift ;;
  esac
done
[ ${#points[@]} -gt 0 ] || points=("$here"/results/points/*.cfg)
[ -x "$bin" ] || die "$bin is not executable (build it, or pass --bin)"
mkdir -p "$work" "$results/logs" || die "cannot create $work or $results"
work=$(cd "$work" && pwd)
csv=$results/yosys_figures.csv
header="point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,status"

# ---- ROM files and parameters of every point (fast, sequential) ----
names=()
for cfg in "${points[@]}"; do
  [ -f "$cfg" ] || die "no design file $cfg"
  name=$(basename "$cfg" .cfg)
  names+=("$name")
  mkdir -p "$work/$name"
  "$bin" roms --design "$cfg" --out "$work/$name/roms" >/dev/null || die "microgpt-dse roms failed for $cfg"
done

# ---- the job list: (point, component), the quick engines first, the core last ----
ok_in_work() { [ -f "$work/$1/$2.csv" ] && grep -q ",ok\$" "$work/$1/$2.csv"; }
ok_in_results() { [ -f "$csv" ] && grep -q "^$1,$2,.*,ok\$" "$csv"; }
joblist=$work/jobs.txt
: >"$joblist"
for comp in rms_engine divider sampler tile weight_stream core full; do
  case " $components " in *" $comp "*) ;; *) continue ;; esac
  for i in "${!names[@]}"; do
    if [ $missing = 1 ] && { ok_in_work "${names[$i]}" "$comp" || ok_in_results "${names[$i]}" "$comp"; }; then
      continue
    fi
    echo "${names[$i]} $comp ${points[$i]}" >>"$joblist"
  done
done
echo "run_calibration.sh: $(wc -l <"$joblist") yosys runs, $jobs at a time, timeout $limit s each; work in $work"

run_one() {  # point component cfg
  local point=$1 comp=$2 cfg=$3 dir=$work/$1
  "$here/synth_component.sh" --component "$comp" --out "$dir" --design "$cfg" --point "$point" \
    --roms "$dir/roms" --timeout "$limit" --bin "$bin" >/dev/null 2>"$dir/$comp.err"
  echo "$(date +%H:%M:%S) $(cat "$dir/$comp.csv" 2>/dev/null || echo "$point,$comp: no result")"
}
export -f run_one
export here work limit bin
xargs -P "$jobs" -L 1 bash -c 'run_one "$0" "$1" "$2"' <"$joblist"

# ---- collect: figures, stat logs, M10K layout, per-point totals ----
tmp=$(mktemp)
{
  [ -f "$csv" ] && tail -n +2 "$csv"
  for name in "${names[@]}"; do
    for comp in rms_engine divider sampler tile weight_stream core full; do
      f=$work/$name/$comp.csv
      [ -f "$f" ] && cat "$f"
    done
  done
} | awk -F, '{ key = $1 "," $2; if (!(key in row)) order[n++] = key; row[key] = $0 }
            END { for (i = 0; i < n; i++) print row[order[i]] }' >"$tmp"
{ echo "$header"; cat "$tmp"; } >"$csv"
rm -f "$tmp"
mkdir -p "$results/points"
for i in "${!names[@]}"; do
  name=${names[$i]}
  [ "${points[$i]}" -ef "$results/points/$name.cfg" ] || cp "${points[$i]}" "$results/points/$name.cfg"
  for comp in rms_engine divider sampler tile weight_stream core full; do
    [ -f "$work/$name/$comp.stat" ] && cp "$work/$name/$comp.stat" "$results/logs/$name.$comp.stat"
  done
done
# this run's points' M10K layout replaces theirs; other points' rows stay
layout=$results/m10k_layout.csv
fresh=$(mktemp)
"$here/m10k_layout.sh" "${names[@]/#/$work/}" >"$fresh" || { rm -f "$fresh"; die "m10k_layout.sh failed"; }
{ head -1 "$fresh"
  [ -f "$layout" ] && tail -n +2 "$layout" | awk -F, -v names=" ${names[*]} " 'index(names, " " $1 " ") == 0'
  tail -n +2 "$fresh"
} >"$layout.tmp" && mv "$layout.tmp" "$layout"
rm -f "$fresh"
awk -F, 'NR > 1 && $11 == "ok" && $2 != "full" {
           if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 }
           for (c = 3; c <= 9; c++) s[$1, c] += $c; k[$1]++ }
         NR > 1 && $11 != "ok" && $2 != "full" { bad[$1] = bad[$1] (bad[$1] == "" ? "" : " ") $2 ":" $11;
           if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 } }
         END {
           print "point,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,components_ok,missing"
           for (i = 0; i < n; i++) { p = order[i]; printf "%s", p
             for (c = 3; c <= 9; c++) printf ",%d", s[p, c]
             printf ",%d,%s\n", k[p], bad[p] }
         }' "$csv" >"$results/point_totals.csv"
# RUN_INFO keeps its history (earlier runs and the notes beside them): this run is appended
{
  echo "rtl/synth/results: written by rtl/synth/run_calibration.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ) (points: ${names[*]})"
  echo "yosys: $(yosys -V)"
  echo "RTL: commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" status --porcelain -- rtl 2>/dev/null | grep -v 'rtl/synth/results' | grep -q . && echo ' (with uncommitted changes under rtl/)')"
  echo "host: $(nproc) cores, jobs $jobs, timeout $limit s"
} >>"$results/RUN_INFO"
echo "run_calibration.sh: wrote $csv, $results/point_totals.csv, $results/m10k_layout.csv, $results/logs/"
