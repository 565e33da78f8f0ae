#!/usr/bin/env bash
# The test command of the README: install, build from scratch, run the whole
# suite; then the same code under AddressSanitizer + UBSan
# (scripts/test_sanitizers.sh, build-asan/) and a short run of every parser's
# fuzzer (scripts/fuzz.sh, build-fuzz/). Each step stops the run on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
bash scripts/test_sanitizers.sh
bash scripts/fuzz.sh --seconds "${MGPT_FUZZ_SECONDS:-20}"
