#!/usr/bin/env bash
# `make bench`: figures of this build next to a reference measured in the same run on the same
# machine. Not a timed test: it prints, it does not fail on a slow machine.
#   1. GET /api/v1/me with a bearer token (auth lookup + JSON), 64 connections, wrk, vs nginx
#      serving the same JSON as a static file (the HTTP limit of this machine).
#   2. Time for `hearth serve` to start on an empty database and answer /healthz.
#   3.–4. The same on PostgreSQL; a million customers, imports, a million tickets, the sales race and
#         board, the 6+2 journey, surveys over a million owners (BENCH_SKIP_SCALE=1 skips).
#   5. Ten minutes of mixed load at 64 connections (bench/mixed.sh; BENCH_SKIP_MIXED=1 skips).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
duration=${BENCH_DURATION:-5}
conns=${BENCH_CONNECTIONS:-64}
tmp=$(mktemp -d /tmp/hearth-bench.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  scripts/pg.sh stop "$tmp/pg"
  rm -rf "$tmp"
}
trap cleanup EXIT

wait_for_url() {  # log file → prints the URL once the server says it is serving
  for _ in $(seq 1 400); do
    u=$(grep -o 'http://127.0.0.1:[0-9]*/' "$1" | head -1 || true)
    [ -n "$u" ] && { echo "${u%/}"; return 0; }
    sleep 0.025
  done
  cat "$1" >&2
  return 1
}

# Starts `hearth serve` on a database and logs in as admin: sets started_pid, started_url, started_token.
start_hearth() {  # db-url log-file
  HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" serve --listen 127.0.0.1:0 --db "$1" \
    --no-access-log ${HEARTH_BENCH_ARGS:-} >"$2" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
  started_url=$(wait_for_url "$2")
  started_token=$(curl -fs -X POST "$started_url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"Bench-pass-1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
}

free_port() { echo $((30000 + RANDOM % 20000)); }

# wrk → "rps p50_ms p99_ms"
run_wrk() {
  local out
  out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency "$@" 2>&1)
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  local errors
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  [ -n "$errors" ] && echo "   wrk reported: $errors" >&2
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}
to_ms() {  # wrk prints 812.00us, 1.23ms or 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/, "", v); printf "%.3f", v/1000 }
                         else if (v ~ /ms$/) { sub(/ms/, "", v); printf "%.3f", v }
                         else if (v ~ /s$/) { sub(/s/, "", v); printf "%.3f", v*1000 } else print v }'
}

echo "Hearth benchmarks — $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), wrk -t2 ${duration}s x ${conns} connections, medians of 3 alternating rounds"
echo

# --- 1. start-up on an empty database -------------------------------------------------------
starts=()
for i in 1 2 3 4 5; do
  t0=$(date +%s%N)
  HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$tmp/start$i.db" \
    --no-access-log >"$tmp/start$i.log" 2>&1 &
  p=$!
  u=$(wait_for_url "$tmp/start$i.log")
  until curl -fs "$u/healthz" >/dev/null; do sleep 0.005; done
  t1=$(date +%s%N)
  kill "$p"; wait "$p" 2>/dev/null || true
  starts+=($(( (t1 - t0) / 1000000 )))
done
sorted=$(printf '%s\n' "${starts[@]}" | sort -n | tr '\n' ' ')
echo "start-up on an empty SQLite database (migrate + first admin + listen + /healthz answered), 5 runs:"
echo "   ms: $sorted  (median $(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p) ms; target < 1000 ms)"
echo

# --- 2. GET /api/v1/me vs nginx static ------------------------------------------------------
start_hearth "sqlite:$tmp/bench.db" "$tmp/serve.log"
hearth_pid=$started_pid url=$started_url token=$started_token
curl -fs "$url/api/v1/me" -H "Authorization: Bearer $token" >"$tmp/me.json"

