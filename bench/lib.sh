# Sourced by the benches that run on the million-customer database: where it is, generating it
# once, starting `hearth serve` on a database and signing in. Needs $build, $root and $tmp set.
customers=${BENCH_CUSTOMERS:-1000000}
events=${BENCH_EVENTS:-10000000}
data=${BENCH_DATA:-$root/$build/bench-data}
big_db="$data/customers-$customers-$events.db"
mkdir -p "$data"

# The customers bench's database, generated once into $BENCH_DATA by `hearth demo`.
bench_big_db() {
  [ -f "$big_db" ] && return 0
  echo "generating $customers customers and $events timeline events into $big_db (once)…"
  HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" demo --db "sqlite:$big_db" --customers "$customers" --events "$events" \
    2>/dev/null | tail -1
}

# Starts `hearth serve` on database url $1 (further flags after it); sets $pid and $url.
bench_serve() {
  local db_url=$1
  shift
  HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" serve --listen 127.0.0.1:0 --db "$db_url" --no-access-log "$@" \
    >"$tmp/serve.log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 600); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 || true)
    [ -n "$url" ] && return 0
    sleep 0.05
  done
  cat "$tmp/serve.log" >&2
  return 1
}

# The bearer token of user $1 (password Bench-pass-1).
bench_login() {
  curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"Bench-pass-1\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# Waits until the segment models computed on a first start in the background are done (a bench
# measured beside a computation over a million customers shares the machine with it); needs $token.
bench_wait_segments() {
  for _ in $(seq 1 600); do
    pending=$(curl -fs "$url/api/v1/segment-models" -H "Authorization: Bearer $token" |
      python3 -c 'import json,sys; print(sum(1 for m in json.load(sys.stdin)["items"] if m["stale"]))')
    [ "$pending" = 0 ] && return 0
    sleep 1
  done
}
