#!/usr/bin/env bash
# cosim on a design point outside the regression set: built on demand into a
# fresh cache, it passes the same checks; the CSV and the RTL trace are written.
# usage: cosim_on_demand.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
ok() { if "$@"; then passes=$((passes+1)); else echo "FAIL: $*"; fails=$((fails+1)); fi; }
"$bin" cosim --design "$src/configs/designs/baseline.cfg" --set lanes=8 --set vector_lanes=2 --set sampler=parallel \
  --set norm_radix_bits=2 --count 20 --seed 4 --cache "$tmp/cache" --build-jobs 2 \
  --steps-csv "$tmp/steps.csv" --trace "$tmp/rtl.vcd" >"$tmp/out" 2>"$tmp/err"
rc=$?
ok test "$rc" -eq 0
ok grep -q "^PASS: " "$tmp/out"
ok grep -q "building the Verilated RTL" "$tmp/err"
ok test "$(head -1 "$tmp/steps.csv")" = "name,pos,token_in,token_out,tlm_cycles,rtl_cycles,rtl_token_out,match"
ok test "$(tail -n +2 "$tmp/steps.csv" | awk -F, '$5 != $6 || $8 != 1' | wc -l)" -eq 0
ok test "$(tail -n +2 "$tmp/steps.csv" | cut -d, -f1 | sort -u | wc -l)" -eq 20
ok grep -q '\$enddefinitions' "$tmp/rtl.vcd"
ok grep -q 'token_out' "$tmp/rtl.vcd"
# the second run reuses the cached model
"$bin" cosim --design "$src/configs/designs/baseline.cfg" --set lanes=8 --set vector_lanes=2 --set sampler=parallel \
  --set norm_radix_bits=2 --count 2 --seed 9 --greedy --mode refine --cache "$tmp/cache" >"$tmp/out2" 2>&1
ok grep -q "^PASS: " "$tmp/out2"
ok test "$(ls -d "$tmp"/cache/core_* | grep -vc lock)" -eq 1
# bad mode is a usage error
"$bin" cosim --mode sideways --count 1 >/dev/null 2>"$tmp/err3"; rc=$?
ok test "$rc" -eq 2
ok grep -q "legal: compare, refine" "$tmp/err3"
[ "$fails" -eq 0 ] || { sed 's/^/  | /' "$tmp/err" | tail -20; }
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
