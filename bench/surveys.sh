#!/usr/bin/env bash
# Surveys on SQLite (called by bench/run.sh): 1,000,000 owners of 100 projects in 10 companies
# (contracted, or delivered over the last four years: all four tenure cohorts). Measured:
#   1. sampling a wave over all of them (1,000 per project, every cohort: 100,000 invitations with
#      their exclusions checked), target <= 10 s;
#   2. the public answer endpoint at 64 connections (wrk, each request a different owner's first
#      answer to the standard owner survey), target >= 3,000 answers/s, beside raw SQLite doing the
#      same statements of one answer per transaction in one connection;
#   3. the results over 100,000 responses (the indices by project, the score card, the drivers),
#      target <= 300 ms, beside raw SQLite running the indices' aggregate.
set -euo pipefail
build=${1:-build}
owners=${BENCH_OWNERS:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-bench-sv.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export HEARTH_ADMIN_PASSWORD=Bench-pass-1

start_server() {
  "$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$tmp/s.db" --no-access-log >"$tmp/serve.log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 600); do url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 || true); [ -n "$url" ] && break; sleep 0.05; done
  token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"Bench-pass-1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
post() { curl -fs -X POST "$url$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2"; }
id_of() { sed -E 's/^\{"id":([0-9]+).*/\1/'; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }

start_server
group=$(sqlite3 "$tmp/s.db" "SELECT id FROM org_units WHERE kind = 'group' ORDER BY id LIMIT 1")
for c in $(seq 1 10); do
  company=$(post /api/v1/org-units "{\"name\":\"城市公司$c\",\"kind\":\"city\",\"parent_id\":$group}" | id_of)
  for p in $(seq 1 10); do post /api/v1/projects "{\"name\":\"项目$c-$p\",\"city\":\"深圳\",\"org_unit_id\":$company}" >/dev/null; done
done
stop_server

echo "generating $owners owners of 100 projects…"
{ sqlite3 "$tmp/s.db" <<SQL
CREATE TEMP TABLE p AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, org_unit_id FROM projects;
CREATE TEMP TABLE h AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $owners)
SELECT i, (SELECT id FROM p WHERE k = i % 100) AS project, (SELECT org_unit_id FROM p WHERE k = i % 100) AS org,
       CASE WHEN i % 5 = 0 THEN NULL ELSE date('now', '-' || (i % 1460) || ' days') END AS delivered_on FROM n;
BEGIN;
INSERT INTO customers (id, tenant_id, org_unit_id, name, phones, consent_marketing, created_at, updated_at)
SELECT i, $group, org, '业主' || i, '139' || printf('%08d', i) || '|mobile', TRUE, 0, 0 FROM h;
INSERT INTO units (id, tenant_id, project_id, building, entrance, room, floor, code, area_m2, status, delivered_on, created_at, updated_at)
SELECT i, $group, project, CAST(i / 1000 AS TEXT), '1', CAST(i AS TEXT), 1, 'B' || i, 89,
       CASE WHEN delivered_on IS NULL THEN 'contracted' ELSE 'delivered' END, delivered_on, 0, 0 FROM h;
INSERT INTO unit_owners (id, tenant_id, unit_id, customer_id, share, created_at, updated_at) SELECT i, $group, i, i, 1, 0, 0 FROM h;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
} >/dev/null

start_server
template=$(curl -fs "$url/api/v1/survey-templates" -H "Authorization: Bearer $token")
body=$(python3 -c 'import json,sys; t=json.loads(sys.argv[1])["items"][0]; print(json.dumps({"title":t["title"],"questions":t["questions"],"callback_rule":t["callback_rule"]}, ensure_ascii=False))' "$template")
survey=$(post /api/v1/surveys "$body" | id_of)
post "/api/v1/surveys/$survey/publish" '' >/dev/null
projects=$(sqlite3 "$tmp/s.db" "SELECT group_concat(id) FROM projects")
wave_s=$(curl -fs -o "$tmp/wave.json" -w '%{time_total}' -X POST "$url/api/v1/surveys/$survey/waves" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --max-time 300 \
  -d "{\"project_ids\":[$projects],\"cohorts\":[\"prospective\",\"run_in\",\"stable\",\"old\"],\"sample_per_project\":1000,\"channel\":\"link\"}")
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }
invited=$(field "$tmp/wave.json" invited)
population=$(field "$tmp/wave.json" population)
sqlite3 "$tmp/s.db" "SELECT token FROM survey_invitations ORDER BY random()" >"$tmp/tokens.txt"

