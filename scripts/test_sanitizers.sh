#!/usr/bin/env bash
# The sanitizer run of the README's test command: the unit, SystemC, explorer
# and command-line tests built with AddressSanitizer + UndefinedBehaviorSanitizer
# (-DMGPT_SANITIZE=ON, cmake/MgptSanitize.cmake: the project's own code; the
# Verilated C++, SystemC and Boost are linked as they are) in build-asan/.
# Any finding ends the test that made it (halt_on_error, -fno-sanitize-recover).
#
# Not run here: the rtl label (Verilator's C++ co-simulated, not our code under
# test) and cli:cosim_on_demand, cli:fpga_simulate, which Verilate and build a
# driver into a fresh cache (about a minute each, the same Verilated C++ the
# normal run already checks). cli:explore_cli still builds one driver on
# demand here and runs it: the driver's own code linked with the sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-asan
# -O1 -g1: line numbers in the reports at a bearable speed; no NDEBUG, so asserts are on.
cmake -S . -B "$build" -DMGPT_SANITIZE=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" >/dev/null
cmake --build "$build" -j"$(nproc)" --target microgpt-dse unit_tests systemc_tests explorer_tests

export ASAN_OPTIONS="abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
ctest --output-on-failure -j"$(nproc)" --timeout 900 -L "unit|systemc|explorer|cli" \
  -E "^cli:(cosim_on_demand|fpga_simulate)$"
