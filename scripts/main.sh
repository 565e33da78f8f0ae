#!/usr/bin/env bash
# The main job of the README: install, build, then run the flow on the shipped
# weights: generate names with the golden model and simulate the baseline
# design point in the TLM, then explore the default DE1-SoC design space.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
echo "== names from the Q4.12 golden model (shipped weights) =="
build/microgpt-dse generate --count 10 --seed 7
echo
echo "== baseline design point, SystemC TLM-2.0 model =="
build/microgpt-dse simulate --design configs/designs/baseline.cfg --count 32 --seed 7
echo
echo "== design-space exploration of the DE1-SoC sweep (results/de1soc/) =="
# Exhaustive (1.5 million micro-architectures, about a minute on 2 cores); the
# committed points.csv keeps the rows on the fronts (every row: --points whole, ~550 MB).
build/microgpt-dse explore --sweep configs/sweeps/de1soc.cfg --out results/de1soc --jobs 2 --points front --no-progress
