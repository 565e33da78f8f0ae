#!/bin/bash
# cosim --mode refine with several slots against a TLM-only run of the same
# workload: the multi-slot RTL core (or cores) behind the TLM host must pass
# its own checks (golden values, closed-form slot schedule of each core), and
# every step's name, position, token, slot, core, start and end cycle and the makespan must equal
# those of `simulate` (docs/SCHEDULING.md "Co-simulation").
# Usage: cosim_refine_vs_simulate.sh MICROGPT_DSE DESIGN.cfg [--set ... --count N --seed S ...]
set -u
bin=$1 cfg=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" cosim --design "$cfg" "$@" --mode refine --summary --steps-csv "$tmp/cosim.csv" >"$tmp/cosim.out" 2>&1 ||
  { cat "$tmp/cosim.out"; fail "cosim --mode refine exited $?"; }
grep -q "^PASS: " "$tmp/cosim.out" || fail "no PASS line in: $(cat "$tmp/cosim.out")"
"$bin" simulate --design "$cfg" "$@" --steps-csv "$tmp/sim.csv" >"$tmp/sim.out" 2>&1 ||
  { cat "$tmp/sim.out"; fail "simulate exited $?"; }

# simulate: name,pos,...,token_out (4th),...,slot,core,start,end (last four)
# cosim:    name,pos,token_in,token_out,...,rtl_token_out (7th),match,slot,core,tlm_start,tlm_end,rtl_start,rtl_end
head -1 "$tmp/cosim.csv" | grep -q ',slot,core,tlm_start,tlm_end,rtl_start,rtl_end$' || fail "cosim CSV header: $(head -1 "$tmp/cosim.csv")"
awk -F, 'NR > 1 {print $1, $2, $4, $(NF-3), $(NF-2), $(NF-1), $NF}' "$tmp/sim.csv" >"$tmp/sim.rows"
awk -F, 'NR > 1 {print $1, $2, $7, $9, $10, $13, $14}' "$tmp/cosim.csv" >"$tmp/rtl.rows"
[ -s "$tmp/sim.rows" ] || fail "simulate wrote no steps"
if ! cmp -s "$tmp/sim.rows" "$tmp/rtl.rows"; then
  diff "$tmp/sim.rows" "$tmp/rtl.rows" | head -5
  fail "the refined run's steps (name pos token slot core start end) differ from simulate's"
fi
tlm_makespan=$(sed -n 's/.*makespan \([0-9]*\) cycles.*/\1/p' "$tmp/sim.out")
rtl_makespan=$(sed -n 's/^slots: .*, RTL \([0-9]*\) cycles$/\1/p' "$tmp/cosim.out")
[ -n "$tlm_makespan" ] && [ "$tlm_makespan" = "$rtl_makespan" ] ||
  fail "makespan: simulate '$tlm_makespan', RTL '$rtl_makespan'"
echo "PASS: $(wc -l <"$tmp/rtl.rows") steps and the makespan ($rtl_makespan cycles) equal simulate's"
