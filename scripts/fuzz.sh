#!/usr/bin/env bash
# Builds the libFuzzer harnesses of the parsers (fuzz/, clang, build-fuzz/) and
# runs each from its committed seed corpus (fuzz/corpus/<name>/), two at a time.
# A crash, a sanitizer finding, a hang or a broken parser contract fails the
# run; the input that did it is kept in build-fuzz/findings/<name>/ (reproduce
# with build-fuzz/fuzz/fuzz_<name> FILE). New inputs libFuzzer finds grow
# build-fuzz/corpus/<name>/ (not committed; delete it to start over).
#
#   scripts/fuzz.sh                   the smoke run of scripts/test.sh: 20 s per harness
#   scripts/fuzz.sh --seconds N       N seconds per harness
#   scripts/fuzz.sh --runs N          the campaign: N executions per harness (fuzz/README.md)
#   ... [NAME ...]                    only these harnesses (default: every fuzz/fuzz_NAME.cpp)
#
# Prints per harness the executions, exec/s and corpus size, then "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
limit="-max_total_time=20"
names=()
while (( $# )); do
  case $1 in
    --seconds) limit="-max_total_time=$2"; shift 2 ;;
    --runs) limit="-runs=$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option '$1' (legal: --seconds N, --runs N)" >&2; exit 2 ;;
    *) names+=("$1"); shift ;;
  esac
done
if (( ${#names[@]} == 0 )); then
  for f in fuzz/fuzz_*.cpp; do n=${f#fuzz/fuzz_}; names+=("${n%.cpp}"); done
fi

build=build-fuzz
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DMGPT_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" >/dev/null
cmake --build "$build" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${names[@]}")

# abort_on_error: a finding ends in abort(), which libFuzzer reports with the input.
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_one() {
  local name=$1 limit=$2 build=$3
  local work="$build/corpus/$name" findings="$build/findings/$name" log="$build/findings/$name.log"
  mkdir -p "$work" "$findings"
  # -timeout: no parser needs seconds for a few KB; a slower input is a hang.
  if "$build/fuzz/fuzz_$name" "$limit" -timeout=25 -print_final_stats=1 -artifact_prefix="$findings/" \
       "$work" "fuzz/corpus/$name" >"$log" 2>&1; then
    local runs rate
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    printf '%-18s ok    %10s runs %7s exec/s  corpus %s\n' "$name" "$runs" "$rate" "$(ls "$work" | wc -l)"
  else
    printf '%-18s FAIL  (log: %s)\n' "$name" "$log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz:|.*runtime error)' "$log" | head -5 | sed 's/^/  | /'
    return 1
  fi
}
export -f run_one
set +e
printf '%s\n' "${names[@]}" | xargs -P "$(nproc)" -I{} bash -c 'run_one "$@"' _ {} "$limit" "$build" \
  >"$build/fuzz_summary.txt"
set -e
cat "$build/fuzz_summary.txt"
failed=$(grep -c ' FAIL ' "$build/fuzz_summary.txt" || true)
echo "fuzz: $(( ${#names[@]} - failed )) passed, $failed failed"
(( failed == 0 ))
