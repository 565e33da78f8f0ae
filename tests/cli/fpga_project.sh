#!/usr/bin/env bash
# microgpt-dse fpga writes a well-formed DE1-SoC project: the .qsf names the
# device, every file it lists exists in the folder (but the Platform Designer
# system that build.sh generates), every top-level port has a pin and no pin
# is used twice, the PLL frequency handed to altera_pll is the PLL model's,
# the SDC has the clocks and groups, no template placeholder is left, the
# runner's register map is the RTL's and it runs (tclsh, a mock System
# Console), the top level lints clean (Verilator -Wall with the waivers) and
# yosys elaborates it with Intel's IP as black boxes. Then the usage errors.
# usage: fpga_project.sh path/to/microgpt-dse source-dir
set -u
bin=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passes=0; fails=0
ok() { if "$@"; then passes=$((passes+1)); else echo "FAIL: $*"; fails=$((fails+1)); fi; }

# every file a .qsf assignment names exists (the generated mgpt_host system excepted)
listed_files_exist() {
  local dir=$1 missing=0 f
  while read -r f; do
    case "$f" in mgpt_host/*) continue ;; esac
    [ -f "$dir/$f" ] || { echo "  missing: $f"; missing=1; }
  done < <(grep -E '^set_global_assignment -name (SYSTEMVERILOG_FILE|VERILOG_FILE|MISC_FILE|SDC_FILE|QIP_FILE)' \
             "$dir/de1soc_mgpt.qsf" | awk '{print $NF}')
  [ "$missing" -eq 0 ]
}

# every bit of every port of de1soc_top (as Quartus sees it, `QUARTUS defined) has a location
ports_have_pins() {
  local dir=$1 missing=0 line name range hi lo i
  while read -r line; do
    name=$(echo "$line" | sed -E 's/[,;]?[[:space:]]*$//; s/.*[[:space:]]([A-Za-z_][A-Za-z_0-9]*)$/\1/')
    range=$(echo "$line" | grep -oE '\[[0-9]+:[0-9]+\]' || true)
    if [ -z "$range" ]; then
      grep -qE "^set_location_assignment PIN_[A-Z0-9]+ -to $name\$" "$dir/de1soc_mgpt.qsf" \
        || { echo "  no pin: $name"; missing=1; }
    else
      hi=$(echo "$range" | sed -E 's/\[([0-9]+):([0-9]+)\]/\1/'); lo=$(echo "$range" | sed -E 's/\[([0-9]+):([0-9]+)\]/\2/')
      for i in $(seq "$lo" "$hi"); do
        grep -qE "^set_location_assignment PIN_[A-Z0-9]+ -to $name\[$i\]\$" "$dir/de1soc_mgpt.qsf" \
          || { echo "  no pin: $name[$i]"; missing=1; }
      done
    fi
  done < <(verilator -E -P -DQUARTUS -I"$dir/rtl" "$dir/rtl/de1soc_top.sv" \
             | awk '/^module de1soc_top/{m=1} m && /^\);/{m=0} m' | grep -E '^[[:space:]]*(input|output|inout)[[:space:]]')
  [ "$missing" -eq 0 ]
}

# the runner's byte offsets are the RTL's word addresses x 4
regmap_matches() {
  local dir=$1 bad=0 name word byte
  while read -r name word; do
    byte=$(grep -E "^set $name " "$dir/run_on_board.tcl" | awk '{print $3}')
    [ -n "$byte" ] && [ $((byte)) -eq $((0x$word * 4)) ] || { echo "  $name: RTL word 0x$word, runner $byte"; bad=1; }
  done < <(grep -E "^localparam \[7:0\] REG_" "$src/rtl/de1soc/mgpt_regmap.svh" | sed -E "s/.*(REG_[A-Z_]+) *= *8'h([0-9A-Fa-f]+).*/\1 \2/")
  # the results table's size: the RTL's, the runner's (from regmap.hpp)
  word=$(grep -E "^localparam integer RESULT_NAMES" "$src/rtl/de1soc/mgpt_regmap.svh" | sed -E 's/.*= *([0-9]+);.*/\1/')
  byte=$(grep -E "^set RESULT_NAMES " "$dir/run_on_board.tcl" | awk '{print $3}')
  [ -n "$word" ] && [ "$word" = "$byte" ] || { echo "  RESULT_NAMES: RTL $word, runner $byte"; bad=1; }
  [ "$bad" -eq 0 ]
}