# Each wrk connection answers owners of its own: thread t takes every other token.
answers='{"answers":{"overall":4,"chain":{"sales":4,"amenities":3,"environment":4,"design":5,"quality":3,"repairs":4,"property":4,"complaints":3,"club":4},"rebuy":"可能会","recommend":8}}'
cat >"$tmp/answer.lua" <<LUA
local tokens = {}
for line in io.lines("$tmp/tokens.txt") do tokens[#tokens + 1] = line end
local threads, counter = {}, 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
local i = 0
created, other = 0, 0
function request()
  i = i + 1
  local t = tokens[(i - 1) * 2 + id + 1] or tokens[1]
  return wrk.format("POST", "/api/v1/public/surveys/" .. t, { ["Content-Type"] = "application/json" }, '$answers')
end
function response(status)
  if status == 201 then created = created + 1 else other = other + 1 end
end
function done(summary)
  local c, o = 0, 0
  for _, t in ipairs(threads) do c = c + t:get("created"); o = o + t:get("other") end
  io.write(string.format("ANSWERS %d %d %.3f\n", c, o, summary.duration / 1e6))
end
LUA
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
cpu0=$(cpu_ticks)
out=$(wrk -t2 -c64 -d5s --latency -s "$tmp/answer.lua" "$url" 2>&1)
cpu1=$(cpu_ticks)
cores=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz / 5 }')
read -r created other secs < <(echo "$out" | awk '/^ANSWERS/ {print $2, $3, $4}')
p50=$(echo "$out" | awk '$1=="50%" {print $2}')
p99=$(echo "$out" | awk '$1=="99%" {print $2}')
sleep 1
stop_server

# The reference: the statements of one answer (the invitation's compare-and-set, the response with
# its nine items' points, the customer's timeline line), one transaction each, one connection.
n=${created:-1000}
[ "$n" -gt 0 ] || n=1000
cp "$tmp/s.db" "$tmp/raw.db"
{
  echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
  sqlite3 "$tmp/raw.db" "SELECT id, customer_id, project_id, org_unit_id, org_path FROM survey_invitations WHERE status <> 'answered' LIMIT $n" |
    while IFS='|' read -r inv customer project org path; do
      echo "BEGIN IMMEDIATE;"
      echo "UPDATE survey_invitations SET status = 'answered', answered_at = 1, draft = NULL WHERE id = $inv AND status <> 'answered';"
      echo "INSERT INTO survey_responses (tenant_id, survey_id, version_id, wave_id, invitation_id, project_id, org_unit_id, org_path, company_id, cohort, customer_id, answers, overall, satisfied, rebuy, recommend, nps, created_at, item_sales, item_amenities, item_environment, item_design, item_quality, item_repairs, item_property, item_complaints, item_club) VALUES (1, $survey, 1, 1, $inv, $project, $org, '$path', 1, 'old', $customer, '$answers', 75, 1, 1, 0, 8, 1, 75, 50, 75, 100, 50, 75, 75, 50, 75);"
      echo "INSERT INTO timeline_events (tenant_id, customer_id, at, kind, ref_type, ref_id, summary, created_at, updated_at) VALUES (1, $customer, 1, 'survey', 'survey_response', 1, '回答满意度调查', 1, 1);"
      echo "COMMIT;"
    done
} >"$tmp/raw.sql"
t0=$(date +%s%N)
sqlite3 "$tmp/raw.db" <"$tmp/raw.sql" >/dev/null 2>"$tmp/raw.err" || { echo "raw reference failed:"; head -5 "$tmp/raw.err"; }
t1=$(date +%s%N)
raw_rate=$(awk -v n="$n" -v ns=$((t1 - t0)) 'BEGIN { printf "%.0f", n / (ns / 1e9) }')
rm -f "$tmp/raw.db"*

