#!/usr/bin/env bash
# microgpt-dse fpga --simulate on the baseline, built into a fresh cache: the
# Verilated DE1-SoC top level, driven through its Avalon-MM port by the board
# runner's register sequence, generates the golden model's names, and its
# CYCLES register equals the TLM's cycle total for every name; bad addresses
# and writes into running generations set the documented error bits without
# changing the generation; LEDs and displays show the name. A tampered TLM
# prediction is caught (exit 3), so the comparison is not vacuous.
# usage: fpga_simulate.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
ok() { if "$@"; then passes=$((passes+1)); else echo "FAIL: $*"; fails=$((fails+1)); fi; }

"$bin" fpga --design "$src/configs/designs/baseline.cfg" --count 3 --seed 7 --out "$tmp/p" --simulate \
  --cache "$tmp/cache" --build-jobs 2 >"$tmp/out" 2>"$tmp/err"
rc=$?
ok test "$rc" -eq 0
ok grep -q "^PASS: 3 names through the register interface: tokens equal the golden model and the TLM" "$tmp/out"
ok grep -q "building the Verilated RTL" "$tmp/err"
# per name: golden = board, TLM cycles = closed form = CYCLES register
ok test "$(awk '$1 ~ /^[0-9]+$/ && NF == 8 && $2 == $3 && $4 == $5 && $5 == $6 && $7 == "ok" && $8 == "yes"' "$tmp/out" | wc -l)" -eq 3
ok grep -q "^throughput \[RTL co-simulation: CYCLES register; clock: PLL model, 56.2500 MHz\]" "$tmp/out"
ok grep -q "\[ok\] unmapped read returns 0xDEADBEEF and sets error/address" "$tmp/out"
ok grep -q "\[ok\] writes to CONFIG, SEED, CONTROL while busy set error/busy.*held by SW0" "$tmp/out"
ok grep -q "\[ok\] writes to CONFIG, SEED, CONTROL while busy set error/busy.*while the core computes" "$tmp/out"
ok grep -q "\[ok\] CONFIG with max steps 0 sets error/value and is ignored" "$tmp/out"
ok test "$(grep -c '\[FAIL\]' "$tmp/out")" -eq 0
ok grep -q "^## Board-level co-simulation \[RTL co-simulation\]" "$tmp/p/report.md"
ok grep -q "PASS" "$tmp/p/report.md"
ok test "$(head -1 "$tmp/p/sim/tlm_steps.csv" | cut -d, -f1-5)" = "name,pos,token_in,token_out,cycles"

# the cached driver again: greedy, one name, with a trace
"$bin" fpga --design "$src/configs/designs/baseline.cfg" --count 1 --greedy --out "$tmp/p" --simulate \
  --cache "$tmp/cache" --trace "$tmp/top.vcd" >"$tmp/out2" 2>&1
ok test $? -eq 0
ok grep -q "^PASS: 1 names" "$tmp/out2"
ok test "$(ls -d "$tmp"/cache/de1soc-core_* | grep -vc lock)" -eq 1
ok grep -q '\$enddefinitions' "$tmp/top.vcd"

# a wrong prediction is a failure naming the name and the counts
driver=$(ls "$tmp"/cache/de1soc-core_*/build/fpga_sim_driver | head -1)
awk -F, 'BEGIN { OFS = "," } NR == 2 { $5 = $5 + 1 } { print }' "$tmp/p/sim/tlm_steps.csv" > "$tmp/wrong.csv"
"$driver" --design "$tmp/p/design.cfg" --count 1 --greedy --tlm-steps "$tmp/wrong.csv" >"$tmp/out3" 2>&1
ok test $? -eq 3
ok grep -q "^FAIL: .*name 0: CYCLES [0-9]*, TLM [0-9]*" "$tmp/out3"

[ "$fails" -eq 0 ] || { sed 's/^/  | /' "$tmp/err" | tail -20; sed 's/^/  | /' "$tmp/out" | tail -40; }
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
