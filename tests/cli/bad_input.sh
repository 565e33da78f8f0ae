#!/usr/bin/env bash
# Bad input of issue 15, one case per row of docs/BAD_INPUT.md: each gets a
# message naming what is wrong, its exit code (2 bad arguments, 1 bad files),
# and leaves nothing behind; what the user owns (a symlink, a device, a FIFO)
# is written through, never replaced. The last part runs `cosim` on the
# regression baseline (its driver is built by `make`; built here if missing).
# usage: bad_input.sh path/to/microgpt-dse source-dir
set -u
bin=$(realpath "$1"); src=$(realpath "$2")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1  # relative paths below: the messages name them as given
fails=0; passes=0
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
ok() { if "$@"; then passes=$((passes+1)); else echo "FAIL: $*"; fails=$((fails+1)); fi; }
# What a folder holds, to check that a refused command left nothing.
listing() { ls -A "$1" | sort | tr '\n' ' '; }
mkdir work; touch work/plain

# 1. an unwritable trace path: an error before the run (was SIGFPE, exit 136), nothing written
before=$(listing work)
expect 1 "work/nodir/t.vcd: cannot create: folder 'work/nodir' does not exist" -- "$bin" simulate --count 1 --trace work/nodir/t.vcd
expect 1 "work/plain/t.vcd: cannot create: 'work/plain' is not a folder" -- "$bin" simulate --count 1 --trace work/plain/t.vcd
expect 1 "work/nodir/s.csv: cannot create: folder 'work/nodir' does not exist" -- "$bin" simulate --count 1 --steps-csv work/nodir/s.csv
ok test "$(listing work)" = "$before"

# 2. devices, symlinks and FIFOs are written through, never replaced.
# The devices are stand-ins in $tmp: as root, real character devices (mknod: the
# kernel's null and full), and stdout a link to /proc/self/fd/1, so that a
# binary that regressed to renaming over its target (as root) replaces these,
# never the machine's /dev/null, /dev/full or /dev/stdout. Without root the
# real ones are used: a non-root process cannot replace them.
null=$tmp/null; full=$tmp/full; stdout=$tmp/stdout
{ mknod "$null" c 1 3 && mknod "$full" c 1 7; } 2>/dev/null || { null=/dev/null; full=/dev/full; }
ln -s /proc/self/fd/1 "$stdout"
expect 1 "$full: write failed: No space left on device" -- "$bin" simulate --count 1 --steps-csv "$full"
expect 1 "$full: write failed" -- "$bin" simulate --count 1 --trace "$full"
expect 0 "throughput" -- "$bin" simulate --count 1 --steps-csv "$null" --trace "$null"
ok test -c "$null"
ok test -c "$full"
"$bin" simulate --count 2 --steps-csv "$stdout" >"$tmp/stdout.txt" 2>/dev/null
ok test -L "$stdout"
ok grep -q "^name,pos,token_in" "$tmp/stdout.txt"
ok grep -q "^throughput" "$tmp/stdout.txt"
echo old >work/target.csv; ln -s target.csv work/link.csv
expect 0 "throughput" -- "$bin" simulate --count 1 --steps-csv work/link.csv
ok test -L work/link.csv
ok grep -q "^name,pos,token_in" work/target.csv
ln -s trace_target.vcd work/trace_link.vcd
expect 0 "trace: work/trace_link.vcd" -- "$bin" simulate --count 1 --trace work/trace_link.vcd
ok test -L work/trace_link.vcd
ok grep -q 'enddefinitions' work/trace_target.vcd
mkfifo work/pipe.csv
timeout 120 cat work/pipe.csv >"$tmp/from_fifo" &  # bounded: a writer that never opens it must not hang the test
reader=$!
expect 0 "throughput" -- "$bin" simulate --count 1 --steps-csv work/pipe.csv
wait "$reader"
ok test -p work/pipe.csv
ok grep -q "^name,pos,token_in" "$tmp/from_fifo"
ok test -z "$(ls -A work | grep -E '\.tmp[0-9]')"

# 5. a folder where a file is expected
expect 1 "work: is a folder, not a design file" -- "$bin" simulate --design work --count 1
expect 1 "work: is a folder, not a design file" -- "$bin" cosim --design work --count 1
expect 1 "work: is a folder, not a design file" -- "$bin" roms --design work --out "$tmp/roms"
expect 1 "work: is a folder, not a design file" -- "$bin" fpga --design work --out "$tmp/fpga"
ok test ! -e "$tmp/roms"
ok test ! -e "$tmp/fpga"
expect 1 "work: is a folder, not a names file" -- "$bin" train --data work --steps 1 --out "$tmp/trained"
expect 1 "work: is a folder, not a names file" -- "$bin" evaluate --data work
expect 1 "work: is a folder, not a sweep file" -- "$bin" explore --sweep work --out "$tmp/swept"
ok test ! -e "$tmp/swept"
mkdir -p rom_set/wte_q12.hex
expect 1 "rom_set/wte_q12.hex: is a folder, not a ROM file" -- "$bin" generate --weights rom_set

