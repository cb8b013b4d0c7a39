#!/usr/bin/env bash
# The service centre at 1,000,000 tickets (called by bench/run.sh): a demo group with 100,000
# customers and 1,000,000 tickets over the past year, generated once into $BENCH_DATA; then
# creating tickets (routing, SLA on the calendar, history, timeline, audit, mass-complaint check)
# at 64 connections, queue pages at 4 connections, and the month report.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tickets=${BENCH_TICKETS:-1000000}
data=${BENCH_DATA:-$root/$build/bench-data}
db="$data/tickets-$tickets.db"
mkdir -p "$data"
tmp=$(mktemp -d /tmp/hearth-bench-t.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export HEARTH_ADMIN_PASSWORD=Bench-pass-1

if [ ! -f "$db" ]; then
  echo "generating $tickets tickets into $db (once)…"
  "$build/hearth" demo --db "sqlite:$db" --customers 100000 --events 0 --tickets "$tickets" 2>/dev/null | tail -1
fi
# Benchmark on a copy: the created tickets must not pile up in the cached database.
cp "$db" "$tmp/t.db"
"$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$tmp/t.db" --no-access-log >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 400); do url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 || true); [ -n "$url" ] && break; sleep 0.05; done
token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Bench-pass-1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
read -r customer unit category < <(sqlite3 -separator ' ' "$tmp/t.db" \
  "SELECT w.customer_id, w.unit_id, (SELECT id FROM ticket_categories WHERE name = '卫生间渗漏') FROM unit_owners w ORDER BY w.id LIMIT 1")

cat >"$tmp/create.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = '{"kind":"repair","channel":"hotline","customer_id":$customer,"unit_id":$unit,"category_id":$category,"title":"卫生间渗漏","description":"楼上渗水到卫生间吊顶"}'
LUA
write_lua() {  # file, paths...
  local file=$1; shift
  { echo "local paths = {"; for p in "$@"; do echo "  \"$p\","; done; echo "}"
    echo "local headers = { [\"Authorization\"] = \"Bearer $token\" }"
    echo "request = function() return wrk.format(\"GET\", paths[math.random(#paths)], headers) end"; } >"$file"
}
measure() {  # label, lua, connections[, path]
  local out
  wrk -t1 -c"$3" -d2s -s "$2" "$url${4:-}" >/dev/null 2>&1
  out=$(wrk -t2 -c"$3" -d5s --latency -s "$2" "$url${4:-}" 2>&1)
  printf '%-56s %10.0f %10s %10s %s\n' "$1" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print "(" $4 " non-2xx)"}')"
}
write_lua "$tmp/queue.lua" "/api/v1/tickets?status=new&limit=20" "/api/v1/tickets?status=in_progress&limit=20" \
  "/api/v1/tickets?department=engineering&status=assigned&limit=20" "/api/v1/tickets?limit=20" \
  "/api/v1/tickets?kind=complaint&grade=major&limit=20" "/api/v1/tickets?customer_id=$customer&limit=20"
write_lua "$tmp/breached.lua" "/api/v1/tickets?breached=true&status=in_progress&limit=20" "/api/v1/tickets?breached=true&limit=20"

echo "Service centre on SQLite: $tickets tickets ($(du -h "$db" | cut -f1) on disk)"
printf '%-56s %10s %10s %10s\n' "" "req/s" "p50" "p99"
measure "queue pages: status, department, kind+grade, customer (4 conn.)" "$tmp/queue.lua" 4
measure "queue pages: overdue (breached=true) (4 conn.)" "$tmp/breached.lua" 4
measure "create a ticket: routing, SLA, history, timeline (64 conn.)" "$tmp/create.lua" 64 /api/v1/tickets
month=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)
for i in 1 2 3; do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url/api/v1/reports/tickets?month=$month"
done | sort -n | head -1 | awk -v m="$month" '{ printf "month report %s (best of 3): %.0f ms (target < 1000 ms)\n", m, $1 * 1000 }'
echo "report covers $(curl -s -H "Authorization: Bearer $token" "$url/api/v1/reports/tickets?month=$month" | sed -E 's/.*"total":([0-9]+).*/\1/') tickets"
year_from=$(date -u -d "$(date -u +%Y-%m-%d) -365 days" +%Y-%m-%d)
curl -s -o "$tmp/year.json" -w '%{time_total}\n' -H "Authorization: Bearer $token" \
  "$url/api/v1/reports/tickets?from=$year_from&to=$(date -u +%Y-%m-%d)" |
  awk -v n="$(sed -E 's/.*"total":([0-9]+).*/\1/' "$tmp/year.json" 2>/dev/null)" '{ printf "report over the last 365 days: %.0f ms\n", $1 * 1000 }'
echo "report covers $(sed -E 's/.*"total":([0-9]+).*/\1/' "$tmp/year.json") tickets"
# Anonymous memory is the server's own; file-backed pages are the SQLite file mapped (mmap), which
# the kernel drops under pressure.
rss() { awk -v k="$1:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$pid/status"; }
echo "server memory: RSS $(rss VmRSS) MiB = anonymous $(rss RssAnon) MiB + file-backed $(rss RssFile) MiB (SQLite's mapped file) + shared $(rss RssShmem) MiB"
echo "targets: create > 2,000/s on SQLite; queue p99 < 20 ms; month report < 1 s"
