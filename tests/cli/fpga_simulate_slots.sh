#!/usr/bin/env bash
# microgpt-dse fpga --simulate with several slots (register map 2.0,
# docs/FPGA.md): one small design point (configs/regression/r4_l4_c4.cfg: M10K
# weights and KV, a quick Verilator build) at S = 2 (oldest first) and S = 4
# (round robin), each built into a fresh cache. One start runs the workload,
# name i in slot i mod S: the names read from the results table equal
# golden::generate_slots' and the TLM's, each name's RESULT_CYCLES its latency
# in the TLM and the slot schedule, CYCLES the TLM's makespan, every slot's RNG
# state the golden one; the slots overlap (the makespan is below the sum of the
# names' latencies). Tampered TLM latencies and makespans are caught (exit 3).
# usage: fpga_simulate_slots.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
ok() { if "$@"; then passes=$((passes+1)); else echo "FAIL: $*"; fails=$((fails+1)); fi; }
point="$src/configs/regression/r4_l4_c4.cfg"

# rows of the per-name table whose TLM latency, model latency and RESULT_CYCLES agree, pins and all
agreeing_rows() {
  awk '$1 ~ /^[0-9]+$/ && NF == 8 && $2 == $3 && $4 == $5 && $5 == $6 && $7 == "ok" && $8 == "yes"' "$1" | wc -l
}
# the makespan line: CYCLES register = TLM = slot schedule, and below the sum of the names' RESULT_CYCLES
makespan_ok() {
  local line sum
  line=$(grep '^makespan: CYCLES register' "$1") || return 1
  sum=$(awk '$1 ~ /^[0-9]+$/ && NF == 8 { s += $6 } END { print s }' "$1")
  # "makespan: CYCLES register N, TLM N, model [slot schedule] N"
  echo "$line" | awk -v sum="$sum" '{ c = $4 + 0; t = $6 + 0; m = $10 + 0
    if (c == t && t == m && c > 0 && c < sum + 0) exit 0; exit 1 }'
}

run_slots() {  # S schedule count seed: writes $tmp/sS.out
  local s=$1 policy=$2 count=$3 seed=$4 start end
  start=$(date +%s.%N)
  "$bin" fpga --design "$point" --set sequences="$s" --set schedule="$policy" --count "$count" --seed "$seed" \
    --out "$tmp/p$s" --simulate --cache "$tmp/cache" --build-jobs 1 >"$tmp/s$s.out" 2>"$tmp/s$s.err"
  local rc=$?
  end=$(date +%s.%N)
  echo "  S = $s: fpga --simulate (driver build included) $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"
  return $rc
}

for cfg in "2 oldest 6 3" "4 round_robin 9 5"; do
  set -- $cfg
  s=$1; count=$3
  ok run_slots "$@"
  ok grep -q "^PASS: $count names through the register interface: tokens equal the golden model and the TLM" "$tmp/s$s.out"
  ok grep -q "; $s slots (name i in slot i mod S, one run)" "$tmp/s$s.out"
  ok test "$(agreeing_rows "$tmp/s$s.out")" -eq "$count"
  ok makespan_ok "$tmp/s$s.out"
  ok grep -q "\[ok\] SLOTS reads $s slots, 32 result entries" "$tmp/s$s.out"
  ok grep -q "\[ok\] SLOT_SEED reads back every slot's seed (golden::slot_seed)" "$tmp/s$s.out"
  ok grep -q "\[ok\] name $((count - 1)): RESULT done, name $((count - 1)) of the run, slot $(((count - 1) % s))" "$tmp/s$s.out"
  ok grep -q "\[ok\] writes to CONFIG, SEED, CONTROL while busy set error/busy.*held by SW0" "$tmp/s$s.out"
  ok grep -q "\[ok\] writes to CONFIG, SEED, CONTROL while busy set error/busy.*while the core computes" "$tmp/s$s.out"
  ok test "$(grep -c '\[FAIL\]' "$tmp/s$s.out")" -eq 0
  ok grep -q "^Makespan \[RTL co-simulation, CYCLES register\]" "$tmp/p$s/report.md"
done
ok test "$(ls -d "$tmp"/cache/de1soc-core_* | grep -vc lock)" -eq 2

# the driver against tampered TLM predictions (S = 2): a name's latency, then the makespan alone
driver=$(ls "$tmp"/cache/de1soc-core_*_2_0_0_1-*/build/fpga_sim_driver | head -1)
csv="$tmp/p2/sim/tlm_steps.csv"
args=(--design "$tmp/p2/design.cfg" --count 6 --seed 3 --no-busy-writes)
"$driver" "${args[@]}" --tlm-steps "$csv" >"$tmp/good" 2>&1
ok test $? -eq 0
awk -F, 'BEGIN { OFS = "," } NR == 2 { $NF = $NF + 1 } { print }' "$csv" > "$tmp/latency.csv"
"$driver" "${args[@]}" --tlm-steps "$tmp/latency.csv" >"$tmp/out_latency" 2>&1
ok test $? -eq 3
ok grep -q "^FAIL: .*name [0-9]: RESULT_CYCLES [0-9]*, TLM latency [0-9]*" "$tmp/out_latency"
# the step that ends last, moved one cycle later whole: every latency unchanged, the makespan one more
last=$(awk -F, 'NR > 1 && $NF + 0 > max { max = $NF + 0; row = NR } END { print row }' "$csv")
awk -F, -v row="$last" 'BEGIN { OFS = "," } NR == row { $NF = $NF + 1; $(NF - 1) = $(NF - 1) + 1 } { print }' "$csv" \
  > "$tmp/makespan.csv"
"$driver" "${args[@]}" --tlm-steps "$tmp/makespan.csv" >"$tmp/out_makespan" 2>&1
ok test $? -eq 3
ok grep -q "^FAIL: 1 difference(s); first: CYCLES (makespan) [0-9]*, TLM [0-9]*" "$tmp/out_makespan"

[ "$fails" -eq 0 ] || { for s in 2 4; do sed 's/^/  | /' "$tmp/s$s.err" | tail -10; sed 's/^/  | /' "$tmp/s$s.out" | tail -30; done; }
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
