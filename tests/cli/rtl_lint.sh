#!/usr/bin/env bash
# Verilator -Wall lint of rtl/ for every RTL regression point: no warning other
# than the documented waivers (rtl/lint_waivers.vlt), with one slot and with several.
# usage: rtl_lint.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
# the core's sources: the one list (rtl/core_sources.txt), relative to rtl/
sources=()
while read -r f; do sources+=("$src/rtl/$f"); done < <(grep -Ev '^[[:space:]]*(#|$)' "$src/rtl/core_sources.txt")
[ ${#sources[@]} -gt 0 ] || { echo "FAIL: no source in $src/rtl/core_sources.txt"; exit 1; }
# each point as built (one slot) and with several slots (16 and 4, alternating
# policies: the parameters override the flags `roms` wrote, the last -G of a
# name wins); the two-core top (rtl/mgpt_cores.sv, which `roms` does not take)
# on every other point, with 2 slots per core
point=0
for cfg in "$src"/configs/regression/*.cfg; do
  name=$(basename "$cfg" .cfg)
  "$bin" roms --design "$cfg" --out "$tmp/$name" >/dev/null || { echo "FAIL: roms $name"; fails=$((fails+1)); continue; }
  configs=("" "-GSLOTS=$((point % 2 ? 4 : 16)) -GSCHED_RR=$((point % 2))")
  [ $((point % 2)) -eq 0 ] && configs+=("-GSLOTS=2 -GCORES=2")
  for slots in "${configs[@]}"; do
    top=mgpt_core; extra=()
    case $slots in *CORES*) top=mgpt_cores; extra=("$src/rtl/mgpt_cores.sv");; esac
    # shellcheck disable=SC2086  # $slots: zero or two flags
    if verilator --lint-only -Wall --unroll-count 1024 --unroll-stmts 1000000 "$src/rtl/lint_waivers.vlt" \
         -I"$src/rtl" -f "$tmp/$name/verilator_params.vc" $slots --top-module $top "${extra[@]}" "${sources[@]}" \
         >"$tmp/$name.log" 2>&1 && ! grep -q '%Warning' "$tmp/$name.log"; then
      passes=$((passes+1))
    else
      echo "FAIL: lint $name $slots"; head -20 "$tmp/$name.log"; fails=$((fails+1))
    fi
  done
  point=$((point+1))
done
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ] && [ "$passes" -ge 20 ]
