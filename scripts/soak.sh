#!/usr/bin/env bash
# The long versions of the durability tests (called by `make soak`): the crash test with
# HEARTH_CRASH_KILLS kills per backend (default 120: 240 in all) on SQLite and on a PostgreSQL 15
# this script starts and stops. Prints what each tried and found.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-soak.XXXXXX)
chmod 755 "$tmp"
cleanup() { scripts/pg.sh stop "$tmp/pg"; rm -rf "$tmp"; }
trap cleanup EXIT
export HEARTH_TEST_PG=$(scripts/pg.sh start "$tmp/pg")
export HEARTH_CRASH_KILLS=${HEARTH_CRASH_KILLS:-120}
echo "== crash test: $HEARTH_CRASH_KILLS SIGKILLs per backend under a mixed write load"
"$build/hearth_tests" --gtest_filter='*CrashApi*' --gtest_brief=1
echo "== soak passed"
