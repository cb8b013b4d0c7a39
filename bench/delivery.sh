#!/usr/bin/env bash
# Delivery and the 6+2 journey on SQLite (called by bench/run.sh): making the due touches of
# 1,000,000 owners' homes (contracts signed over six years in 50 projects of 10 companies, those
# older than 18 months delivered), beside raw SQLite inserting the same task rows into a table with
# the same indexes; the daily run again (nothing new to make); and the quarterly audit score of
# every company of the group.
set -euo pipefail
build=${1:-build}
owners=${BENCH_OWNERS:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-bench-d.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export HEARTH_ADMIN_PASSWORD=Bench-pass-1

start_server() {
  "$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$tmp/d.db" --no-access-log >"$tmp/serve.log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 600); do url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 || true); [ -n "$url" ] && break; sleep 0.05; done
  token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"Bench-pass-1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
post() { curl -fs -X POST "$url$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2"; }
id_of() { sed -E 's/^\{"id":([0-9]+).*/\1/'; }

start_server
group=$(sqlite3 "$tmp/d.db" "SELECT id FROM org_units WHERE kind = 'group' ORDER BY id LIMIT 1")
for c in $(seq 1 10); do
  company=$(post /api/v1/org-units "{\"name\":\"城市公司$c\",\"kind\":\"city\",\"parent_id\":$group}" | id_of)
  for p in $(seq 1 5); do post /api/v1/projects "{\"name\":\"项目$c-$p\",\"city\":\"深圳\",\"org_unit_id\":$company}" >/dev/null; done
done
stop_server

# The homes, written straight into the tables (the deal chain's rows as its API leaves them).
echo "generating $owners signed contracts and their units…"
sqlite3 "$tmp/d.db" <<SQL
CREATE TEMP TABLE p AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, org_unit_id FROM projects;
CREATE TEMP TABLE h AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $owners)
SELECT i, (SELECT id FROM p WHERE k = i % 50) AS project, (SELECT org_unit_id FROM p WHERE k = i % 50) AS org,
       date('2020-12-01', '+' || (i % 2190) || ' days') AS signed_on FROM n;
BEGIN;
INSERT INTO units (id, tenant_id, project_id, building, entrance, room, floor, code, area_m2, status, delivered_on, created_at, updated_at)
SELECT i, $group, project, CAST(i / 1000 AS TEXT), '1', CAST(i AS TEXT), 1, 'B' || i, 89,
       CASE WHEN signed_on < date('now', '-540 days') THEN 'delivered' ELSE 'contracted' END,
       CASE WHEN signed_on < date('now', '-540 days') THEN date(signed_on, '+480 days') END, 0, 0 FROM h;
INSERT INTO subscriptions (id, tenant_id, project_id, org_unit_id, unit_id, consultant_id, price_cents, status, created_at, updated_at)
SELECT i, $group, project, org, i, 1, 100, 'contracted', 0, 0 FROM h;
INSERT INTO subscription_buyers (id, tenant_id, subscription_id, customer_id, share, created_at) SELECT i, $group, i, i, 1, 0 FROM h;
INSERT INTO contracts (id, tenant_id, project_id, org_unit_id, unit_id, subscription_id, contract_no, signed_on, total_cents, created_at, updated_at)
SELECT i, $group, project, org, i, i, 'B' || i, signed_on, 100, 0, 0 FROM h;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL

start_server
made() { curl -fs -o "$tmp/made.json" -w '%{time_total}' -X POST "$url/api/v1/journey/make" -H "Authorization: Bearer $token" --max-time 900; }
first_s=$(made)
homes=$(sed -E 's/.*"homes":([0-9]+).*/\1/' "$tmp/made.json")
created=$(sed -E 's/.*"created":([0-9]+).*/\1/' "$tmp/made.json")
again_s=$(made)
again_created=$(sed -E 's/.*"created":([0-9]+).*/\1/' "$tmp/made.json")
quarter="$(date -u +%Y)Q$(( ($(date -u +%-m) - 1) / 3 + 1 ))"
score_times=()
for _ in 1 2 3; do
  score_times+=("$(curl -fs -o "$tmp/scores.json" -w '%{time_total}' "$url/api/v1/journey/scores?period=$quarter" -H "Authorization: Bearer $token")")
done
companies=$(grep -o '"company_id"' "$tmp/scores.json" | wc -l)
# 四年之约 over every delivered home of the group (the administrator's view).
plan_times=()
for _ in 1 2 3; do
  plan_times+=("$(curl -fs -o "$tmp/plan.json" -w '%{time_total}' "$url/api/v1/journey/four-year-plan" -H "Authorization: Bearer $token")")
done
plan_homes=$(sed -E 's/^\{"today":"[^"]*","active":[a-z]+,"homes":([0-9]+).*/\1/' "$tmp/plan.json")
rss_mib=$(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 ))
stop_server

