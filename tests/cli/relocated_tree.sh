#!/usr/bin/env bash
# A copied tree's binary uses the copy's files: its defaults (design, data,
# sweep, calibration, calibration set, RTL cache) point into the copy,
# MGPT_HOME overrides them, a binary outside any tree says how to name one, and
# nothing is written into the original tree.
# usage: relocated_tree.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
ok() { if "$@"; then passes=$((passes+1)); else echo "FAIL: $*"; fails=$((fails+1)); fi; }
# expect CODE PATTERN -- command...: exit code and an output pattern (fixed string)
expect() {
  local code=$1 pat=$2; shift 3
  "$@" >"$tmp/out" 2>&1; local rc=$?
  if [ "$rc" -ne "$code" ] || ! grep -qF -- "$pat" "$tmp/out"; then
    echo "FAIL: $* -> exit $rc (want $code), output lacks '$pat'"; sed 's/^/  | /' "$tmp/out" | head -5; fails=$((fails+1))
  else passes=$((passes+1)); fi
}
# tree COPY: the files the defaults name, copied from the source tree
tree() {
  mkdir -p "$1/explorer" "$1/rtl/synth/results" "$1/rtl/synth/heldout/results"
  cp -r "$src/configs" "$src/data" "$1/"
  cp "$src/explorer/calibration.csv" "$1/explorer/"
  cp "$src/rtl/synth/results/structural_timing.csv" "$1/rtl/synth/results/"
  cp "$src/rtl/synth/heldout/results/structural_timing.csv" "$1/rtl/synth/heldout/results/"
}
copy=$tmp/copy
tree "$copy"
mkdir -p "$copy/build" "$tmp/lone"
cp "$bin" "$copy/build/microgpt-dse"
cp "$bin" "$tmp/lone/microgpt-dse"
# the copy's design differs from the original's: its runs show which one they read
sed -i 's/^lanes *=.*/lanes = 8/' "$copy/configs/designs/baseline.cfg"
orig_sums=$(md5sum "$src/explorer/calibration.csv" "$src/explorer/calibration_report.md")
cd "$tmp"

# defaults name the copy's files
expect 0 "--design arg (=$copy/configs/designs/baseline.cfg)" -- "$copy/build/microgpt-dse" cosim --help
expect 0 "--cache arg (=$copy/build/rtl_cache)" -- "$copy/build/microgpt-dse" cosim --help
expect 0 "--sweep arg (=$copy/configs/sweeps/de1soc.cfg)" -- "$copy/build/microgpt-dse" explore --help
expect 0 "--points arg (=$copy/rtl/synth/results)" -- "$copy/build/microgpt-dse" calibrate --help
expect 0 "weights $copy/data/weights" -- "$copy/build/microgpt-dse" simulate --count 1
ok grep -q "^design: baseline (lanes=8 " "$tmp/out"
# calibrate writes the copy's calibration, never the original's (only run once
# the defaults are known to point into the copy: a binary that still used the
# original tree would overwrite its calibration)
expect 0 "Written by \`microgpt-dse calibrate --reference\`" -- "$copy/build/microgpt-dse" calibrate --reference --dry-run
if [ "$fails" -eq 0 ]; then
  expect 0 "wrote $copy/explorer/calibration.csv and $copy/explorer/calibration_report.md" -- \
    "$copy/build/microgpt-dse" calibrate --reference
  ok test -s "$copy/explorer/calibration_report.md"
else
  echo "FAIL: calibrate not run: the defaults do not point into the copy"; fails=$((fails+1))
fi
# cosim builds against the copy's build folder: here it has no libraries to link
expect 1 "$copy/build/mgpt-config.cmake is missing" -- "$copy/build/microgpt-dse" cosim --count 1
ok test ! -e "$copy/build/rtl_cache"

# MGPT_HOME names another tree (the binary's build folder stays its own)
other=$tmp/other
tree "$other"
sed -i 's/^lanes *=.*/lanes = 4/' "$other/configs/designs/baseline.cfg"
expect 0 "weights $other/data/weights" -- env MGPT_HOME="$other/" "$copy/build/microgpt-dse" simulate --count 1
ok grep -q "^design: baseline (lanes=4 " "$tmp/out"
expect 0 "--design arg (=$other/configs/designs/baseline.cfg)" -- env MGPT_HOME="$other" "$copy/build/microgpt-dse" cosim --help
expect 0 "--cache arg (=$copy/build/rtl_cache)" -- env MGPT_HOME="$other" "$copy/build/microgpt-dse" cosim --help
expect 1 "MGPT_HOME=$tmp/nowhere is not a microgpt-dse tree ($tmp/nowhere/configs/designs/baseline.cfg is missing)" -- \
  env MGPT_HOME="$tmp/nowhere" "$copy/build/microgpt-dse" simulate --count 1
# a binary outside any tree finds none and says so; MGPT_HOME names one
expect 1 "cannot find the microgpt-dse tree of $tmp/lone" -- "$tmp/lone/microgpt-dse" simulate --count 1
ok grep -qF "set MGPT_HOME" "$tmp/out"
expect 0 "weights $copy/data/weights" -- env MGPT_HOME="$copy" "$tmp/lone/microgpt-dse" simulate --count 1

# the original tree was not written
ok test "$(md5sum "$src/explorer/calibration.csv" "$src/explorer/calibration_report.md")" = "$orig_sums"
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
