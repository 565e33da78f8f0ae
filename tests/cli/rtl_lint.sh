#!/usr/bin/env bash
# Verilator -Wall lint of rtl/ for every RTL regression point: no warning other
# than the documented waivers (rtl/lint_waivers.vlt).
# usage: rtl_lint.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
for cfg in "$src"/configs/regression/*.cfg; do
  name=$(basename "$cfg" .cfg)
  "$bin" roms --design "$cfg" --out "$tmp/$name" >/dev/null || { echo "FAIL: roms $name"; fails=$((fails+1)); continue; }
  if verilator --lint-only -Wall --unroll-count 1024 --unroll-stmts 1000000 "$src/rtl/lint_waivers.vlt" \
       -I"$src/rtl" -f "$tmp/$name/verilator_params.vc" --top-module mgpt_core \
       "$src"/rtl/mgpt_core.sv "$src"/rtl/mgpt_tile.sv "$src"/rtl/mgpt_weight_stream.sv \
       "$src"/rtl/mgpt_rms_engine.sv "$src"/rtl/mgpt_divider.sv "$src"/rtl/mgpt_sampler.sv >"$tmp/$name.log" 2>&1 \
     && ! grep -q '%Warning' "$tmp/$name.log"; then
    passes=$((passes+1))
  else
    echo "FAIL: lint $name"; head -20 "$tmp/$name.log"; fails=$((fails+1))
  fi
done
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ] && [ "$passes" -ge 8 ]
