#!/usr/bin/env bash
# simulate with several slots (docs/SCHEDULING.md "TLM"): the names are
# generate --sequences S --cores K's, the [TLM] slot report's makespan and
# latency statistics agree with the --steps-csv rows (slot,core,start,end),
# and one slot prints none of it.
# usage: simulate_slots.sh path/to/microgpt-dse source-dir
set -u
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
ok() { passes=$((passes+1)); }
bad() { echo "FAIL: $*"; fails=$((fails+1)); }

for policy in oldest round_robin; do
  run="simulate --set sequences=4 --set cores=2 --set schedule=$policy --count 12 --seed 5"
  # shellcheck disable=SC2086
  "$bin" $run --steps-csv "$tmp/steps.csv" >"$tmp/sim" 2>"$tmp/err" || bad "$run failed: $(cat "$tmp/err")"
  "$bin" generate --sequences 4 --cores 2 --count 12 --seed 5 >"$tmp/gen" 2>/dev/null || bad "generate failed"
  sed -n '/^generated names/,/^$/p' "$tmp/sim" | sed '1d;$d;s/^  //;s/^(empty)$//' | cmp -s - "$tmp/gen" && ok ||
    bad "$policy: the names are not generate --sequences 4 --cores 2's"
  grep -qE "^slots \[TLM\]: 4 per core x 2 cores, schedule $policy; makespan [0-9]+ cycles \([0-9.]+ us\)$" "$tmp/sim" && ok ||
    bad "$policy: no slots line"
  [ "$(grep -cE '^[01] +(vector|rms|tile|attention|argmax|sampler) +[0-9]+ +[0-9.]+ +[0-9]+$' "$tmp/sim")" -eq 12 ] && ok ||
    bad "$policy: not 12 unit rows (2 cores x 6 units)"
  head -1 "$tmp/steps.csv" | grep -qE '^name,pos,token_in,token_out,cycles,stall_cycles,rng_in,rng_out,cycles_accept,.*,cycles_done,slot,core,start,end$' &&
    ok || bad "$policy: steps CSV header"
  # every row: global slot = name mod 8, core = slot / 4, end - start >= the step's own cycles
  awk -F, 'NR > 1 && ($(NF-3) != $1 % 8 || $(NF-2) != int($(NF-3) / 4) || $NF - $(NF-1) < $5) { bad = 1 } END { exit bad }' \
    "$tmp/steps.csv" && ok || bad "$policy: a CSV row's slot, core or span is wrong"
  makespan=$(sed -nE 's/^slots .*makespan ([0-9]+) cycles.*/\1/p' "$tmp/sim")
  [ "$(awk -F, 'NR > 1 && $NF > m { m = $NF } END { print m }' "$tmp/steps.csv")" = "$makespan" ] && ok ||
    bad "$policy: the makespan is not the last step's end"
  # nearest rank over the CSV's latencies: rank ceil(p N / 100)
  awk -F, 'NR > 1 { print $NF - $(NF-1) }' "$tmp/steps.csv" | sort -n >"$tmp/lat"
  n=$(wc -l <"$tmp/lat")
  p50=$(sed -n "$(( (50 * n + 99) / 100 ))p" "$tmp/lat"); p99=$(sed -n "$(( (99 * n + 99) / 100 ))p" "$tmp/lat")
  grep -qE "^token latency over $n steps, waits included \[TLM\]: mean [0-9.]+, p50 $p50, p99 $p99, max $(tail -1 "$tmp/lat") cycles; " \
    "$tmp/sim" && ok || bad "$policy: latency line (want $n steps, p50 $p50, p99 $p99)"
  grep -qE "^throughput \[TLM cycles at the PLL clock\]: [0-9]+ tokens/s in all \([0-9]+ tokens in a makespan of $makespan cycles" \
    "$tmp/sim" && ok || bad "$policy: throughput line"
done

# one slot: no slot report, the throughput over the sum of the step cycles
"$bin" simulate --count 3 >"$tmp/one" 2>&1 || bad "simulate --count 3 failed"
grep -q "\[TLM\]: .* per core" "$tmp/one" && bad "one slot printed a slot report" || ok
grep -qE "^throughput \[TLM cycles at the PLL clock\]: [0-9]+ tokens/s \([0-9]+ tokens in [0-9]+ cycles, final BOS steps included\)" \
  "$tmp/one" && ok || bad "one slot's throughput line changed"

# trace: the legend names the slot signals
expect 0 "coreC.UNIT_slot: the slot holding the unit" -- "$bin" simulate --count 3 --set sequences=2 --trace "$tmp/t.vcd"
grep -q ' tile_slot ' "$tmp/t.vcd" && ok || bad "the trace lacks tile_slot"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
