#!/usr/bin/env bash
# The command line: help for every subcommand, clean output, and bad input
# rejected with a message naming what is wrong and a non-zero exit.
# usage: cli_errors.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
for c in generate train evaluate simulate; do expect 0 "usage: microgpt-dse $c" -- "$bin" $c --help; done
expect 2 "unknown command" -- "$bin" frobnicate
expect 2 "temperature 'hot'.*legal" -- "$bin" generate --temperature hot
expect 2 "out of range.*0x0001" -- "$bin" generate --temperature 0x0
expect 2 "count.*1\.\.1000000" -- "$bin" generate --count 0
expect 2 "seed" -- "$bin" generate --seed 12x
expect 2 "numerics 'exact'.*reference, saturating" -- "$bin" generate --numerics exact
expect 2 "unrecognised option" -- "$bin" generate --bogus
# boost's own wording loops forever on an argument holding its placeholders
expect 2 "unrecognised option '--x%canonical_option%'" -- timeout 20 "$bin" generate --x%canonical_option%
expect 1 "/nonexistent/wte_q12.hex: cannot open" -- "$bin" generate --weights /nonexistent

# generate prints exactly one name per line, nothing else
"$bin" generate --count 5 --seed 3 >"$tmp/names" 2>/dev/null
if [ "$(wc -l <"$tmp/names")" -eq 5 ] && ! grep -qvE '^[a-z]*$' "$tmp/names"; then passes=$((passes+1)); else echo "FAIL: generate output"; fails=$((fails+1)); fi

# design files: unknown key, illegal value, illegal combination, missing file
printf 'lanes = 16\nfrobs = 3\n' >"$tmp/unknown.cfg"
expect 1 "unknown.cfg:2: unknown key 'frobs'" -- "$bin" simulate --design "$tmp/unknown.cfg" --count 1
printf 'name = x\nlanes = 3\n' >"$tmp/bad.cfg"
expect 1 "bad.cfg:2: key 'lanes': value '3' is not legal \(legal: 1, 2, 4, 8, 16, 32, 64\)" -- "$bin" simulate --design "$tmp/bad.cfg" --count 1
printf 'weight_memory = m10k\n' >"$tmp/combo.cfg"
expect 1 "m10k needs weight_banks" -- "$bin" simulate --design "$tmp/combo.cfg" --count 1
expect 1 "cannot open design file" -- "$bin" simulate --design "$tmp/none.cfg" --count 1
printf 'lanes = 16\nx %%invalid_line%% y\n' >"$tmp/placeholder.cfg"
expect 1 "placeholder.cfg:2: not a 'key = value' line: 'x %invalid_line% y'" -- timeout 20 "$bin" simulate --design "$tmp/placeholder.cfg" --count 1
expect 1 "placeholder.cfg: malformed sweep file: .*invalid line 'x %invalid_line% y'" -- timeout 20 "$bin" explore --sweep "$tmp/placeholder.cfg" --out "$tmp/ph_out"
expect 2 "--set: key 'pll_mhz': value '900'.*1.171875 .. 550" -- "$bin" simulate --set pll_mhz=900 --count 1
expect 2 "--set: key 'sampler': value 'fast'.*sequential, parallel" -- "$bin" simulate --set sampler=fast --count 1

# a truncated ROM file names the file and the line
cp -r "$src/data/weights" "$tmp/w"; head -n 100 "$src/data/weights/wpe_q12.hex" >"$tmp/w/wpe_q12.hex"
expect 1 "wpe_q12.hex:100: truncated" -- "$bin" generate --weights "$tmp/w"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
