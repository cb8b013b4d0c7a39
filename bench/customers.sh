#!/usr/bin/env bash
# Customer 360 at scale (called by bench/run.sh): 1,000,000 customers and 10,000,000 timeline
# events generated once by `hearth demo` into $BENCH_DATA (kept between runs), then measured:
# search p50/p99 by query kind, GET customer by id throughput, timeline first page, memory.
set -euo pipefail
build=${1:-build}
nginx_rps=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
customers=${BENCH_CUSTOMERS:-1000000}
events=${BENCH_EVENTS:-10000000}
data=${BENCH_DATA:-$root/$build/bench-data}
db="$data/customers-$customers-$events.db"
mkdir -p "$data"
tmp=$(mktemp -d /tmp/hearth-bench-c.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

if [ ! -f "$db" ]; then
  echo "generating $customers customers and $events timeline events into $db (once)…"
  HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" demo --db "sqlite:$db" --customers "$customers" --events "$events" \
    2>/dev/null | tail -1
fi

# A hotline agent and a customer-relations manager of the group (both see every company's
# customers; the agent masked, the manager unmasked and audited on every read).
for u in "bench agent" "bench-mgr manager"; do
  set -- $u
  HEARTH_USER_PASSWORD=Bench-pass-1 "$build/hearth" user add "$1" --role "$2" --org-unit 1 --db "sqlite:$db" >/dev/null 2>&1 || true
done
start_server() {  # extra serve flags…
  HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$db" --no-access-log "$@" \
    >"$tmp/serve.log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 400); do url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 || true); [ -n "$url" ] && break; sleep 0.05; done
}
login() { curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"Bench-pass-1\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'; }
start_server
token=$(login bench)
mgr_token=$(login bench-mgr)
source bench/lib.sh
bench_wait_segments  # a first start computes the segment models in the background

urlencode() { printf '%s' "$1" | od -An -tx1 | tr -s ' \n' ' ' | sed -E 's/ $//; s/ /%/g'; }

# A wrk script that requests random paths from a list, as one user.
write_lua() {  # file, token, paths...
  local file=$1 tok=$2; shift 2
  { echo "local paths = {"; for p in "$@"; do echo "  \"$p\","; done; echo "}"
    echo "local headers = { [\"Authorization\"] = \"Bearer $tok\" }"
    echo "request = function() return wrk.format(\"GET\", paths[math.random(#paths)], headers) end"; } >"$file"
}
run() {  # lua, connections → "rps p50 p99 non2xx" (after a 2 s warm-up that is not counted)
  local out
  wrk -t1 -c"$2" -d2s -s "$1" "$url" >/dev/null 2>&1
  out=$(wrk -t"$(( $2 > 4 ? 2 : 1 ))" -c"$2" -d5s --latency -s "$1" "$url" 2>&1)
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="50%" {print $2}')" \
       "$(echo "$out" | awk '$1=="99%" {print $2}') $(echo "$out" | awk '/Non-2xx/ {print $4}')"
}
row() {  # label rps p50 p99 non2xx
  printf '%-58s %10.0f %10s %10s %s\n' "$1" "$2" "$3" "$4" "${5:+($5 non-2xx)}"
}
measure() {  # label, lua, connections
  local r; read -r -a r < <(run "$2" "$3"); row "$1" "${r[@]}"
}

# Real numbers to search for, read from the database: ID numbers and mobiles of customers
# drawn across the whole table.
sample=$(sqlite3 "$db" "SELECT id_number, (SELECT phone FROM customer_phones p WHERE p.customer_id = c.id ORDER BY position LIMIT 1)
  FROM customers c WHERE id IN ($(for _ in $(seq 1 300); do
  printf '%d,' $(( (RANDOM * 32768 + RANDOM) % customers + 1 )); done)0) AND id_number IS NOT NULL AND length(id_number) = 18")
ids=(); phones=()
while IFS='|' read -r idn ph; do ids+=("$idn"); [ -n "$ph" ] && phones+=("$ph"); done <<<"$sample"

names=(王伟 李娜 张敏 刘洋 陈静 杨磊 小文 欣怡 子涵 浩宇 晓燕 建国 秀英 佳琪 思雨 俊杰 志强 雪梅 文静 海燕)
paths=(); for n in "${names[@]}"; do paths+=("/api/v1/customers?q=$(urlencode "$n")"); done
write_lua "$tmp/names.lua" "$token" "${paths[@]}"
paths=(); for _ in $(seq 1 200); do paths+=("/api/v1/customers?q=$(printf '%04d' $((RANDOM % 10000)))"); done
write_lua "$tmp/tails.lua" "$token" "${paths[@]}"
paths=(); for _ in $(seq 1 200); do paths+=("/api/v1/customers?q=$((1 + RANDOM % 3))-$((1 + RANDOM % 2))-$((1 + RANDOM % 18))0$((1 + RANDOM % 4))"); done
write_lua "$tmp/codes.lua" "$token" "${paths[@]}"
paths=(); for i in "${ids[@]}"; do paths+=("/api/v1/customers?q=${i:12:6}"); done
write_lua "$tmp/id-tails.lua" "$token" "${paths[@]}"
paths=(); for i in "${ids[@]}"; do paths+=("/api/v1/customers?q=${i:6:8}"); done
write_lua "$tmp/id-births.lua" "$token" "${paths[@]}"
paths=(); for i in "${ids[@]}"; do paths+=("/api/v1/customers?q=${i:0:10}"); done
write_lua "$tmp/id-heads.lua" "$token" "${paths[@]}"
paths=(); for i in "${ids[@]}"; do paths+=("/api/v1/customers?q=$i"); done
write_lua "$tmp/id-whole.lua" "$token" "${paths[@]}"
paths=(); for p in "${phones[@]}"; do paths+=("/api/v1/customers?q=$p"); done
write_lua "$tmp/phones.lua" "$token" "${paths[@]}"
get_paths=(); for _ in $(seq 1 500); do get_paths+=("/api/v1/customers/$(( (RANDOM * 32768 + RANDOM) % customers + 1 ))"); done
write_lua "$tmp/get.lua" "$token" "${get_paths[@]}"
write_lua "$tmp/get-mgr.lua" "$mgr_token" "${get_paths[@]}"
paths=(); for _ in $(seq 1 500); do paths+=("/api/v1/customers/$(( (RANDOM * 32768 + RANDOM) % customers + 1 ))/timeline?limit=20"); done
write_lua "$tmp/timeline.lua" "$token" "${paths[@]}"

echo "Customer 360 on SQLite: $customers customers, $events timeline events ($(du -hL "$db" | cut -f1) on disk)"
echo "searches as a hotline agent of the group, 4 connections; ${#ids[@]} customers drawn across the table for the number kinds"
printf '%-58s %10s %10s %10s\n' "" "req/s" "p50" "p99"
measure "search, 2-character names (王伟, 欣怡…)" "$tmp/names.lua" 4
measure "search, 4-digit phone tails" "$tmp/tails.lua" 4
measure "search, unit codes like 2-1-1503" "$tmp/codes.lua" 4
measure "search, ID-number tails, 6 characters (05514X)" "$tmp/id-tails.lua" 4
measure "search, ID-number birth dates, 8 digits (19530405)" "$tmp/id-births.lua" 4
measure "search, ID-number heads, 10 digits (1101051953)" "$tmp/id-heads.lua" 4
measure "search, whole ID numbers, 18 characters" "$tmp/id-whole.lua" 4
measure "search, whole mobile numbers, 11 digits" "$tmp/phones.lua" 4
measure "timeline first page, 20 events" "$tmp/timeline.lua" 4

# GET customer by id at 64 connections, an agent (masked) and a manager (unmasked: every read
# audited through the journal), alternating, three rounds, medians.
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
a_r=(); a_5=(); a_9=(); m_r=(); m_5=(); m_9=()
for round in 1 2 3; do
  read -r a b c _ < <(run "$tmp/get.lua" 64); a_r+=("$a"); a_5+=("$b"); a_9+=("$c")
  read -r a b c _ < <(run "$tmp/get-mgr.lua" 64); m_r+=("$a"); m_5+=("$b"); m_9+=("$c")
done
echo "GET customer by id, 64 connections, ids across the whole table (medians of 3 alternating rounds):"
row "  agent (masked)" "$(median "${a_r[@]}")" "$(median "${a_5[@]}")" "$(median "${a_9[@]}")"
row "  manager (unmasked, audited through the journal)" "$(median "${m_r[@]}")" "$(median "${m_5[@]}")" "$(median "${m_9[@]}")"
agent_rps=$(median "${a_r[@]}"); mgr_rps=$(median "${m_r[@]}")
rss_mib=$(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 ))
kill "$pid"; wait "$pid" 2>/dev/null || true
# The same manager with the audit written in the request, as before the journal (--audit-journal off).
start_server --audit-journal off
write_lua "$tmp/get-mgr-off.lua" "$(login bench-mgr)" "${get_paths[@]}"
read -r off_rps off_50 off_99 _ < <(run "$tmp/get-mgr-off.lua" 64)
row "  manager, audit written in the request (--audit-journal off)" "$off_rps" "$off_50" "$off_99"
echo "manager / agent: $(awk -v a="$mgr_rps" -v b="$agent_rps" 'BEGIN{printf "%.2f", a/b}') with the journal," \
     "$(awk -v a="$off_rps" -v b="$agent_rps" 'BEGIN{printf "%.2f", a/b}') with the audit in the request"
if [ -n "$nginx_rps" ]; then
  echo "GET customer by id against nginx serving a static file ($nginx_rps req/s, same run): agent" \
       "$(awk -v a="$agent_rps" -v b="$nginx_rps" 'BEGIN{printf "%.2f", a/b}')x, manager" \
       "$(awk -v a="$mgr_rps" -v b="$nginx_rps" 'BEGIN{printf "%.2f", a/b}')x (target >= 0.5)"
fi
echo "server RSS with the database open and warmed: $rss_mib MiB (target < 300 MiB)"
echo "search targets: p99 < 5 ms for every kind."
