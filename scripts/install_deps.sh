#!/usr/bin/env bash
# Installs what microgpt-dse needs on Debian 12 (root), only what is missing.
set -euo pipefail
# clang, its runtimes and libFuzzer: the fuzzers of the parsers (fuzz/, scripts/fuzz.sh);
# GNU parallel: sharded explorer runs (explorer/README.md, tests/cli/explore_shards.sh);
# gzip (compressed points.csv.gz) is essential in Debian and always there.
pkgs=(build-essential cmake pkg-config libsystemc-dev verilator catch2 libboost-program-options-dev
      libfccp-dev yosys clang libclang-rt-14-dev libfuzzer-14-dev parallel)
missing=()
for p in "${pkgs[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
plot_missing=0
dpkg-query -W -f='${Status}' gnuplot-nox 2>/dev/null | grep -q "install ok installed" || plot_missing=1
if (( ${#missing[@]} || plot_missing )); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "installing: ${missing[*]} $( ((plot_missing)) && echo gnuplot-nox)" >&2
  $SUDO apt-get update -qq
  export DEBIAN_FRONTEND=noninteractive
  (( ${#missing[@]} )) && $SUDO apt-get install -y -qq "${missing[@]}"
  (( plot_missing )) && $SUDO apt-get install -y -qq --no-install-recommends gnuplot-nox
fi