port=$(free_port)
mkdir -p "$tmp/www" "$tmp/nginx"
cp "$tmp/me.json" "$tmp/www/me.json"
cat >"$tmp/nginx.conf" <<CONF
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx; proxy_temp_path $tmp/nginx; fastcgi_temp_path $tmp/nginx;
  uwsgi_temp_path $tmp/nginx; scgi_temp_path $tmp/nginx;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$port; root $tmp/www; default_type application/json; }
}
CONF
nginx -c "$tmp/nginx.conf" -p "$tmp/nginx" 2>"$tmp/nginx/start.log" || { cat "$tmp/nginx/start.log"; exit 1; }
sleep 0.3
curl -fs "http://127.0.0.1:$port/me.json" >/dev/null

# The machine is shared and noisy: alternate the two, three rounds each, and keep the medians.
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
n_r=(); n_5=(); n_9=(); h_r=(); h_5=(); h_9=()
for round in 1 2 3; do
  read -r a b c < <(run_wrk "http://127.0.0.1:$port/me.json"); n_r+=("$a"); n_5+=("$b"); n_9+=("$c")
  read -r a b c < <(run_wrk -H "Authorization: Bearer $token" "$url/api/v1/me"); h_r+=("$a"); h_5+=("$b"); h_9+=("$c")
  echo "   round $round: nginx $a req/s … hearth ${h_r[-1]} req/s" | sed "s/nginx $a/nginx ${n_r[-1]}/"
done
n_rps=$(median "${n_r[@]}"); n_p50=$(median "${n_5[@]}"); n_p99=$(median "${n_9[@]}")
h_rps=$(median "${h_r[@]}"); h_p50=$(median "${h_5[@]}"); h_p99=$(median "${h_9[@]}")
rss_kb=$(ps -o rss= -p "$hearth_pid" | tr -d ' ')
ratio=$(awk -v a="$h_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a/b }')

printf '%-44s %12s %10s %10s\n' "" "req/s" "p50 ms" "p99 ms"
printf '%-44s %12.0f %10s %10s\n' "nginx, static me.json (reference)" "$n_rps" "$n_p50" "$n_p99"
printf '%-44s %12.0f %10s %10s\n' "hearth, GET /api/v1/me (token + SQLite)" "$h_rps" "$h_p50" "$h_p99"

# --- 3. the same on PostgreSQL 15 (a server this script starts on 127.0.0.1) -----------------
pg_url=$(scripts/pg.sh start "$tmp/pg")
start_hearth "$pg_url" "$tmp/serve-pg.log"
pg_hearth=$started_pid pg_base=$started_url pg_token=$started_token
read -r p_rps p_p50 p_p99 < <(run_wrk -H "Authorization: Bearer $pg_token" "$pg_base/api/v1/me")
printf '%-44s %12.0f %10s %10s\n' "hearth, GET /api/v1/me (token + PostgreSQL)" "$p_rps" "$p_p50" "$p_p99"
pg_ratio=$(awk -v a="$p_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a/b }')
echo
echo "throughput ratio hearth/nginx: SQLite $ratio, PostgreSQL $pg_ratio (target >= 0.5); hearth p99 ${h_p99} ms on SQLite (target < 5 ms)"
echo "hearth RSS after the runs: SQLite $((rss_kb / 1024)) MiB, PostgreSQL $(( $(ps -o rss= -p "$pg_hearth" | tr -d ' ') / 1024 )) MiB"

# --- 4. Customer 360 at a million customers ----------------------------------------------------
echo
if [ "${BENCH_SKIP_SCALE:-0}" = "1" ]; then
  echo "(BENCH_SKIP_SCALE=1: the million-customer run is skipped)"
else
  bench/customers.sh "$build" "$n_rps"
  echo
  bench/import.sh "$build"
  echo
  bench/tickets.sh "$build"
  echo
  bench/sales.sh "$build"
  echo
  bench/delivery.sh "$build"
  echo
  bench/surveys.sh "$build"
  echo
  bench/segments.sh "$build"
  echo
  bench/club.sh "$build"
  echo
  bench/campaigns.sh "$build"
fi

# --- 5. ten minutes of mixed load at 64 connections -------------------------------------------
echo
if [ "${BENCH_SKIP_MIXED:-0}" = "1" ]; then
  echo "(BENCH_SKIP_MIXED=1: the ten-minute mixed load is skipped)"
else
  bench/mixed.sh "$build" "$n_rps"
fi
