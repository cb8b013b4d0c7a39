#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with AddressSanitizer and UBSan) and runs each one:
#   scripts/fuzz.sh --seconds 20     bounded time per target (make test)
#   scripts/fuzz.sh --runs 10000000  a number of executions per target (make fuzz)
# The corpus in fuzz/corpus/<target> seeds each run; what a run discovers goes to a temporary
# directory (add a file to the corpus by hand when it is worth keeping). A crash, leak or
# undefined behaviour stops the run, keeps the input in build-fuzz/artifacts and fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mode=${1:---seconds}
amount=${2:-20}
build=build-fuzz
cmake -S fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" >"$build/build.log" 2>&1 || { tail -30 "$build/build.log"; echo "the fuzz build failed (whole log: $build/build.log)" >&2; exit 1; }
tmp=$(mktemp -d /tmp/hearth-fuzz.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$build/artifacts"
case "$mode" in
  --seconds) limit="-max_total_time=$amount" ;;
  --runs) limit="-runs=$amount" ;;
  *) echo "usage: $0 --seconds N | --runs N" >&2; exit 2 ;;
esac
# One target per core at a time (each libFuzzer run is single-threaded); each writes its own log,
# printed in order once all have run.
targets=(fuzz_customer_json fuzz_csv fuzz_ids fuzz_query fuzz_xlsx)
run_target() {
  local target=$1
  mkdir -p "$tmp/$target"
  if "$build/$target" "$limit" -rss_limit_mb=2048 -max_len=65536 -timeout=10 -print_final_stats=1 \
       -artifact_prefix="$build/artifacts/$target-" "$tmp/$target" "fuzz/corpus/$target" >"$tmp/$target.log" 2>&1; then
    echo ok >"$tmp/$target.rc"
  else
    echo failed >"$tmp/$target.rc"
  fi
}
running=0
for target in "${targets[@]}"; do
  run_target "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$(nproc)" ]; then wait -n; running=$((running - 1)); fi
done
wait
failed=0
for target in "${targets[@]}"; do
  if [ "$(cat "$tmp/$target.rc")" = ok ]; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$tmp/$target.log" | grep -oE '[0-9]+$' || echo "?")
    echo "fuzz $target: $runs executions, 0 crashes (corpus $(ls "fuzz/corpus/$target" | wc -l) seeds + $(ls "$tmp/$target" | wc -l) found)"
  else
    echo "fuzz $target: FAILED — the input is in $build/artifacts/"
    grep -E 'ERROR|runtime error|SUMMARY|Test unit written' "$tmp/$target.log" | head -10
    failed=1
  fi
done
exit $failed
