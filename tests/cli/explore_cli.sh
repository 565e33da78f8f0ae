#!/usr/bin/env bash
# The explorer's command line: explore, merge and calibrate end to end on the
# smoke sweep: outputs, best.cfg, shards + merge == one run, --resume after a
# kill, the TLM engine agreeing with the analytic one, and every refusal
# (bad sweeps, bad options, mixed shards, a missing gnuplot) named clearly.
# usage: explore_cli.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$(cd "$2" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
smoke="$src/configs/sweeps/smoke.cfg"
ok() { passes=$((passes+1)); }
bad() { echo "FAIL: $*"; fails=$((fails+1)); }
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
same() { if cmp -s "$1" "$2"; then ok; else bad "$1 differs from $2"; diff "$1" "$2" | head -5; fi; }

for c in explore merge calibrate; do expect 0 "usage: microgpt-dse $c" -- "$bin" $c --help; done

# a run of the smoke sweep: every output, a summary with sources, a loadable best.cfg
expect 0 "design points/minute" -- "$bin" explore --sweep "$smoke" --out "$tmp/whole" --jobs 2
grep -q "baseline #0" "$tmp/out" && grep -q "sources: tokens/s" "$tmp/out" && ok || bad "summary table"
for f in points.csv report.md best.cfg pareto.png pareto.svg pareto.gp run.cfg; do
  [ -s "$tmp/whole/$f" ] && ok || bad "missing $f"; done
[ "$(wc -l <"$tmp/whole/points.csv")" -eq 50 ] && ok || bad "points.csv should hold 49 points"
[ ! -e "$tmp/whole/points.partial.csv" ] && ok || bad "journal left behind"
expect 0 "tokens/s" -- "$bin" simulate --design "$tmp/whole/best.cfg" --count 2
# refinement: the best point's RTL equals the TLM (its Verilated model is cached by the build)
expect 0 "^PASS" -- "$bin" cosim --design "$tmp/whole/best.cfg" --count 2 --summary

# shards partition the sweep; merge reproduces the whole run
for i in 0 1 2; do
  expect 0 "shard $i/3" -- "$bin" explore --sweep "$smoke" --shard $i/3 --out "$tmp/s$i" --no-progress; done
[ "$(cat "$tmp"/s?/points.csv | grep -vc '^index')" -eq 49 ] && ok || bad "shards should hold 49 points together"
expect 0 "merged 3 shards" -- "$bin" merge "$tmp/s2" "$tmp/s0" "$tmp/s1" --out "$tmp/merged"
same "$tmp/merged/points.csv" "$tmp/whole/points.csv"
same "$tmp/merged/report.md" "$tmp/whole/report.md"
same "$tmp/merged/best.cfg" "$tmp/whole/best.cfg"
expect 1 "missing shards 1 of 3" -- "$bin" merge "$tmp/s0" "$tmp/s2" --out "$tmp/m2"
expect 1 "are both shard 0/3" -- "$bin" merge "$tmp/s0" "$tmp/s0" "$tmp/s1" "$tmp/s2" --out "$tmp/m2"
expect 1 "is shard 0/1 but .* is one of 3 shards" -- "$bin" merge "$tmp/s0" "$tmp/whole" --out "$tmp/m2"
sed -e 's/^pll_mhz = .*/pll_mhz = 50, 55/' -e "s|^baseline = .*|baseline = $src/configs/designs/baseline.cfg|" "$smoke" >"$tmp/other.cfg"
expect 0 "shard 1/3" -- "$bin" explore --sweep "$tmp/other.cfg" --shard 1/3 --out "$tmp/o1" --no-progress
expect 1 "not shards of one run: different sweeps" -- "$bin" merge "$tmp/s0" "$tmp/o1" "$tmp/s2" --out "$tmp/m2"
expect 2 "no shard folders" -- "$bin" merge --out "$tmp/m2"
cp -r "$tmp/s1" "$tmp/s1b"; sed -i 's/^shard = 1\/3/shard = 2\/3/' "$tmp/s1b/run.cfg"
expect 1 "does not belong to shard 2/3" -- "$bin" merge "$tmp/s0" "$tmp/s1" "$tmp/s1b" --out "$tmp/m2"

# merge never writes into one of its shards (a bad --out: exit 2, naming the shard)
cp "$tmp/s1/points.csv" "$tmp/s1.points.before"
expect 2 "--out .*/s1 is the shard folder .*/s1 \(shard 1/3\)" -- "$bin" merge "$tmp/s0" "$tmp/s1" "$tmp/s2" --out "$tmp/s1"
same "$tmp/s1/points.csv" "$tmp/s1.points.before"
[ ! -e "$tmp/s1/report.md" ] && ok || bad "merge wrote into a shard"
# an edited shard value is refused, naming the file, the line and the column
cp -r "$tmp/s2" "$tmp/s2e"
awk -F, -v OFS=, 'NR == 3 { for (i = 1; i <= NF; i++) if (h[i] == "tokens_per_s") $i = "999999.9" } NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i } 1' \
  "$tmp/s2/points.csv" >"$tmp/s2e/points.csv"