# 6. words that belong to no option
expect 2 "unexpected argument 'configs/designs/x.cfg'.*did you mean --design configs/designs/x.cfg" -- "$bin" simulate configs/designs/x.cfg
expect 2 "unexpected argument 'my.cfg'.*did you mean --sweep my.cfg" -- "$bin" explore my.cfg
expect 2 "--points 'most' is not legal \(legal: whole, feasible, front\)" -- "$bin" explore --points most --out "$tmp/pm"
ok test ! -e "$tmp/pm"
expect 2 "--compress 'zip' is not legal \(legal: none, gzip\)" -- "$bin" merge "$tmp/pm" --out "$tmp/pm" --compress zip
expect 2 "unexpected argument 'extra': generate takes options only" -- "$bin" generate extra
expect 2 "did you mean --set lanes=8" -- "$bin" cosim lanes=8
for c in train evaluate roms fpga calibrate; do expect 2 "unexpected argument 'extra'" -- "$bin" $c extra; done

# 7. the trace goes to exactly the name given
mkdir work/tracedir
expect 1 "work/tracedir: is a folder, not a file" -- "$bin" simulate --count 1 --trace work/tracedir
ok test -z "$(ls -A work/tracedir)"
ok test ! -e work/tracedir.vcd
expect 0 "trace: work/x.out" -- "$bin" simulate --count 1 --trace work/x.out
ok grep -q 'enddefinitions' work/x.out
ok test ! -e work/x.out.vcd
expect 1 "work/nodir/x.vcd: cannot create: folder 'work/nodir' does not exist" -- "$bin" cosim --count 1 --trace work/nodir/x.vcd
expect 1 "work/tracedir: is a folder" -- "$bin" cosim --count 1 --trace work/tracedir
expect 1 "work/nodir/t.vcd: cannot create: folder 'work/nodir' does not exist" -- "$bin" fpga --out "$tmp/fp" --simulate --trace work/nodir/t.vcd
ok test ! -e "$tmp/fp"

# 12. --build-jobs is checked before cmake sees it
expect 2 "--build-jobs 0 is out of range \(legal: 1\.\.1024\)" -- "$bin" cosim --build-jobs 0 --count 1

# 13. names longer than the context: kept (microgpt.py cuts them too), with a warning naming file:line
{ for i in $(seq 20); do echo emma; echo olivia; done; printf 'a%.0s' $(seq 40); echo; } >long.txt
expect 0 "warning: long.txt:41: a name of 40 letters is longer than the context holds \(15\)" -- "$bin" train --data long.txt --steps 2 --out "$tmp/trained"
expect 0 "warning: long.txt:41: a name of 40 letters" -- "$bin" evaluate --data long.txt --weights "$tmp/trained"

# 15. smaller: the exact temperature range, --set exits 2, m10k -> logic, junk bytes escaped with a line, name from the stem
expect 2 "temperature '0.001' is out of range.*0x0001..0xffff, i.e. 0.00390625 .. 255.99609375.*\(0.001953125, 255.998046875\)" -- "$bin" generate --temperature 0.001
expect 2 "temperature '255.999' is out of range" -- "$bin" generate --temperature 255.999
expect 0 "" -- "$bin" generate --count 1 --temperature 255.998
expect 2 "--set: key 'lanes': value '3' is not legal" -- "$bin" simulate --set lanes=3 --count 1
expect 2 "--set 'lanes': expected key=value" -- "$bin" simulate --set lanes --count 1
printf 'name = m10k_point\nweight_memory = m10k\nweight_banks = 4\nbram_ports = 2\n' >m10k.cfg
expect 0 "design: m10k_point \(.*weight_memory=logic rom_layout=matrix kv_memory" -- "$bin" simulate --design m10k.cfg --set weight_memory=logic --count 1
expect 2 "--set: weight_banks applies only to weight_memory = m10k" -- "$bin" simulate --design m10k.cfg --set weight_memory=logic --set weight_banks=8 --count 1
printf 'lanes = 8\n\001\002\377 junk\n' >junk.cfg
expect 1 "junk.cfg:2: not a 'key = value' line: '\\\\x01\\\\x02\\\\xff junk'" -- "$bin" simulate --design junk.cfg --count 1
printf 'lanes = \001\n' >junk_value.cfg
expect 1 "junk_value.cfg:1: key 'lanes': value '\\\\x01' is not legal" -- "$bin" simulate --design junk_value.cfg --count 1
printf 'lanes = 8\n' >my_point.cfg
expect 0 "^design: my_point \(lanes=8 " -- "$bin" simulate --design my_point.cfg --count 1

# 7 (the RTL side): the driver writes exactly the name given, through a symlink too
cfg="$src/configs/regression/r1_baseline.cfg"
expect 0 "RTL trace: work/rtl.out" -- "$bin" cosim --design "$cfg" --count 1 --build-jobs 2 --trace work/rtl.out
ok grep -q 'enddefinitions' work/rtl.out
ok test ! -e work/rtl.out.vcd
ln -s rtl_target.vcd work/rtl_link.vcd
expect 0 "^PASS: " -- "$bin" cosim --design "$cfg" --count 1 --build-jobs 2 --trace work/rtl_link.vcd --steps-csv "$null"
ok test -L work/rtl_link.vcd
ok grep -q 'enddefinitions' work/rtl_target.vcd
ok test -c "$null"
ok test -z "$(ls -A work | grep -E '\.tmp[0-9]')"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