# Each item's points: the owner's overall view give or take a quarter, drawn afresh per item.
item_points=$(for _ in 1 2 3 4 5 6 7 8 9; do printf ',\n       min(100, max(0, (overall - 1) * 25 + (abs(random()) %% 51) - 25))'; done)
# 100,000 responses for the results: those answered above, and the rest of the wave answered as
# owners answer (the overall view moving every item), written straight into the tables.
{ sqlite3 "$tmp/s.db" <<SQL
BEGIN;
CREATE TEMP TABLE unanswered AS SELECT i.id, i.customer_id, i.project_id, i.org_unit_id, i.org_path, i.company_id, i.cohort, i.wave_id,
       1 + abs(random()) % 5 AS overall FROM survey_invitations i WHERE i.status <> 'answered';
INSERT INTO survey_responses (tenant_id, survey_id, version_id, wave_id, invitation_id, project_id, org_unit_id, org_path, company_id,
                              cohort, customer_id, answers, overall, satisfied, rebuy, recommend, nps, created_at, item_sales,
                              item_amenities, item_environment, item_design, item_quality, item_repairs, item_property, item_complaints,
                              item_club)
SELECT $group, $survey, (SELECT id FROM survey_versions LIMIT 1), wave_id, id, project_id, org_unit_id, org_path, company_id, cohort, customer_id, '{}',
       (overall - 1) * 25.0, overall >= 4, overall >= 4 OR abs(random()) % 4 = 0, overall = 5 OR abs(random()) % 5 = 0,
       min(10, overall * 2 + abs(random()) % 2), 1$item_points FROM unanswered;
UPDATE survey_invitations SET status = 'answered', answered_at = 1 WHERE status <> 'answered';
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
} >/dev/null
responses=$(sqlite3 "$tmp/s.db" "SELECT count(*) FROM survey_responses")
start_server
timed() {  # path → the median of 3 of time_total, in ms
  local times=()
  curl -fs -o /dev/null "$url$1" -H "Authorization: Bearer $token"  # warm
  for _ in 1 2 3; do times+=("$(curl -fs -o "$tmp/out.json" -w '%{time_total}' "$url$1" -H "Authorization: Bearer $token")"); done
  awk -v s="$(median "${times[@]}")" 'BEGIN { printf "%.0f", s * 1000 }'
}
results_ms=$(timed "/api/v1/surveys/$survey/results?by=project")
loyalty=$(field "$tmp/out.json" loyalty)
overall_ms=$(timed "/api/v1/surveys/$survey/results")
card_ms=$(timed "/api/v1/surveys/$survey/scorecard")
drivers_ms=$(timed "/api/v1/surveys/$survey/drivers")
rss_mib=$(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 ))
stop_server
raw_ms=$(sqlite3 "$tmp/s.db" <<SQL | tail -1 | sed -E 's/.*real ([0-9.]+).*/\1/' | awk '{ printf "%.0f", $1 * 1000 }'
.timer on
SELECT project_id, COUNT(*), SUM(satisfied), COUNT(satisfied), SUM(rebuy), COUNT(rebuy), SUM(recommend), COUNT(recommend),
       SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END), COUNT(nps),
       SUM(CASE WHEN satisfied = 1 AND rebuy = 1 AND recommend = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN satisfied IS NOT NULL AND rebuy IS NOT NULL AND recommend IS NOT NULL THEN 1 ELSE 0 END), AVG(overall)
  FROM survey_responses WHERE survey_id = $survey GROUP BY project_id;
SQL
)

echo "Surveys on SQLite: $population owners in 100 projects ($(du -h "$tmp/s.db" | cut -f1) on disk)"
printf '%-66s %10s %s\n' "sampling a wave: 1,000 per project over the 4 cohorts" "${wave_s}s" "($invited invitations; target <= 10 s)"
printf '%-66s %10s %s\n' "public answers, 64 connections (wrk -t2, 5 s)" \
  "$(awk -v c="$created" -v s="$secs" 'BEGIN { printf "%.0f/s", c / s }')" "(p50 $p50, p99 $p99, server CPU $cores cores, $created answered, other answers $other; target >= 3,000/s)"
printf '%-66s %10s %s\n' "  raw SQLite, the statements of one answer per transaction" "$raw_rate/s" \
  "(hearth/raw $(awk -v c="$created" -v s="$secs" -v r="$raw_rate" 'BEGIN { printf "%.2f", (c / s) / r }')x)"
printf '%-66s %10s %s\n' "results by project over $responses responses (median of 3)" "${results_ms} ms" "(loyalty $loyalty; target <= 300 ms)"
printf '%-66s %10s %s\n' "  raw SQLite, the same aggregate, one query" "${raw_ms} ms" \
  "(hearth/raw $(awk -v a="$results_ms" -v b="$raw_ms" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }')x)"
printf '%-66s %10s\n' "results overall" "${overall_ms} ms"
printf '%-66s %10s\n' "score card (project × cohort × 9 items)" "${card_ms} ms"
printf '%-66s %10s\n' "driver analysis (9 correlations)" "${drivers_ms} ms"
echo "server RSS after the runs: $rss_mib MiB"
