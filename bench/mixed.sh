#!/usr/bin/env bash
# The mixed load (called by bench/run.sh; BENCH_MIXED_SECONDS, default 600): 64 connections for
# ten minutes against one `hearth serve` on a demo database (50,000 customers and tickets), each
# request drawn at random like a service centre's day — searches and customer pages, ticket
# queues and tickets, new customers, new tickets, comments, the month report. Prints throughput,
# p50/p99, the answers by status class (5xx must be 0), and the server's memory every minute
# (heap = anonymous RSS; SQLite's mapped file pages are counted apart) to show it stays flat.
#   bench/mixed.sh BUILD [NGINX_REQ_PER_S]   (the second: nginx's static-file rate from run.sh)
set -euo pipefail
build=${1:-build}
nginx_rps=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${BENCH_MIXED_SECONDS:-600}
conns=${BENCH_CONNECTIONS:-64}
data=${BENCH_DATA:-$root/$build/bench-data}
db="$data/mixed-50000.db"
mkdir -p "$data"
tmp=$(mktemp -d /tmp/hearth-bench-m.XXXXXX)
pid=""
sampler=""
cleanup() { [ -n "$sampler" ] && kill "$sampler" 2>/dev/null; [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export HEARTH_ADMIN_PASSWORD=Bench-pass-1

if [ ! -f "$db" ]; then
  echo "generating 50,000 customers and 50,000 tickets into $db (once)…"
  "$build/hearth" demo --db "sqlite:$db" --customers 50000 --events 50000 --tickets 50000 2>/dev/null | tail -1
fi
cp "$db" "$tmp/m.db"  # the run adds records: keep the cached database as generated
"$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$tmp/m.db" ${BENCH_MIXED_ACCESS_LOG:---no-access-log} >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 400); do url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 || true); [ -n "$url" ] && break; sleep 0.05; done
token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Bench-pass-1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
read -r customers tickets < <(sqlite3 -separator ' ' "$tmp/m.db" "SELECT (SELECT MAX(id) FROM customers), (SELECT MAX(id) FROM tickets)")
# Search terms as agents type them: names and phone numbers of real records.
names=$(sqlite3 "$tmp/m.db" "SELECT '\"' || name || '\",' FROM customers ORDER BY random() LIMIT 200" | tr -d '\n')
phones=$(sqlite3 "$tmp/m.db" "SELECT '\"' || phone || '\",' FROM customer_phones ORDER BY random() LIMIT 200" | tr -d '\n')
month=$(TZ=Asia/Shanghai date +%Y-%m)

cat >"$tmp/mixed.lua" <<LUA
-- One request per call, drawn by weight; statuses counted per thread and summed in done().
local names = { $names }
local phones = { $phones }
local auth = "Bearer $token"
local threads = {}
local counter = 0
local me = 0
local base = 0
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  me = id
  base = (os.time() % 1000) * 1000000  -- new phone numbers on every run (the warm-up is a run too)
  s2, s4, s5, other = 0, 0, 0, 0
