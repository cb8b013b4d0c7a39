#!/usr/bin/env bash
# The long versions of the durability tests (called by `make soak`): the crash test with
# HEARTH_CRASH_KILLS kills per backend (default 120: 240 in all) on SQLite and on a PostgreSQL 15
# this script starts and stops, and the fail-over test HEARTH_FAILOVERS times (default 5), each
# on a new pg_auto_failover formation. Prints what each tried and found.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-soak.XXXXXX)
chmod 755 "$tmp"
cleanup() { scripts/pg.sh stop "$tmp/pg"; rm -rf "$tmp"; }
trap cleanup EXIT
HEARTH_TEST_PG=$(scripts/pg.sh start "$tmp/pg")  # (not in `export`, which would hide a failure)
export HEARTH_TEST_PG
export HEARTH_CRASH_KILLS=${HEARTH_CRASH_KILLS:-120}
failovers=${HEARTH_FAILOVERS:-5}
echo "== crash test: $HEARTH_CRASH_KILLS SIGKILLs per backend under a mixed write load"
"$build/hearth_tests" --gtest_filter='*CrashApi*' --gtest_brief=1
echo "== fail-over: the PostgreSQL primary killed under writes, $failovers times, each on a new pg_auto_failover formation"
"$build/hearth_tests" --gtest_filter='FailoverApi*' --gtest_brief=1 --gtest_repeat="$failovers"
echo "== soak passed"
