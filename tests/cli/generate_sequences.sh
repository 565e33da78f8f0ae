#!/usr/bin/env bash
# generate --sequences S (docs/SEQUENCES.md): the default is today's output
# byte for byte, names come out in workload order (name i from slot i mod S),
# and an illegal S is refused with exit 2 naming the option and the legal values.
# usage: generate_sequences.sh path/to/microgpt-dse source-dir
set -u
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
ok() { passes=$((passes+1)); }
bad() { echo "FAIL: $*"; fails=$((fails+1)); }

expect 0 "--sequences arg \(=1\)" -- "$bin" generate --help
for s in 0 3 32 x "" -4 04; do
  expect 2 "^microgpt-dse generate: --sequences: value '$s' is not legal \(legal: 1, 2, 4, 8, 16\)$" -- \
    "$bin" generate --count 2 --sequences "$s"
  [ -s "$tmp/out" ] && bad "--sequences '$s' printed names" || ok
done

for args in "--seed 2" "--seed 0xFFFFFFFF --temperature 0.8" "--seed 7 --greedy --numerics reference"; do
  # shellcheck disable=SC2086
  "$bin" generate --count 12 $args >"$tmp/default" 2>/dev/null || bad "generate $args failed"
  # shellcheck disable=SC2086
  "$bin" generate --count 12 $args --sequences 1 >"$tmp/s1" 2>/dev/null || bad "generate $args --sequences 1 failed"
  cmp -s "$tmp/default" "$tmp/s1" && ok || bad "--sequences 1 differs from the default ($args)"
  for s in 2 4 8 16; do
    # shellcheck disable=SC2086
    "$bin" generate --count 12 $args --sequences $s >"$tmp/s$s" 2>"$tmp/err" || bad "generate $args --sequences $s failed"
    [ "$(wc -l <"$tmp/s$s")" -eq 12 ] && ! grep -qvE '^[a-z]*$' "$tmp/s$s" && ok || bad "--sequences $s output ($args)"
    # slot 0 runs names 0, S, 2S, ... from the user's seed: they are the single sequence's first names
    awk -v s=$s 'NR % s == 1 || s == 1' "$tmp/s$s" >"$tmp/slot0"
    head -n "$(wc -l <"$tmp/slot0")" "$tmp/s1" | cmp -s - "$tmp/slot0" && ok || bad "--sequences $s slot 0 ($args)"
  done
  # sampling: the other slots draw other streams; greedy: the RNG plays no part
  case $args in
    *--greedy*) cmp -s "$tmp/s1" "$tmp/s4" && ok || bad "greedy names depend on --sequences ($args)" ;;
    *) cmp -s "$tmp/s1" "$tmp/s4" && bad "--sequences 4 printed the single sequence's names ($args)" || ok ;;
  esac
done

# --cores K multiplies the slots: S = 4 on K = 2 cores is S = 8 on one, name for name
"$bin" generate --count 20 --sequences 8 >"$tmp/s8" 2>/dev/null || bad "generate --sequences 8 failed"
"$bin" generate --count 20 --sequences 4 --cores 2 >"$tmp/s4k2" 2>/dev/null || bad "generate --cores 2 failed"
cmp -s "$tmp/s8" "$tmp/s4k2" && ok || bad "--sequences 4 --cores 2 differs from --sequences 8"
for k in 0 3 16 x; do
  expect 2 "^microgpt-dse generate: --cores: value '$k' is not legal \(legal: 1, 2, 4, 8\)$" -- \
    "$bin" generate --count 2 --cores "$k"
done

# The board flow (roms, fpga) takes any slots on one core: several cores are
# refused before any work, naming the key
for cmd in roms fpga; do
  expect 2 "^microgpt-dse $cmd: cores = 2: the board flow \(roms, fpga\) takes one core \(legal: cores = 1, any sequences\)" -- \
    "$bin" $cmd --set sequences=2 --set cores=2 --out "$tmp/$cmd.out"
  [ -e "$tmp/$cmd.out" ] && bad "$cmd wrote $tmp/$cmd.out" || ok
done
# cosim takes several cores (rtl/mgpt_cores.sv): the design passes, the next
# argument checked (--mode) is the one refused, before any build
expect 2 "^microgpt-dse cosim: --mode 'x' is not legal \(legal: compare, refine\)$" -- \
  "$bin" cosim --set sequences=2 --set cores=2 --mode x --steps-csv "$tmp/cosim.out"
[ -e "$tmp/cosim.out" ] && bad "cosim wrote $tmp/cosim.out" || ok
# roms writes the core's parameters and ROM files for any slots
expect 0 "wrote the ROM files" -- "$bin" roms --set sequences=4 --set schedule=round_robin --out "$tmp/r_s4"
grep -qx -- "-GSLOTS=4" "$tmp/r_s4/verilator_params.vc" && grep -qx -- "-GSCHED_RR=1" "$tmp/r_s4/verilator_params.vc" && ok ||
  bad "roms --set sequences=4: verilator_params.vc lacks -GSLOTS=4 -GSCHED_RR=1"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
