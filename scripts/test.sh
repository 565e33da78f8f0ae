#!/usr/bin/env bash
# The test command of the README: install, build from scratch, run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 900
