#!/usr/bin/env bash
# A pg_auto_failover formation for the fail-over test and for trying docs/deploy.md by hand: a
# monitor and two PostgreSQL 15 nodes (primary + synchronous standby) on 127.0.0.1 in DIR, run as
# the postgres user, with the monitor's health checks shortened so a fail-over takes seconds.
#   scripts/pg-failover.sh start DIR        → prints the URL Hearth connects with (both nodes,
#                                              target_session_attrs=read-write)
#   scripts/pg-failover.sh primary DIR      → prints the port of the node that is primary now
#   scripts/pg-failover.sh kill-primary DIR → SIGKILLs the primary's keeper and postgres (a crash),
#                                              prints its port
#   scripts/pg-failover.sh wait-primary DIR PORT → waits (60 s at most) until a node other than
#                                              PORT is a writable primary; prints its port
#   scripts/pg-failover.sh state DIR        → pg_autoctl show state
#   scripts/pg-failover.sh stop DIR
set -euo pipefail
cmd=${1:?start|primary|kill-primary|wait-primary|state|stop}
dir=${2:?directory}
export PATH=/usr/lib/postgresql/15/bin:$PATH
# pg_autoctl keeps each node's configuration and state under XDG_CONFIG_HOME and XDG_DATA_HOME,
# keyed by the data directory's path: kept inside DIR so that an earlier run in the same place
# is not picked up again.
as_pg() {
  local env=(env PATH="$PATH" XDG_CONFIG_HOME="$dir/xdg/config" XDG_DATA_HOME="$dir/xdg/data" XDG_RUNTIME_DIR="$dir/xdg/run")
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "${env[@]}" "$@"; else "${env[@]}" "$@"; fi
}
sql() { psql "postgresql://postgres@127.0.0.1:$1/${3:-postgres}" -XAtq -c "$2" 2>/dev/null; }
monitor_sql() { sql "$(cat "$dir/monitor.port")" "$1" pg_auto_failover; }
# Waits until the monitor reports `state` for node N (1 or 2); nudges checkpoints meanwhile, since
# the standby's base backup otherwise waits for the next scheduled one.
wait_state() {
  local node=$1 want=$2
  for _ in $(seq 1 600); do
    local got
    got=$(monitor_sql "SELECT reportedstate FROM pgautofailover.node WHERE nodeid = $node" || true)
    [ "$got" = "$want" ] && return 0
    for port in $(cat "$dir/node1.port" "$dir/node2.port"); do sql "$port" CHECKPOINT >/dev/null || true; done
    sleep 0.2
  done
  echo "node $node did not reach $want" >&2
  as_pg pg_autoctl show state --pgdata "$dir/monitor" >&2 || true
  exit 1
}
owner=$(id -u)
[ "$owner" -eq 0 ] && owner=postgres
# Writes the process group of the keeper of data directory $1 (runuser forks, so $! is not it).
record_group() {
  for _ in $(seq 1 100); do
    local pid
    pid=$(pgrep -u "$owner" -f "^pg_autoctl .*--pgdata $dir/$1( |$)" | head -1 || true)
    if [ -n "$pid" ]; then ps -o pgid= -p "$pid" | tr -d ' ' >"$dir/$1.sid"; return 0; fi
    sleep 0.05
  done
}
writable() { [ "$(sql "$1" 'SELECT pg_is_in_recovery()' || true)" = "f" ]; }
current_primary() {
  for n in 1 2; do
    local port
    port=$(cat "$dir/node$n.port")
    if writable "$port"; then echo "$port"; return 0; fi
  done
  return 1
}