# Raw SQLite: the same rows inserted into a table with the same indexes, in one statement.
raw_s=$(sqlite3 "$tmp/d.db" <<'SQL' | tail -1
CREATE TABLE raw_tasks AS SELECT * FROM journey_tasks WHERE 0;
CREATE UNIQUE INDEX uq_raw ON raw_tasks (unit_id, customer_id, touch_code, due_on);
CREATE INDEX ix_raw_due ON raw_tasks (tenant_id, status, due_on, id);
CREATE INDEX ix_raw_company ON raw_tasks (company_id, due_on);
CREATE INDEX ix_raw_customer ON raw_tasks (customer_id, due_on);
.timer on
INSERT INTO raw_tasks SELECT * FROM journey_tasks ORDER BY id;
SQL
)
raw_s=$(echo "$raw_s" | sed -E 's/.*real ([0-9.]+).*/\1/')
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
score_s=$(median "${score_times[@]}")
plan_s=$(median "${plan_times[@]}")
# Raw SQLite: the same months counted in one query (each delivered home's phase by the golden ratio).
raw_plan_s=$(sqlite3 "$tmp/d.db" <<'SQL' | tail -1
.timer on
SELECT substr(date(delivered_on, '+' || (1 + CAST(((id * 0.6180339887498949) - CAST(id * 0.6180339887498949 AS INTEGER)) * 1461 AS INTEGER)) || ' days'), 1, 7) AS m,
       COUNT(*) FROM units WHERE delivered_on IS NOT NULL GROUP BY m ORDER BY m LIMIT 1;
SQL
)
raw_plan_s=$(echo "$raw_plan_s" | sed -E 's/.*real ([0-9.]+).*/\1/')

echo "6+2 journey on SQLite: $homes owners' homes ($(du -h "$tmp/d.db" | cut -f1) on disk)"
printf '%-62s %10s %s\n' "making the due touches, first run" "${first_s}s" "($created tasks; target <= 60 s)"
printf '%-62s %10s %s\n' "  raw SQLite inserting the same rows, one statement" "${raw_s}s" \
  "(hearth/raw $(awk -v a="$first_s" -v b="$raw_s" 'BEGIN{printf "%.1f", a/b}')x)"
printf '%-62s %10s %s\n' "the daily run again, nothing new" "${again_s}s" "($again_created tasks)"
printf '%-62s %10s %s\n' "audit scores of $companies companies, $quarter (median of 3)" "${score_s}s" "(target <= 1 s)"
printf '%-62s %10s %s\n' "四年之约 plan of $plan_homes delivered homes (median of 3)" "${plan_s}s" ""
printf '%-62s %10s %s\n' "  raw SQLite counting the same months, one query" "${raw_plan_s}s" \
  "(hearth/raw $(awk -v a="$plan_s" -v b="$raw_plan_s" 'BEGIN{printf "%.1f", a/b}')x)"
echo "server RSS after the runs: $rss_mib MiB"