end
local function get(path) return wrk.format("GET", path, { ["Authorization"] = auth }) end
local function post(path, body)
  return wrk.format("POST", path, { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, body)
end
local queues = { "status=new", "status=in_progress", "status=assigned&department=engineering",
                 "kind=complaint", "breached=true", "" }
function request()
  local r = math.random(1000) / 10
  if r <= 30 then
    local q = math.random(2) == 1 and names[math.random(#names)] or phones[math.random(#phones)]
    return get("/api/v1/customers?q=" .. q)
  elseif r <= 45 then return get("/api/v1/customers/" .. math.random($customers))
  elseif r <= 50 then return get("/api/v1/customers/" .. math.random($customers) .. "/timeline")
  elseif r <= 63 then return get("/api/v1/tickets?limit=20&" .. queues[math.random(#queues)])
  elseif r <= 73 then return get("/api/v1/tickets/" .. math.random($tickets))
  elseif r <= 81 then
    counter = counter + 1
    return post("/api/v1/customers", string.format('{"name":"压测客户","phone":"1%d%09d"}', 5 + me, base + counter))
  elseif r <= 89 then
    return post("/api/v1/tickets", string.format(
      '{"kind":"repair","channel":"hotline","customer_id":%d,"title":"卫生间渗漏","description":"楼上渗水"}',
      math.random($customers)))
  elseif r <= 99.8 then
    return post("/api/v1/tickets/" .. math.random($tickets) .. "/comment", '{"text":"已电话联系业主，约明天上门"}')
  else return get("/api/v1/reports/tickets?month=$month") end
end
function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1 elseif status >= 400 then s4 = s4 + 1
  elseif status >= 200 and status < 300 then s2 = s2 + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local t2, t4, t5, to = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t2 = t2 + t:get("s2"); t4 = t4 + t:get("s4"); t5 = t5 + t:get("s5"); to = to + t:get("other")
  end
  io.write(string.format("STATUS %d %d %d %d\n", t2, t4, t5, to))
end
LUA

rss() {  # anonymous and file-backed RSS of the server, MiB
  awk '/RssAnon/ {a=$2} /RssFile/ {f=$2} END {printf "%d %d", a/1024, f/1024}' "/proc/$pid/status"
}
echo "Mixed load: $seconds s at $conns connections on SQLite, $customers customers and $tickets tickets to start"
echo "   30% search, 15% customer, 5% timeline, 13% ticket queue, 10% ticket, 8% new customer, 8% new ticket,"
echo "   10.8% comment, 0.2% month report (over the whole month's tickets, which the run keeps adding to)"
wrk -t2 -c"$conns" -d10s -s "$tmp/mixed.lua" "$url" >/dev/null 2>&1  # warm-up
echo "   server memory after warm-up: heap $(rss | cut -d' ' -f1) MiB, mapped database $(rss | cut -d' ' -f2) MiB"
every=$(( seconds >= 600 ? 60 : (seconds / 10 > 1 ? seconds / 10 : 2) ))
( while sleep "$every"; do echo "$(rss)" >>"$tmp/rss"; done ) &
sampler=$!
out=$(wrk -t2 -c"$conns" -d"${seconds}s" --timeout 10s --latency -s "$tmp/mixed.lua" "$url" 2>&1)
kill "$sampler" 2>/dev/null || true
sampler=""
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p50=$(echo "$out" | awk '$1=="50%" {print $2}')
p99=$(echo "$out" | awk '$1=="99%" {print $2}')
read -r ok c4 c5 other < <(echo "$out" | awk '/^STATUS/ {print $2, $3, $4, $5}')
errors=$(echo "$out" | awk '/Socket errors/ {print}')
printf '   %-40s %10.0f req/s   p50 %s   p99 %s\n' "mixed load" "$rps" "$p50" "$p99"
echo "   answers: $ok 2xx, $c4 4xx, $c5 5xx, $other other${errors:+; $errors}"
[ -n "$nginx_rps" ] && echo "   throughput ratio to nginx serving a static file: $(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN { printf "%.3f", a/b }')"
echo "   heap every ${every} s (MiB): $(cut -d' ' -f1 "$tmp/rss" | tr '\n' ' ')"
echo "   mapped database every ${every} s (MiB): $(cut -d' ' -f2 "$tmp/rss" | tr '\n' ' ')"
awk 'NR==1 {first=$1} {last=$1; if ($1>max) max=$1} END {
  if (NR > 1) printf "   heap from the first sample to the last: %+d MiB (peak %d MiB)\n", last-first, max }' "$tmp/rss"
echo "   database grew to $(du -m "$tmp/m.db" | cut -f1) MiB; $(sqlite3 "$tmp/m.db" "SELECT (SELECT MAX(id) FROM customers) - $customers") customers and $(sqlite3 "$tmp/m.db" "SELECT (SELECT MAX(id) FROM tickets) - $tickets") tickets added"
[ -n "${BENCH_MIXED_KEEP_LOG:-}" ] && cp "$tmp/serve.log" "$BENCH_MIXED_KEEP_LOG"
[ "${c5:-1}" = "0" ] || { echo "   5xx answers during the mixed load"; exit 1; }
