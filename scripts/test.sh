#!/usr/bin/env bash
# Runs every test: unit, service, repository and API tests on SQLite and on a PostgreSQL 15 this
# script starts and stops itself; the OpenAPI document through a validator; the web app in
# headless Chromium. Called by `make test` after the build.
set -euo pipefail
build=${1:-build}
only_ctest=${2:-}  # --ctest-only: the unit, service and API tests alone (make test-asan)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-test.XXXXXX)
chmod 755 "$tmp"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  scripts/pg.sh stop "$tmp/pg"
  rm -rf "$tmp"
}
trap cleanup EXIT
# Each phase's heading says when it started (seconds since this script began): the CI budget.
phase() { echo "== $* (at ${SECONDS} s)"; }

phase "starting PostgreSQL 15 on 127.0.0.1"
HEARTH_TEST_PG=$(scripts/pg.sh start "$tmp/pg")  # (not in `export`, which would hide a failure)
export HEARTH_TEST_PG
echo "   $HEARTH_TEST_PG"

phase "unit, service, repository and API tests (SQLite and PostgreSQL)"
retry=()
if [ "$only_ctest" = "--ctest-only" ]; then
  # Under the sanitizers every report is written to a file (the servers the tests start inherit
  # these settings) and any file fails the run, even when the test that caused it passed.
  logs="$root/$build/sanitizer-logs"
  rm -rf "$logs" && mkdir -p "$logs"
  export ASAN_OPTIONS="log_path=$logs/asan"
  export UBSAN_OPTIONS="log_path=$logs/ubsan:print_stacktrace=1"
  # The instrumented build is several times slower; a test that fails once is run again and
  # both outcomes are in the log (a case failed once in the first CI run and never again in 60
  # reruns; see SECURITY.md). A sanitizer report is never retried away: see above.
  retry=(--repeat until-pass:2)
fi
ctest_status=0
ctest --test-dir "$build" --output-on-failure -j 2 --timeout 300 "${retry[@]}" 2>&1 | tee "$tmp/ctest.log" || ctest_status=1
if [ "$only_ctest" = "--ctest-only" ]; then
  # A server that a sanitizer stopped shows up in a test only as refused connections: its
  # report is here.
  if [ -n "$(ls -A "$logs")" ]; then
    echo "== sanitizer reports:"; head -c 20000 "$logs"/*; exit 1
  fi
fi
[ "$ctest_status" = 0 ] || exit 1
if [ "$only_ctest" = "--ctest-only" ]; then
  echo "   sanitizer reports: none (ASan, UBSan and LeakSanitizer, tests and every server they started)"
  grep -E 'Test +#[0-9]+: .*\*\*\*(Failed|Exception)' "$tmp/ctest.log" | sed 's/^/   failed once, then passed: /' || true
fi
# What the durability tests tried and found (their own summary lines).
grep -hE '^(crash test|authorization matrix|PostgreSQL outage|disk full|slow clients|scale-out|replica|fail-over|export-tenant)' "$build/Testing/Temporary/LastTest.log" || true
if [ "$only_ctest" = "--ctest-only" ]; then
  echo "== all tests passed ($build)"
  exit 0
fi

phase "fuzzing: JSON bodies, CSV and XLSX imports, IDs and phones, query strings (20 s per target)"
scripts/fuzz.sh --seconds 20

phase "attack tools: sqlmap and wapiti against a local server"
scripts/security-scan.sh "$build"

phase "OpenAPI document and web app against a running server"
export HEARTH_ADMIN_PASSWORD=E2e-admin-pass-1
export HEARTH_TELEPHONY_SECRET=e2e-telephony-secret  # the screen-pop test signs its calls with it
"$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$tmp/e2e.db" --fast-hashing --no-access-log >"$tmp/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 200); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "$url" ] || { cat "$tmp/serve.log"; echo "the server did not start"; exit 1; }
export HEARTH_URL=${url%/}
(cd web && node scripts/validate-openapi.mjs "$HEARTH_URL/api/v1/openapi.json")
# A second, independent validator (Redocly's recommended rules; web/redocly.yaml): any error or
# warning fails the run.
(cd web && npm run --silent lint:openapi)
# No screenshots here (HEARTH_SHOTS=off): they are for people looking at the pages, run by hand.
(cd web && HEARTH_SHOTS=off node --test --test-concurrency=1 e2e/)
phase "all tests passed"
