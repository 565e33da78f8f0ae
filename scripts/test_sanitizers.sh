#!/usr/bin/env bash
# The sanitizer run of the README's test command: the unit, SystemC, explorer
# and command-line tests built with AddressSanitizer + UndefinedBehaviorSanitizer
# (-DMGPT_SANITIZE=ON, cmake/MgptSanitize.cmake: the project's own code; the
# Verilated C++, SystemC and Boost are linked as they are) in build-asan/.
# Any finding ends the test that made it (halt_on_error, -fno-sanitize-recover).
#
# Not run here: the rtl label (Verilator's C++ co-simulated, not our code under
# test) and cli:cosim_on_demand, cli:fpga_simulate(_slots), which Verilate and build a
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
# a run without the sanitizers would pass too: make sure they are in
for exe in microgpt-dse tests/unit_tests tests/systemc_tests tests/explorer_tests; do
  # ldd's whole output first: `ldd | grep -q` fails under pipefail when grep
  # exits at the first match and ldd, still writing, dies of SIGPIPE
  libs=$(ldd "$build/$exe")
  grep -q libasan <<<"$libs" || { echo "test_sanitizers.sh: $build/$exe is not built with ASan" >&2; exit 1; }
done

# detect_stack_use_after_return=0 (GCC's default, stated because it must stay
# so): Debian's SystemC 2.3.4 switches the SC_THREADs' stacks with QuickThreads
# and is not built with ASan's fiber annotations, so ASan's fake stacks break
# them (measured: with =1, the SystemC and explorer tests that run the TLM die with SIGSEGV or a
# bogus UBSan type error in host_initiator.cpp). Leak detection is on:
# SystemC's own allocations are all still reachable at exit, so LSan reports
# nothing and needs no suppression; so are the initialisation-order and
# string checks.
export ASAN_OPTIONS="abort_on_error=1:detect_stack_use_after_return=0:detect_leaks=1:check_initialization_order=1:strict_init_order=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
# Also not run here, for a false positive of the tools, not of our code: an
# exception thrown after SystemC has switched QuickThreads stacks (simulate's
# --steps-csv/--trace to a full device in cli:bad_input; the TLM engine's
# resume check in the explorer test below) makes ASan ignore
# __asan_handle_no_return ("stack type: default ... False positive error
# reports may follow", google/sanitizers#189) and then report stale stack
# poison. The normal run covers both.
ctest --output-on-failure -j"$(nproc)" --timeout 900 -L "unit|systemc|explorer|cli" \
  -E "^(cli:(cosim_on_demand|fpga_simulate|fpga_simulate_slots|bad_input)|explorer:TLM rows are held to the closed form's cycles on resume)$"
