#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 for the tests, on 127.0.0.1 in a temporary directory,
# as the postgres user (the server refuses root).
#   scripts/pg.sh start DIR   → prints the URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg.sh stop DIR
#   scripts/pg.sh crash DIR   → stops it at once, as a crash would (pg_ctl -m immediate)
#   scripts/pg.sh replica PRIMARY_DIR DIR → a streaming replica (hot standby) of the cluster in
#                               PRIMARY_DIR, copied with pg_basebackup; prints its URL
# Starting a DIR that already holds a cluster starts that cluster again on its own port.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
bin=/usr/lib/postgresql/15/bin
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
run() {  # starts the cluster in $dir/data on $dir/port and prints its URL
  local port
  port=$(cat "$dir/port")
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null || return 1
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}
run_first() {  # a new cluster's first start: a random port may be taken (another test's server)
  for _ in 1 2 3 4 5; do
    echo "${PGPORT_TEST:-$((20000 + RANDOM % 20000))}" >"$dir/port"
    if run 2>/dev/null; then return 0; fi
  done
  echo "PostgreSQL did not start; see $dir/server.log" >&2
  return 1
}
own_dir() {
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  return 0
}
case "$cmd" in
  start)
    own_dir
    [ -d "$dir/data" ] && { run; exit; }
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 >"$dir/initdb.log" 2>&1
    run_first
    ;;
  replica)
    primary=$dir
    dir=${3:?replica directory}
    own_dir
    [ -d "$dir/data" ] && { run; exit; }
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$(cat "$primary/port")" -U postgres -D "$dir/data" -R -X stream \
      -c fast >"$dir/basebackup.log" 2>&1
    PGPORT_TEST='' run_first
    ;;
  stop)
    [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  crash)
    [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop|crash DIR | replica PRIMARY_DIR DIR" >&2; exit 2 ;;
esac