expect 1 "s2e/points.csv:3: column 'tokens_per_s' of point [0-9]+ is '999999.9'.*rerun shard 2/3" -- "$bin" merge "$tmp/s0" "$tmp/s1" "$tmp/s2e" --out "$tmp/m3"
[ ! -e "$tmp/m3/points.csv" ] && ok || bad "merge wrote an edited shard's rows"
# --shard is I/N, digits only: a blank on either side is refused alike
expect 2 "--shard ' 1/2' is not legal \(legal: I/N" -- "$bin" explore --sweep "$smoke" --shard " 1/2" --out "$tmp/x"
expect 2 "--shard '1/2 ' is not legal \(legal: I/N" -- "$bin" explore --sweep "$smoke" --shard "1/2 " --out "$tmp/x"
expect 2 "--max-points '0' is not legal" -- "$bin" explore --sweep "$smoke" --max-points 0 --out "$tmp/x"
# a grid streams (no --max-points limit); a sampled plan is held, and above --max-points it is refused
# before anything is written, with the size and the ways out
expect 0 "shard 0/3: 17 of 49 planned points" -- "$bin" explore --sweep "$smoke" --max-points 20 --shard 0/3 --out "$tmp/big0" --no-progress
same "$tmp/big0/points.csv" "$tmp/s0/points.csv"
expect 0 "merged 3 shards" -- "$bin" merge "$tmp/s0" "$tmp/s1" "$tmp/s2" --out "$tmp/m4" --max-points 20
same "$tmp/m4/points.csv" "$tmp/whole/points.csv"
sed -e 's/^strategy = grid/strategy = random\nsamples = 30/' -e "s|^baseline = .*|baseline = $src/configs/designs/baseline.cfg|" "$smoke" >"$tmp/sampled.cfg"
expect 1 "samples = 30: this process would hold 31 points, about 0.0 GiB .*--max-points 31" -- \
  "$bin" explore --sweep "$tmp/sampled.cfg" --max-points 20 --out "$tmp/big"
[ ! -e "$tmp/big" ] && ok || bad "a refused sweep left a folder"

# a killed run resumes: no lost rows, no duplicates, same results
expect 3 "continue with --resume" -- "$bin" explore --sweep "$smoke" --out "$tmp/cut" --stop-after 17 --no-progress
j="$tmp/cut/points.partial.csv"
[ "$(grep -vc '^index' "$j")" -eq 17 ] && ok || bad "journal should hold 17 rows"
head -c -30 "$j" >"$j.torn" && mv "$j.torn" "$j"   # the kill tore the last row
expect 1 "rerun with --resume" -- "$bin" explore --sweep "$smoke" --out "$tmp/cut"
expect 0 "16 from the journal" -- "$bin" explore --sweep "$smoke" --out "$tmp/cut" --resume --no-progress
same "$tmp/cut/points.csv" "$tmp/whole/points.csv"
[ ! -e "$j" ] && ok || bad "journal left after resume"
# rows computed by another version of the models are refused on resume
expect 3 "continue with --resume" -- "$bin" explore --sweep "$smoke" --out "$tmp/old" --stop-after 5 --no-progress
sed -i 's/,25851,18509,/,25000,18509,/' "$tmp/old/points.partial.csv"
expect 1 "old/points.partial.csv:2: column .alms. of point 0 is .25000., its re-evaluation \(analytic models\) gives .25851.: the row was edited, or computed by another version of the models" -- "$bin" explore --sweep "$smoke" --out "$tmp/old" --resume