# altera_pll's frequency string = 50 MHz * M / (N * C) of the .qsf parameters
pll_matches() {
  local dir=$1 m n c f
  m=$(grep -E '^set_parameter -name PLL_M ' "$dir/de1soc_mgpt.qsf" | awk '{print $4}')
  n=$(grep -E '^set_parameter -name PLL_N ' "$dir/de1soc_mgpt.qsf" | awk '{print $4}')
  c=$(grep -E '^set_parameter -name PLL_C ' "$dir/de1soc_mgpt.qsf" | awk '{print $4}')
  f=$(awk -v m="$m" -v n="$n" -v c="$c" 'BEGIN { printf "%.6f MHz", 50 * m / (n * c) }')
  grep -q "localparam OUT_FREQ = \"$f\";" "$dir/rtl/mgpt_pll_freq.svh" || { echo "  expected $f"; return 1; }
}

lint_clean() {
  local dir=$1
  verilator --lint-only -Wall --unroll-count 1024 --unroll-stmts 1000000 "$src/rtl/lint_waivers.vlt" -I"$dir/rtl" \
    --top-module de1soc_top "$dir"/rtl/*.sv >"$tmp/lint.log" 2>&1 && ! grep -q '%Warning' "$tmp/lint.log" \
    || { head -20 "$tmp/lint.log"; return 1; }
}

# the project's yosys script up to synthesis (reading, parameters), then an elaboration check
yosys_elaborates() {
  local dir=$1
  grep -E '^read_verilog' "$dir/yosys/synth.ys" > "$tmp/elaborate.ys"
  echo "hierarchy -check -top mgpt_yosys_top" >> "$tmp/elaborate.ys"
  (cd "$dir" && yosys -q -s "$tmp/elaborate.ys" >"$tmp/yosys.log" 2>&1) || { tail -20 "$tmp/yosys.log"; return 1; }
}

tcl_complete() {
  command -v tclsh >/dev/null || { echo "  (tclsh not installed: Tcl syntax not checked)"; return 0; }
  echo "set f [open [lindex \$argv 0]]; exit [expr {[info complete [read \$f]] ? 0 : 1}]" > "$tmp/complete.tcl"
  tclsh "$tmp/complete.tcl" "$1"
}

# The runner under tclsh against a stand-in for System Console's master service:
# a register model following docs/FPGA.md whose generations finish at once with
# the names the runner expects. It catches Tcl errors and checks the runner's
# logic (the RTL's side is the co-simulation's job, fpga_simulate.sh).
cat > "$tmp/mock_system_console.tcl" <<'MOCK'
# A stand-in for System Console's master service over a register model that
# follows docs/FPGA.md (map 2.0); a run finishes at once with the names the
# runner expects from the model (expected_names / expected_cycles of the
# runner, name i in slot i mod SLOTS) and leaves the model's RNG states.
set mock_config [expr {16 | (0x0080 << 16)}]
set mock_seeds [lrepeat 16 1]
set mock_err 0
set mock_done 0
set mock_names {}
set mock_cycles {}
set mock_makespan 0
set mock_count 0
set mock_count_reg 1
set mock_slot_sel 0
set mock_result_sel 0
proc refresh_connections {} {}
# a DE1-SoC-like list: an HPS master service first (its exact path is an assumption),
# then the FPGA's JTAG master named by its SLD node (110:132), not by its instance
proc get_service_paths {type} {
    return [list "/devices/SOCVHPS@1#USB-1/hps/master" "/devices/5CSEMA5F31@2#USB-1/(link)/JTAG/(110:132 v1 #0)/phy_0/master"]
}
proc claim_service {type path lib} {
    if {[string match "*SOCVHPS*" $path]} { error "mock: the runner claimed the HPS's master service" }
    return mock_master
}
proc close_service {type m} {}
proc mock_read {a} {
    global mock_config mock_seeds mock_err mock_done mock_names mock_cycles mock_makespan mock_count_reg mock_slot_sel mock_result_sel
    set name [lindex $mock_names $mock_result_sel]
    switch -- $a {
        0 { return 0x4D475054 }
        4 { return 0x00020000 }
        8 { return 0 }
        12 { return $mock_config }
        16 { return [lindex $mock_seeds 0] }
        20 { return [expr {0x31 | ($mock_done << 2) | (($mock_err != 0) << 3) | ([string length $name] << 8) | ($mock_err << 24)}] }
        24 { return 26 }
        28 { return $mock_makespan }
        32 { return 56250000 }
        36 { return $::DESIGN_TAG }
        40 { return [expr {(32 << 8) | $::SLOTS}] }
        44 { return $mock_count_reg }
        48 { return $mock_slot_sel }
        52 { return [lindex $mock_seeds $mock_slot_sel] }
        56 { return $mock_result_sel }
        60 { return [expr {[string length $name] | ($mock_result_sel << 8) | (($mock_result_sel % $::SLOTS) << 16) | (($mock_result_sel < [llength $mock_names]) << 24)}] }
        128 { return [lindex $mock_cycles $mock_result_sel] }
    }
    if {$a >= 0x40 && $a < 0x80} {
        set i [expr {($a - 0x40) / 4}]
        if {$i < [string length $name]} { return [expr {[scan [string index $name $i] %c] - 97}] }
        return 26
    }
    set mock_err [expr {$mock_err | 1}]
    return 0xDEADBEEF
}
proc mock_write {a v} {
    global mock_config mock_seeds mock_err mock_done mock_names mock_cycles mock_makespan mock_count mock_count_reg mock_slot_sel mock_result_sel
    switch -- $a {
        8 {
            if {$v & 2} { set mock_err 0; set mock_done 0; set mock_names {}; set mock_cycles {}; set mock_makespan 0 }
            if {$v & 1} {
                set last [expr {$mock_count + $mock_count_reg - 1}]
                set mock_names [lrange $::expected_names $mock_count $last]
                set mock_cycles [lrange $::expected_cycles $mock_count $last]
                set mock_makespan [tcl::mathop::+ {*}$mock_cycles]
                set mock_done 1
                set mock_count [expr {$last + 1}]
                if {$mock_count >= [llength $::expected_names]} { set mock_seeds $::expected_final_seeds }
            }
        }
        12 { if {($v & 0x1F) == 0 || ($v & 0x1F) > 16} { set mock_err [expr {$mock_err | 4}] } else { set mock_config $v } }
        16 { lset mock_seeds 0 $v }
        44 { if {$v == 0 || $v > 32} { set mock_err [expr {$mock_err | 4}] } else { set mock_count_reg $v } }
        48 { if {$v >= $::SLOTS} { set mock_err [expr {$mock_err | 4}] } else { set mock_slot_sel $v } }
        52 { lset mock_seeds $mock_slot_sel $v }
        56 { if {$v >= 32} { set mock_err [expr {$mock_err | 4}] } else { set mock_result_sel $v } }
        default { set mock_err [expr {$mock_err | 1}] }
    }
}
proc master_read_32 {m a n} { return [format 0x%08x [mock_read [expr {$a}]]] }
proc master_write_32 {m a v} { mock_write [expr {$a}] [expr {$v}] }
MOCK
runner_runs() {
  command -v tclsh >/dev/null || { echo "  (tclsh not installed: runner not run)"; return 0; }
  echo 'source [lindex $argv 0]; source [lindex $argv 1]' > "$tmp/run_mock.tcl"
  MGPT_EXIT=1 tclsh "$tmp/run_mock.tcl" "$tmp/mock_system_console.tcl" "$1" >"$tmp/runner.out" 2>&1 \
    && tail -1 "$tmp/runner.out" | grep -qx PASS && ! grep -q 'FAIL' "$tmp/runner.out" \
    || { tail -20 "$tmp/runner.out"; return 1; }
}

check_project() {
  local dir=$1
  ok test -f "$dir/de1soc_mgpt.qpf"
  ok grep -qx 'set_global_assignment -name DEVICE 5CSEMA5F31C6' "$dir/de1soc_mgpt.qsf"
  ok grep -qx 'set_global_assignment -name FAMILY "Cyclone V"' "$dir/de1soc_mgpt.qsf"
  ok grep -qx 'set_global_assignment -name TOP_LEVEL_ENTITY de1soc_top' "$dir/de1soc_mgpt.qsf"
  ok grep -qx 'set_location_assignment PIN_AF14 -to CLOCK_50' "$dir/de1soc_mgpt.qsf"
  ok listed_files_exist "$dir"
  # every source of the core's and the board's lists (rtl/mgpt_cores.sv, the
  # several-core top that only cosim takes, is in neither)
  ok test "$(grep -c '^set_global_assignment -name SYSTEMVERILOG_FILE' "$dir/de1soc_mgpt.qsf")" -eq \
          "$(cat "$src"/rtl/core_sources.txt "$src"/rtl/de1soc/board_sources.txt | grep -cEv '^[[:space:]]*(#|$)')"
  ok test "$(grep -c '^set_global_assignment -name MISC_FILE rom/' "$dir/de1soc_mgpt.qsf")" -eq "$(ls "$dir/rom" | wc -l)"
  ok grep -q 'qsys-generate mgpt_host.qsys' "$dir/build.sh"
  ok ports_have_pins "$dir"
  ok test "$(grep -E '^set_location_assignment' "$dir/de1soc_mgpt.qsf" | awk '{print $2}' | sort | uniq -d | wc -l)" -eq 0
  ok pll_matches "$dir"
  ok grep -q 'create_clock -name CLOCK_50 -period 20.000' "$dir/de1soc_mgpt.sdc"
  ok grep -q 'create_clock -name altera_reserved_tck -period 30.303' "$dir/de1soc_mgpt.sdc"
  ok grep -q '^derive_pll_clocks' "$dir/de1soc_mgpt.sdc"
  ok grep -q '^set_clock_groups -asynchronous' "$dir/de1soc_mgpt.sdc"
  ok test "$(cat "$dir"/*.qsf "$dir"/*.sdc "$dir"/*.tcl "$dir"/*.sh "$dir"/*.md "$dir"/rtl/*.svh | grep -cE '@[A-Z][A-Z0-9_]*@')" -eq 0
  ok regmap_matches "$dir"
  ok bash -n "$dir/build.sh"
  ok grep -q 'quartus_sh --flow compile de1soc_mgpt' "$dir/build.sh"
  ok grep -q 'quartus_pgm' "$dir/build.sh"
  ok tcl_complete "$dir/run_on_board.tcl"
  ok tcl_complete "$dir/mgpt_host_qsys.tcl"
  ok grep -q 'claim_service master' "$dir/run_on_board.tcl"
  ok runner_runs "$dir/run_on_board.tcl"
  ok grep -q 'add_instance jtag_master altera_jtag_avalon_master' "$dir/mgpt_host_qsys.tcl"
  ok grep -q '^## Clock \[PLL model' "$dir/report.md"
  ok grep -q '^## Throughput prediction \[model' "$dir/report.md"
  ok grep -q 'bash build.sh' "$dir/README.md"
  ok lint_clean "$dir"
  ok yosys_elaborates "$dir"
}

# the baseline
"$bin" fpga --design "$src/configs/designs/baseline.cfg" --count 3 --out "$tmp/base" >"$tmp/out" 2>"$tmp/err"
ok test $? -eq 0
ok grep -q '^clock \[PLL model\]: 56.2500 MHz = 50 MHz x 45 / (2 x 20)' "$tmp/out"
check_project "$tmp/base"
ok grep -qx 'set_parameter -name LANES 16' "$tmp/base/de1soc_mgpt.qsf"

# an M10K point at a clock the PLL cannot reach exactly
"$bin" fpga --design "$src/configs/designs/baseline.cfg" --set lanes=8 --set weight_memory=m10k --set weight_banks=4 \
  --set bram_ports=2 --set kv_memory=m10k --set pll_mhz=61.7 --count 2 --out "$tmp/m10k" >"$tmp/out2" 2>"$tmp/err2"
ok test $? -eq 0
check_project "$tmp/m10k"
ok grep -q 'nearest reachable to the requested 61.7000 MHz' "$tmp/m10k/report.md"
ok grep -qx 'set_parameter -name WEIGHT_M10K 1' "$tmp/m10k/de1soc_mgpt.qsf"
ok test "$(ls "$tmp/m10k/rom" | grep -c '_b0[0-3].hex')" -eq 36

# two slots (docs/FPGA.md, register map 2.0): the runner runs the workload in one run, each slot from its
# golden::slot_seed (computed by the runner's own xorshift32 jump and checked against the baked seeds)
"$bin" fpga --design "$src/configs/designs/baseline.cfg" --set sequences=2 --count 5 --seed 9 --out "$tmp/s2" \
  >"$tmp/out3" 2>"$tmp/err3"
ok test $? -eq 0
check_project "$tmp/s2"
ok grep -qx 'set_parameter -name SLOTS 2' "$tmp/s2/de1soc_mgpt.qsf"
ok grep -qx 'set SLOTS 2' "$tmp/s2/run_on_board.tcl"
ok grep -q "\[ok\] slot seeds computed here equal microgpt-dse's" "$tmp/runner.out"
ok grep -q "\[ok\] every slot's RNG state after the run is the model's" "$tmp/runner.out"
ok grep -q '^Slots: 2 (oldest): name i runs in slot i mod 2' "$tmp/s2/report.md"
# one run must hold the workload; several cores are not the board's
"$bin" fpga --design "$src/configs/designs/baseline.cfg" --set sequences=2 --count 33 --out "$tmp/s2x" >/dev/null 2>"$tmp/e11"
ok test $? -eq 2
ok grep -q -- "--count 33 is out of range for sequences = 2 on the board (legal: 1..32" "$tmp/e11"
ok test ! -e "$tmp/s2x"
"$bin" fpga --design "$src/configs/designs/baseline.cfg" --set cores=2 --count 2 --out "$tmp/k2" >/dev/null 2>"$tmp/e12"
ok test $? -eq 2
ok grep -q "cores = 2: the board flow (roms, fpga) takes one core (legal: cores = 1, any sequences)" "$tmp/e12"

# --out: a new or empty folder, or fpga's own earlier output; a folder of the user's only with --force
base_cfg="$src/configs/designs/baseline.cfg"
ok test -f "$tmp/base/.microgpt-dse-fpga"
"$bin" fpga --design "$base_cfg" --count 1 --out "$tmp/base" >/dev/null 2>"$tmp/e5"; ok test $? -eq 0
mkdir -p "$tmp/mine/rtl"; echo keep >"$tmp/mine/rtl/keep.sv"; echo mine >"$tmp/mine/README.md"
"$bin" fpga --design "$base_cfg" --count 1 --out "$tmp/mine" >/dev/null 2>"$tmp/e6"; ok test $? -eq 2
ok grep -q "is a folder microgpt-dse fpga did not create and it is not empty (README.md, rtl).*--force" "$tmp/e6"
(cd "$tmp/mine" && "$bin" fpga --design "$base_cfg" --count 1 --out . >/dev/null 2>"$tmp/e7"); ok test $? -eq 2
ok grep -q -- "--out \. is a folder microgpt-dse fpga did not create" "$tmp/e7"
ok test "$(cat "$tmp/mine/rtl/keep.sv")" = keep
ok test "$(cat "$tmp/mine/README.md")" = mine
ok test ! -e "$tmp/mine/rom"
"$bin" fpga --design "$base_cfg" --count 1 --out "$tmp/mine" --force >/dev/null 2>"$tmp/e8"; ok test $? -eq 0
ok test -f "$tmp/mine/.microgpt-dse-fpga"
ok test -f "$tmp/mine/de1soc_mgpt.qsf"
mkdir -p "$tmp/empty"
"$bin" fpga --design "$base_cfg" --count 1 --out "$tmp/empty" >/dev/null 2>"$tmp/e9"; ok test $? -eq 0
echo x >"$tmp/file"
"$bin" fpga --design "$base_cfg" --count 1 --out "$tmp/file" >/dev/null 2>"$tmp/e10"; ok test $? -eq 2
ok grep -q "exists and is not a folder" "$tmp/e10"
ok test "$(cat "$tmp/file")" = x

# usage errors exit 2 and name the option
"$bin" fpga --count 1 >/dev/null 2>"$tmp/e1"; ok test $? -eq 2
ok grep -q "out" "$tmp/e1"
"$bin" fpga --out "$tmp/x" --yosys-timeout 0 >/dev/null 2>"$tmp/e2"; ok test $? -eq 2
ok grep -q -- "--yosys-timeout" "$tmp/e2"
"$bin" fpga --out "$tmp/x" --trace "$tmp/t.vcd" >/dev/null 2>"$tmp/e3"; ok test $? -eq 2
ok grep -q -- "--trace needs --simulate" "$tmp/e3"
"$bin" fpga --out "$tmp/x" --set lanes=3 >/dev/null 2>"$tmp/e4"; ok test $? -eq 2  # a bad --set is a bad argument
ok grep -q "lanes" "$tmp/e4"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
