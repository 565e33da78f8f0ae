#!/usr/bin/env bash
# The RTL cache checks an entry before every use: an edited, deleted or extra
# ROM file, a truncated driver, a broken CMakeCache.txt or a build folder
# broken elsewhere is found, said once and repaired (ROM files rewritten,
# driver relinked, build redone), and cosim passes; two users of one damaged
# entry at once both pass; an entry that cannot be repaired is named with the
# command that deletes it. One cache and one small point (1 lane: a Verilated
# build of ~25 s, three of them here) throughout.
# usage: cosim_cache_repair.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
ok() { if "$@"; then passes=$((passes+1)); else echo "FAIL: $*"; fails=$((fails+1)); fi; }
not() { ! "$@"; }
# cosim [TAG]: the point co-simulated in the shared cache; output in $tmp/TAG.{out,err,rc}
cosim() {
  local tag=${1:-run}
  "$bin" cosim --design "$src/configs/designs/baseline.cfg" --set lanes=1 --count 3 --seed 4 \
    --cache "$tmp/cache" --build-jobs 2 >"$tmp/$tag.out" 2>"$tmp/$tag.err"
  echo $? >"$tmp/$tag.rc"
}
passed() { test "$(cat "$tmp/${1:-run}.rc")" -eq 0 && grep -q "^PASS: " "$tmp/${1:-run}.out"; }
# said_once TEXT: stderr of the last run holds TEXT on exactly one line
said_once() { test "$(grep -cF -- "$1" "$tmp/run.err")" -eq 1; }
quiet() { not grep -qE "differ|changed|failed|rebuilding" "$tmp/run.err"; }

cosim
ok passed
entry=$(ls -d "$tmp"/cache/core_*[0-9a-f] 2>/dev/null | head -1)
ok test -s "$entry/manifest"
# a ROM file edited: a false FAIL ("RTL logits differ") without the check
rom=$(ls "$entry/rom" | head -1)
sed -i '1s/.*/deadbeef/' "$entry/rom/$rom"
cosim
ok passed
ok said_once "the cached ROM files of $entry differ from the design point's ($rom): rewrote them"
# repaired for good: the next run finds nothing
cosim
ok passed
ok quiet
# a ROM file deleted, one too many
rm "$entry/rom/$rom"; echo 00000000 >"$entry/rom/stray.hex"
cosim
ok passed
ok said_once "differ from the design point's ($rom, stray.hex): rewrote them"
ok test ! -e "$entry/rom/stray.hex"
# the driver truncated to 0 bytes: relinked
: >"$entry/build/cosim_driver"
cosim
ok passed
ok said_once "(build/cosim_driver is not the file recorded when it was built): relinking the driver"
ok test -s "$entry/build/cosim_driver"
# CMakeCache.txt broken: the build is redone from scratch
: >"$entry/build/CMakeCache.txt"
cosim
ok passed
ok said_once "(build/CMakeCache.txt is not the file recorded when it was built): rebuilding it from scratch"
# the build folder broken where the manifest does not look: the failed build is redone from scratch
echo 'all: ; false' >"$entry/build/Makefile"
cosim
ok passed
ok said_once "the cached build in $entry failed (log: $entry/build.log): rebuilding it from scratch"
cosim
ok passed
ok quiet
# two users of one damaged entry at once: the lock lets one repair it, both pass
sed -i '1s/.*/deadbeef/' "$entry/rom/$rom"; : >"$entry/build/cosim_driver"
cosim a & cosim b & wait
ok passed a
ok passed b
ok test "$(cat "$tmp/a.err" "$tmp/b.err" | grep -c "rewrote them")" -eq 1
ok test "$(cat "$tmp/a.err" "$tmp/b.err" | grep -c "relinking the driver")" -eq 1
# an entry that cannot be repaired (its rom/ is not a folder) is named, with the path to delete
rm -r "$entry/rom"; echo x >"$entry/rom"
cosim
ok test "$(cat "$tmp/run.rc")" -eq 1
ok said_once "the RTL cache entry $entry cannot be checked or repaired"
ok said_once "delete it (rm -rf '$entry')"
ok test "$(ls -A "$tmp/cache" | grep -c '^\.roms')" -eq 0
[ "$fails" -eq 0 ] || { sed 's/^/  | /' "$tmp/run.err" | tail -20; }
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