# one process at a time in a results folder: a second run names the first one's pid
expect 3 "continue with --resume" -- "$bin" explore --sweep "$smoke" --out "$tmp/lk" --stop-after 5 --no-progress
# (the holder keeps the locked descriptor itself, so killing it releases the lock)
sh -c 'exec 9>>"$1"; flock 9; echo $$ >"$1"; exec sleep 30' _ "$tmp/lk/.microgpt-dse.lock" & holder=$!
until [ "$(cat "$tmp/lk/.microgpt-dse.lock" 2>/dev/null)" = "$holder" ]; do sleep 0.05; done  # locked, pid written
expect 1 "another microgpt-dse process \(pid $holder\) is writing this results folder" -- "$bin" explore --sweep "$smoke" --out "$tmp/lk" --resume --no-progress
kill "$holder"; wait "$holder" 2>/dev/null
# a kill while plotting leaves pareto.*.tmp.PID files: --resume removes them (and only them)
touch "$tmp/lk/pareto.svg.tmp.4242" "$tmp/lk/pareto.png.tmp.4242" "$tmp/lk/pareto.gp.tmp.4242.tmp.4242" "$tmp/lk/mine.tmp.1"
expect 0 "5 from the journal" -- "$bin" explore --sweep "$smoke" --out "$tmp/lk" --resume --no-progress
[ -z "$(ls "$tmp/lk" | grep -E '^pareto\..*\.tmp\.')" ] && [ -e "$tmp/lk/mine.tmp.1" ] && ok || bad "stale temporaries: $(ls "$tmp/lk")"
[ ! -e "$tmp/lk/.microgpt-dse.lock" ] && ok || bad "lock file left behind"
same "$tmp/lk/points.csv" "$tmp/whole/points.csv"

# the TLM engine gives the same cycles (every figure but the source columns)
expect 0 "design points/minute through the TLM" -- "$bin" explore --sweep "$smoke" --out "$tmp/tlm" --engine tlm --no-progress
strip() { sed -e 's/,tlm-proven-analytic//g' -e 's/,tlm//g' "$1"; }
if [ "$(strip "$tmp/tlm/points.csv")" = "$(strip "$tmp/whole/points.csv")" ]; then ok; else bad "TLM engine rows differ"; fi
grep -q ",tlm,tlm," "$tmp/tlm/points.csv" && ok || bad "TLM rows should say cycles_source = tlm"

# bad input: the file, line, key, value and legal set; bad options exit 2
printf 'name = bad\nlanes = 3\n' >"$tmp/bad.cfg"
expect 1 "bad.cfg:2: key 'lanes': value '3' is not legal \(legal: 1, 2, 4, 8, 16, 32, 64\)" -- "$bin" explore --sweep "$tmp/bad.cfg" --out "$tmp/x"
expect 1 "cannot open sweep file" -- "$bin" explore --sweep "$tmp/none.cfg" --out "$tmp/x"
expect 2 "--shard '3/3' is not legal" -- "$bin" explore --sweep "$smoke" --shard 3/3
expect 2 "--engine 'rtl' is not legal \(legal: analytic, tlm\)" -- "$bin" explore --sweep "$smoke" --engine rtl
expect 2 "--jobs 0 is out of range" -- "$bin" explore --sweep "$smoke" --jobs 0
printf 'component,metric,coefficient,source\ntile_lane,alms,oops,x\n' >"$tmp/cal.csv"
expect 1 "cal.csv:2: coefficient 'oops'" -- "$bin" explore --sweep "$smoke" --out "$tmp/x" --calibration "$tmp/cal.csv"
expect 1 "none.csv: cannot open calibration file" -- "$bin" explore --sweep "$smoke" --out "$tmp/x" --calibration "$tmp/none.csv"

# without gnuplot: a clear message, a non-zero exit, and the rest written
mkdir -p "$tmp/bin"; ln -s "$(command -v sh)" "$tmp/bin/sh"
expect 1 "gnuplot is not installed" -- env PATH="$tmp/bin" "$bin" explore --sweep "$smoke" --out "$tmp/nognu" --no-progress
[ -s "$tmp/nognu/points.csv" ] && [ -s "$tmp/nognu/report.md" ] && ok || bad "points.csv and report.md without gnuplot"

