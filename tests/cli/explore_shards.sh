#!/usr/bin/env bash
# The explorer beyond one process: a small exhaustive sweep run as shards
# through GNU parallel and merged is byte-identical to the unsharded run;
# points.csv kept whole, feasible-only or front-only, and gzip-compressed;
# the plan's size printed before it starts; the plots bounded however many
# points there are.
# usage: explore_shards.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$(cd "$2" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
ok() { passes=$((passes+1)); }
bad() { echo "FAIL: $*"; fails=$((fails+1)); }
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
same() { if cmp -s "$1" "$2"; then ok; else bad "$1 differs from $2"; diff "$1" "$2" | head -5; fi; }
command -v parallel >/dev/null || { echo "FAIL: GNU parallel is not installed (apt-get install parallel, or bash scripts/install_deps.sh)"; exit 1; }

sweep="$tmp/small.cfg"
cat >"$sweep" <<CFG
name = small
strategy = exhaustive
baseline = $src/configs/designs/baseline.cfg
lanes = 4, 8, 16, 32
cols_per_cycle = 1, 2, 4
weight_memory = logic, m10k
weight_banks = 4, 16
bram_ports = 1, 2
sampler = sequential, parallel
norm_radix_bits = 1, 4
pll_mhz = 25:150:5
[workload]
names = 4
CFG

# the unsharded run: its size first (points, time, disk), then every output
expect 0 "small: strategy exhaustive, 241 points .*240 micro-architectures.*26 PLL requests.*estimated .* of evaluation.*disk: about" -- \
  "$bin" explore --sweep "$sweep" --out "$tmp/whole" --jobs 2 --no-progress
[ "$(wc -l <"$tmp/whole/points.csv")" -eq 242 ] && ok || bad "points.csv should hold 241 rows"
grep -q "exhaustive: the global optimum of the models" "$tmp/whole/report.md" && ok || bad "report: coverage"
grep -q "## What each key buys" "$tmp/whole/report.md" && grep -q '| `lanes` | 32 |' "$tmp/whole/report.md" && ok || bad "report: key table"

# four shards through GNU parallel (each compressed), then merge: byte-identical to the unsharded run
parallel -j 2 "$bin" explore --sweep "$sweep" --shard {}/4 --out "$tmp/s{}" --compress gzip --no-progress ::: 0 1 2 3 \
  >"$tmp/parallel.out" 2>&1 && ok || { bad "parallel shards"; head -5 "$tmp/parallel.out"; }
for i in 0 1 2 3; do [ -s "$tmp/s$i/points.csv.gz" ] && [ ! -e "$tmp/s$i/points.csv" ] && ok || bad "shard $i: points.csv.gz"; done
[ "$(for i in 0 1 2 3; do gzip -dc "$tmp/s$i/points.csv.gz" | tail -n +2; done | wc -l)" -eq 241 ] && ok || bad "shards should hold 241 rows together"
expect 0 "merged 4 shards" -- "$bin" merge "$tmp"/s? --out "$tmp/merged" --jobs 2
for f in points.csv report.md best.cfg run.cfg pareto.gp; do same "$tmp/merged/$f" "$tmp/whole/$f"; done

# kept rows: feasible only, front only, compressed; the same from explore and from merge
expect 0 "points.csv.gz: [0-9]+ rows \(front\)" -- "$bin" explore --sweep "$sweep" --out "$tmp/front" --points front --compress gzip --no-progress
{ head -1 "$tmp/whole/points.csv"; awk -F, 'NR > 1 && ($(NF-1) == 1 || $NF == 1)' "$tmp/whole/points.csv"; } >"$tmp/front.expected"
gzip -dc "$tmp/front/points.csv.gz" >"$tmp/front.csv"
same "$tmp/front.csv" "$tmp/front.expected"
[ "$(wc -l <"$tmp/front.csv")" -gt 2 ] && ok || bad "the front should hold points"
same "$tmp/front/report.md" "$tmp/whole/report.md"
expect 0 "merged 4 shards" -- "$bin" merge "$tmp"/s? --out "$tmp/mfront" --points front --compress gzip
cmp -s <(gzip -dc "$tmp/mfront/points.csv.gz") "$tmp/front.csv" && ok || bad "merge --points front differs"
expect 0 "points.csv: [0-9]+ rows \(feasible\)" -- "$bin" explore --sweep "$sweep" --out "$tmp/feas" --points feasible --no-progress
{ head -1 "$tmp/whole/points.csv"; awk -F, 'NR > 1 && $(NF-2) == 1' "$tmp/whole/points.csv"; } >"$tmp/feas.expected"
same "$tmp/feas/points.csv" "$tmp/feas.expected"
# a folder switching to the compressed file drops the plain one (never both)
expect 0 "points.csv.gz" -- "$bin" explore --sweep "$sweep" --out "$tmp/feas" --compress gzip --no-progress
[ -e "$tmp/feas/points.csv.gz" ] && [ ! -e "$tmp/feas/points.csv" ] && ok || bad "points.csv left beside points.csv.gz"

