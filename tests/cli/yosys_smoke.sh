#!/usr/bin/env bash
# yosys smoke test of the synthesis scripts (rtl/synth/): synth_intel_alm
# -family cyclonev completes on one small component (the RMS engine at radix 1)
# and rtl/synth/synth_component.sh reports plausible figures for it. The full
# calibration (rtl/synth/run_calibration.sh) takes hours and never runs here.
# usage: yosys_smoke.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
pass() { passes=$((passes+1)); }
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
script=$src/rtl/synth/synth_component.sh

if ! command -v yosys >/dev/null; then
  fail "yosys is not on PATH (the project needs yosys 0.23 for resource estimates)"
  echo "$passes passed, $fails failed"; exit 1
fi

# 1. the RMS engine at norm_radix_bits = 1 synthesizes, within a 50 s limit
row=$(bash "$script" --component rms_engine --out "$tmp/rms" --set norm_radix_bits=1 --point smoke \
        --timeout 50 --bin "$bin" 2>"$tmp/err")
rc=$?
if [ $rc -eq 0 ]; then pass; else fail "synth_component.sh rms_engine exited $rc: $(tail -3 "$tmp/err")"; fi

# 2. one CSV row: point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,status
IFS=, read -r point comp luts alms ffs dsp mlab bits cells secs status <<<"$row"
if [ "$point,$comp,$status" = "smoke,rms_engine,ok" ]; then pass; else fail "row '$row'"; fi

# 3. plausible figures: the engine is a 66-bit remainder, 64-bit radicand, 32-bit
#    root and quotient registers plus one compare-subtract stage per cycle
in_range() { [ -n "$2" ] && [ "$2" -ge "$3" ] 2>/dev/null && [ "$2" -le "$4" ] || fail "$1 = '$2' not in $3..$4 (row '$row')"; }
before=$fails
in_range luts "$luts" 200 5000
in_range ffs "$ffs" 150 400
in_range alms_est "$alms" 100 5000
in_range cells "$cells" 350 10000
in_range dsp "$dsp" 0 0
[ "$fails" -eq "$before" ] && pass

# 4. the figures are the stat of what synth_intel_alm mapped: Cyclone V cells only
stat=$tmp/rms/rms_engine.stat
if [ -s "$stat" ] && grep -q 'MISTRAL_FF' "$stat" && grep -q 'MISTRAL_ALUT' "$stat" \
   && ! grep -qE '^ +\$_' "$stat"; then pass; else fail "stat $stat lacks MISTRAL cells or has unmapped gates"; fi
if grep -q 'synth_intel_alm -family cyclonev' "$tmp/rms/rms_engine.ys"; then pass; else fail "script does not run synth_intel_alm"; fi

# 5. bad input is rejected with a message naming it
if bash "$script" --component widget --out "$tmp/x" --bin "$bin" 2>"$tmp/err2"; then
  fail "unknown component accepted"
elif grep -q "unknown component 'widget'" "$tmp/err2"; then pass; else fail "message: $(cat "$tmp/err2")"; fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
