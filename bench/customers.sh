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

# A hotline agent of its own (sees the whole group, masked; the database may have been made with another admin password).
HEARTH_USER_PASSWORD=Bench-pass-1 "$build/hearth" user add bench --role agent --db "sqlite:$db" >/dev/null 2>&1 || true
HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$db" --no-access-log \
  >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 400); do url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 || true); [ -n "$url" ] && break; sleep 0.05; done
token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"Bench-pass-1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')

urlencode() { printf '%s' "$1" | od -An -tx1 | tr -s ' \n' ' ' | sed -E 's/ $//; s/ /%/g'; }

# A wrk script that requests random paths from a list.
write_lua() {  # file, paths...
  local file=$1; shift
  { echo "local paths = {"; for p in "$@"; do echo "  \"$p\","; done; echo "}"
    echo "local headers = { [\"Authorization\"] = \"Bearer $token\" }"
    echo "request = function() return wrk.format(\"GET\", paths[math.random(#paths)], headers) end"; } >"$file"
}
measure() {  # label, lua, connections → prints a row (after a 2 s warm-up that is not counted)
  local out rps p50 p99
  wrk -t1 -c"$3" -d2s -s "$2" "$url" >/dev/null 2>&1
  out=$(wrk -t1 -c"$3" -d5s --latency -s "$2" "$url" 2>&1)
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  printf '%-52s %10.0f %10s %10s %s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:+($non2xx non-2xx)}"
}

names=(王伟 李娜 张敏 刘洋 陈静 杨磊 小文 欣怡 子涵 浩宇 晓燕 建国 秀英 佳琪 思雨 俊杰 志强 雪梅 文静 海燕)
paths=(); for n in "${names[@]}"; do paths+=("/api/v1/customers?q=$(urlencode "$n")"); done
write_lua "$tmp/names.lua" "${paths[@]}"
paths=(); for _ in $(seq 1 200); do paths+=("/api/v1/customers?q=$(printf '%04d' $((RANDOM % 10000)))"); done
write_lua "$tmp/tails.lua" "${paths[@]}"
paths=(); for _ in $(seq 1 200); do paths+=("/api/v1/customers?q=$((1 + RANDOM % 3))-$((1 + RANDOM % 2))-$((1 + RANDOM % 18))0$((1 + RANDOM % 4))"); done
write_lua "$tmp/codes.lua" "${paths[@]}"
paths=(); for _ in $(seq 1 500); do paths+=("/api/v1/customers/$(( (RANDOM * 32768 + RANDOM) % customers + 1 ))"); done
write_lua "$tmp/get.lua" "${paths[@]}"
paths=(); for _ in $(seq 1 500); do paths+=("/api/v1/customers/$(( (RANDOM * 32768 + RANDOM) % customers + 1 ))/timeline?limit=20"); done
write_lua "$tmp/timeline.lua" "${paths[@]}"

echo "Customer 360 on SQLite: $customers customers, $events timeline events ($(du -h "$db" | cut -f1) on disk)"
printf '%-52s %10s %10s %10s\n' "" "req/s" "p50" "p99"
measure "search, 2-character names (4 connections)" "$tmp/names.lua" 4
measure "search, 4-digit phone tails (4 connections)" "$tmp/tails.lua" 4
measure "search, unit codes like 2-1-1503 (4 connections)" "$tmp/codes.lua" 4
measure "timeline first page, 20 events (4 connections)" "$tmp/timeline.lua" 4
measure "GET customer by id (64 connections)" "$tmp/get.lua" 64
get_rps=$(wrk -t2 -c64 -d5s -s "$tmp/get.lua" "$url" | awk '/Requests\/sec/ {print $2}')
[ -n "$nginx_rps" ] && echo "GET customer by id, second run: $get_rps req/s = $(awk -v a="$get_rps" -v b="$nginx_rps" 'BEGIN{printf "%.2f", a/b}') x nginx static ($nginx_rps req/s; target >= 0.5)"
echo "server RSS with the database open and warmed: $(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 )) MiB (target < 300 MiB)"
echo "search targets: p99 < 5 ms for every kind."