# a killed compressed shard resumes to the same rows
expect 3 "continue with --resume" -- "$bin" explore --sweep "$sweep" --shard 1/4 --out "$tmp/cut" --compress gzip --stop-after 20 --no-progress
expect 0 "shard 1/4" -- "$bin" explore --sweep "$sweep" --shard 1/4 --out "$tmp/cut" --compress gzip --resume --no-progress
cmp -s <(gzip -dc "$tmp/cut/points.csv.gz") <(gzip -dc "$tmp/s1/points.csv.gz") && ok || bad "resumed shard differs"
# merge refuses a shard that kept only some rows, and a corrupt compressed shard
expect 2 "--points 'most' is not legal \(legal: whole, feasible, front\)" -- "$bin" explore --sweep "$sweep" --points most --out "$tmp/x"
expect 2 "--compress 'zip' is not legal \(legal: none, gzip\)" -- "$bin" merge "$tmp"/s? --out "$tmp/x" --compress zip
cp -r "$tmp/s2" "$tmp/s2c"; head -c 300 "$tmp/s2/points.csv.gz" >"$tmp/s2c/points.csv.gz"
expect 1 "s2c/points.csv.gz" -- "$bin" merge "$tmp/s0" "$tmp/s1" "$tmp/s2c" "$tmp/s3" --out "$tmp/m2"

# an exhaustive sweep over slot variants (explorer/slot_variants.hpp): the same
# pruned plan in every process, so shards + merge and a resumed run equal one run
slots="$tmp/slots.cfg"
cat >"$slots" <<CFG
name = slots
strategy = exhaustive
baseline = $src/configs/designs/baseline.cfg
lanes = 1, 4, 16
weight_memory = logic, m10k
weight_banks = 4
bram_ports = 2
kv_memory = registers, m10k
sequences = 1, 2, 4
cores = 1, 2
schedule = oldest, round_robin
pll_mhz = 25:150:25
[workload]
names = 4
CFG
expect 0 "slots: strategy exhaustive, .*12 without their slot variants.*over a device cap and 24 one-slot duplicates of a schedule or slot memory left out" -- \
  "$bin" explore --sweep "$slots" --out "$tmp/sv" --jobs 2 --no-progress
head -1 "$tmp/sv/points.csv" | cut -d, -f17,18 | grep -qx "sequences,cores" && ok || bad "slots: columns 17, 18"
[ "$(awk -F, 'NR > 1 && $17 * $18 > 1' "$tmp/sv/points.csv" | wc -l)" -gt 0 ] && ok || bad "slots: no row with several slots"
parallel -j 2 "$bin" explore --sweep "$slots" --shard {}/3 --out "$tmp/sv{}" --no-progress ::: 0 1 2 >"$tmp/parallel.out" 2>&1 && ok || bad "slot shards"
expect 0 "merged 3 shards" -- "$bin" merge "$tmp"/sv? --out "$tmp/svm" --jobs 2
for f in points.csv report.md best.cfg run.cfg; do same "$tmp/svm/$f" "$tmp/sv/$f"; done
expect 3 "continue with --resume" -- "$bin" explore --sweep "$slots" --out "$tmp/svc" --stop-after 9 --no-progress
expect 0 "slots" -- "$bin" explore --sweep "$slots" --out "$tmp/svc" --resume --no-progress
for f in points.csv report.md best.cfg; do same "$tmp/svc/$f" "$tmp/sv/$f"; done

# the plots stay small: a density cloud, not one mark per point
svg=$(stat -c %s "$tmp/whole/pareto.svg"); [ "$svg" -lt 5000000 ] && ok || bad "pareto.svg is $svg bytes"
[ -s "$tmp/whole/pareto.png" ] && ok || bad "pareto.png"

echo "explore_shards: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