# calibrate: the reference anchors reproduce the shipped file; yosys measurements and structural timing are fitted
expect 0 "16-lane \(baseline\) \| 25,851 / 25,851 \| 18,509 / 18,509" -- "$bin" calibrate --reference --dry-run
expect 1 "measurements.csv: cannot open: no yosys figures" -- "$bin" calibrate --points "$tmp"
mkdir -p "$tmp/yosys/points"; cp "$src/configs/designs/baseline.cfg" "$tmp/yosys/points/base.cfg"
cp "$src/configs/regression/r2_l1_c16.cfg" "$tmp/yosys/points/l1.cfg"
cat >"$tmp/yosys/yosys_figures.csv" <<CSV
point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,status
base,rms_engine,500,380,260,0,0,0,900,12,ok
l1,rms_engine,500,380,260,0,0,0,900,12,ok
l1,tile,,,,,,,,1200,timeout
CSV
expect 1 "yosys/structural_timing.csv: cannot open structural timing file" -- "$bin" calibrate --points "$tmp/yosys" --dry-run
cat >"$tmp/yosys/structural_timing.csv" <<CSV
point,component,reg_ns,any_ns,launch_ns,through_ns,start,end,lut_levels,carry_chains,multipliers,memory_reads,blackbox,status
base,tile,18.409,18.409,0.890,,a,b,7,8+12+2+64,1,0,-:3.131,ok
base,rms_engine,4.861,4.861,0.987,,a,b,3,33,0,0,,ok
l1,rms_engine,7.965,7.965,0.987,,a,b,6,33+32,0,0,,ok
l1,tile,,,,,,,,,,,,timeout
CSV
expect 0 "mapping_factor = 0.8738: the baseline's Quartus period 16.086 ns over its structural tile path 18.409 ns .*measured now: tile 18.409 ns" -- "$bin" calibrate --points "$tmp/yosys" --dry-run
expect 0 "8 measurements" -- "$bin" calibrate --points "$tmp/yosys" --out "$tmp/fit_y.csv"
grep -q "rms_engine,registers,260,\"yosys fit" "$tmp/fit_y.csv" && ok || bad "yosys_figures.csv fit"
grep -q "^| base | rms_engine | 380 / 380 (+0.0%)" "$tmp/fit_y_report.md" && ok || bad "the report beside the fit: model against yosys"
cat >"$tmp/measurements.csv" <<CSV
design,group,metric,value,source
$src/configs/designs/baseline.cfg,rms_engine,alms,400,test
$src/configs/regression/r2_l1_c16.cfg,rms_engine,alms,400,test
CSV
expect 0 "The model against yosys" -- "$bin" calibrate --measurements "$tmp/measurements.csv" --out "$tmp/fit.csv"
grep -q "yosys fit (2 measurements" "$tmp/fit.csv" && ok || bad "fitted rows name their source"
expect 0 "design points/minute" -- "$bin" explore --sweep "$smoke" --out "$tmp/refit" --calibration "$tmp/fit.csv" --no-progress
# absurd calibration input: duplicate rows, an empty --free item, a degenerate fit (all-zero figures)
cp -r "$tmp/yosys" "$tmp/dup"; echo "l1,rms_engine,500,380,260,0,0,0,900,12,ok" >>"$tmp/dup/yosys_figures.csv"
expect 1 "dup/yosys_figures.csv:5: duplicate row: point l1, component rms_engine is measured on line 3 already" -- "$bin" calibrate --points "$tmp/dup" --dry-run
expect 2 "--free ',': item 1 is empty \(legal: a comma-separated list of: tile_fixed" -- "$bin" calibrate --points "$tmp/yosys" --free , --dry-run
expect 2 "--free 'rms_engine,nope': item 2 'nope' is not a resource model component" -- "$bin" calibrate --points "$tmp/yosys" --free rms_engine,nope --dry-run
cp -r "$tmp/yosys" "$tmp/zero"
printf 'point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,status\nbase,full,0,0,0,0,0,0,0,12,ok\nl1,full,0,0,0,0,0,0,0,12,ok\n' >"$tmp/zero/yosys_figures.csv"
expect 1 "quartus_correction,alms: the model's yosys-equivalent alms of the 16-lane \(baseline\) reference build are 0\.0.*degenerate" -- "$bin" calibrate --points "$tmp/zero" --out "$tmp/zero.csv"
[ ! -e "$tmp/zero.csv" ] && ok || bad "a degenerate fit was written"
printf 'design,group,metric,value,source\nnope.cfg,tile,alms,1,x\n' >"$tmp/m2.csv"
expect 1 "m2.csv:2: .*nope.cfg: cannot open design file" -- "$bin" calibrate --measurements "$tmp/m2.csv" --dry-run

# never into a folder of the user's: a non-empty folder without run.cfg (or a file) is refused, untouched
mkdir "$tmp/users"; echo keep >"$tmp/users/notes.txt"
expect 1 "--out .*/users is a folder microgpt-dse explore did not create and it is not empty \(notes.txt\)" -- "$bin" explore --sweep "$smoke" --out "$tmp/users" --no-progress
expect 1 "--out .*/users is a folder microgpt-dse merge did not create" -- "$bin" merge "$tmp/s0" "$tmp/s1" "$tmp/s2" --out "$tmp/users"
[ "$(ls -A "$tmp/users")" = notes.txt ] && [ "$(cat "$tmp/users/notes.txt")" = keep ] && ok || bad "explore or merge wrote into a folder of the user's"
expect 1 "--out .*/notes.txt exists and is not a folder" -- "$bin" explore --sweep "$smoke" --out "$tmp/users/notes.txt" --no-progress
mkdir "$tmp/empty_out"
expect 0 "design points/minute" -- "$bin" explore --sweep "$smoke" --out "$tmp/empty_out" --no-progress

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