case "$cmd" in
  start)
    mkdir -p "$dir/xdg/config" "$dir/xdg/data" "$dir/xdg/run"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
    chmod 700 "$dir/xdg/run"
    base=$((20000 + RANDOM % 20000))
    echo $base >"$dir/monitor.port"
    echo $((base + 1)) >"$dir/node1.port"
    echo $((base + 2)) >"$dir/node2.port"
    as_pg pg_autoctl create monitor --pgdata "$dir/monitor" --pgport "$base" --hostname 127.0.0.1 --listen 127.0.0.1 \
      --auth trust --no-ssl >"$dir/monitor-create.log" 2>&1
    as_pg setsid pg_autoctl run --pgdata "$dir/monitor" >"$dir/monitor.log" 2>&1 </dev/null &
    record_group monitor
    for _ in $(seq 1 100); do monitor_sql "SELECT 1" >/dev/null && break; sleep 0.1; done
    # Seconds instead of the defaults' half minute: check every second, give up on a node after 3 s.
    for setting in health_check_period=1000 health_check_timeout=1000 health_check_retry_delay=500 \
                   health_check_max_retries=1 node_considered_unhealthy_timeout=3000 primary_demote_timeout=5000 \
                   startup_grace_period=2000; do
      monitor_sql "ALTER SYSTEM SET pgautofailover.${setting%%=*} = ${setting#*=}" >/dev/null
    done
    monitor_sql "SELECT pg_reload_conf()" >/dev/null
    monitor="postgres://autoctl_node@127.0.0.1:$base/pg_auto_failover?sslmode=disable"
    for n in 1 2; do
      as_pg setsid pg_autoctl create postgres --pgdata "$dir/node$n" --pgport "$(cat "$dir/node$n.port")" \
        --hostname 127.0.0.1 --listen 127.0.0.1 --name "node$n" --auth trust --no-ssl --dbname hearth --monitor "$monitor" --run \
        >"$dir/node$n.log" 2>&1 </dev/null &
      record_group "node$n"
      if [ "$n" = 1 ]; then wait_state 1 single; else wait_state 2 secondary; wait_state 1 primary; fi
    done
    echo "postgresql://postgres@127.0.0.1:$(cat "$dir/node1.port"),127.0.0.1:$(cat "$dir/node2.port")/hearth?target_session_attrs=read-write"
    ;;
  primary)
    current_primary
    ;;
  kill-primary)
    port=$(current_primary)
    for n in 1 2; do
      if [ "$(cat "$dir/node$n.port")" = "$port" ]; then
        kill -9 -- "-$(cat "$dir/node$n.sid")" 2>/dev/null || true
        kill -9 "$(head -1 "$dir/node$n/postmaster.pid")" 2>/dev/null || true
      fi
    done
    echo "$port"
    ;;
  wait-primary)
    old=${3:?port of the old primary}
    for _ in $(seq 1 600); do
      port=$(current_primary || true)
      if [ -n "$port" ] && [ "$port" != "$old" ]; then echo "$port"; exit 0; fi
      sleep 0.1
    done
    echo "no new primary within 60 s" >&2
    exit 1
    ;;
  state)
    as_pg pg_autoctl show state --pgdata "$dir/monitor"
    ;;
  stop)
    # Each keeper runs in a session (and process group) of its own: stop the groups, then
    # whatever postgres is left.
    for d in node1 node2 monitor; do
      [ -f "$dir/$d.sid" ] && kill -TERM -- "-$(cat "$dir/$d.sid")" 2>/dev/null || true
    done
    for _ in $(seq 1 50); do
      alive=0
      for d in node1 node2 monitor; do
        [ -f "$dir/$d.sid" ] && kill -0 -- "-$(cat "$dir/$d.sid")" 2>/dev/null && alive=1
      done
      [ $alive = 0 ] && break
      sleep 0.1
    done
    for d in node1 node2 monitor; do
      [ -f "$dir/$d.sid" ] && kill -9 -- "-$(cat "$dir/$d.sid")" 2>/dev/null || true
      [ -f "$dir/$d/postmaster.pid" ] && kill -9 "$(head -1 "$dir/$d/postmaster.pid")" 2>/dev/null || true
    done
    ;;
  *) echo "usage: $0 start|primary|kill-primary|wait-primary|state|stop DIR [PORT]" >&2; exit 2 ;;
esac
