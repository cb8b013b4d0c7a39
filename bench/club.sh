#!/usr/bin/env bash
# The club on SQLite (called by bench/run.sh): points earned through the API by 64 connections for
# members drawn across 100,000 members of the million-customer database (each earning: the member's
# row locked, its expired lots taken, a lot, the balance, the tier, the ledger line, the audit row),
# beside raw SQLite running the same statements one transaction each in one connection.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-bench-club.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
source bench/lib.sh
bench_big_db
cp "$big_db" "$tmp/club.db"
db="$tmp/club.db"
members=${BENCH_MEMBERS:-100000}
HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" migrate --db "sqlite:$db" >/dev/null 2>&1
now_ms=$(( $(date +%s) * 1000 ))
# Every tenth customer a member, across the whole table.
sqlite3 "$db" "PRAGMA journal_mode=WAL;" "INSERT INTO club_members (tenant_id, customer_id, org_unit_id, member_no, tier, joined_at, review_at)
  SELECT tenant_id, id, org_unit_id, 'WKB' || id, 'basic', $now_ms, $now_ms + 31536000000 FROM customers
  WHERE merged_into IS NULL AND id % 10 = 0 ORDER BY id LIMIT $members;" >/dev/null
read -r first last < <(sqlite3 -separator ' ' "$db" "SELECT min(id), max(id) FROM club_members")
cp "$db" "$tmp/raw.db"
bench_serve "sqlite:$db"
token=$(bench_login admin)
bench_wait_segments  # the first start computes every model in the background

cat >"$tmp/earn.lua" <<LUA
math.randomseed(42)
earned, other = 0, 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function request()
  local id = math.random($first, $last)
  return wrk.format("POST", "/api/v1/club/members/" .. id .. "/points",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token" }, '{"delta":10,"reason":"event","note":"社区活动签到"}')
end
function response(status)
  if status == 201 then earned = earned + 1 else other = other + 1 end
end
function done(summary)
  local e, o = 0, 0
  for _, t in ipairs(threads) do e = e + t:get("earned"); o = o + t:get("other") end
  io.write(string.format("EARN %d %d %.3f\n", e, o, summary.duration / 1e6))
end
LUA
wrk -t2 -c64 -d2s -s "$tmp/earn.lua" "$url" >/dev/null 2>&1  # warm-up
out=$(wrk -t2 -c64 -d5s --latency -s "$tmp/earn.lua" "$url" 2>&1)
read -r earned other secs < <(echo "$out" | awk '/^EARN/ {print $2, $3, $4}')
p50=$(echo "$out" | awk '$1=="50%" {print $2}')
p99=$(echo "$out" | awk '$1=="99%" {print $2}')
sleep 1
read -r lines balances lots negative < <(sqlite3 -separator ' ' "$db" "SELECT (SELECT count(*) FROM club_point_moves),
  (SELECT sum(balance) FROM club_members), (SELECT sum(remaining) FROM club_point_lots), (SELECT count(*) FROM club_members WHERE balance < 0)")
rss=$(ps -o rss= -p "$pid" | tr -d ' ')

# The reference: the statements of one earning, one transaction each, in one connection.
n=$(( earned > 0 ? earned : 1000 ))
python3 - "$first" "$last" "$n" "$now_ms" >"$tmp/raw.sql" <<'PY'
import random, sys
first, last, n, now = map(int, sys.argv[1:])
random.seed(42)
print("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
for _ in range(n):
    m = random.randint(first, last)
    print(f"""BEGIN IMMEDIATE;
UPDATE club_members SET version = version + 1 WHERE id = {m} AND tenant_id = 1 AND status = 'active';
SELECT COALESCE(sum(remaining), 0) FROM club_point_lots WHERE member_id = {m} AND remaining > 0 AND expires_at <= {now};
SELECT tiers FROM club_settings WHERE tenant_id = 1;
INSERT INTO club_point_lots (member_id, points, remaining, earned_at, expires_at) VALUES ({m}, 10, 10, {now}, {now + 63072000000});
UPDATE club_members SET balance = balance + 10, earned_total = earned_total + 10 WHERE id = {m};
SELECT COALESCE(sum(delta), 0) FROM club_point_moves WHERE member_id = {m} AND delta > 0 AND at > {now - 31536000000};
INSERT INTO club_point_moves (member_id, tenant_id, delta, balance_after, reason, note, lot_id, actor_id, at) VALUES ({m}, 1, 10, 10, 'event', '社区活动签到', last_insert_rowid(), 1, {now});
INSERT INTO audit_log (tenant_id, at, actor_id, action, entity_type, entity_id, after_json, request_id, remote_address, created_at) VALUES (1, {now}, 1, 'club_points.earned', 'club_member', {m}, '{{}}', 'r', '127.0.0.1', {now});
COMMIT;""")
PY
t0=$(date +%s%N)
sqlite3 "$tmp/raw.db" <"$tmp/raw.sql" >/dev/null 2>"$tmp/raw.err" || { echo "raw reference failed:"; head -5 "$tmp/raw.err"; }
t1=$(date +%s%N)
raw_rate=$(awk -v n="$n" -v ns=$((t1 - t0)) 'BEGIN { printf "%.0f", n / (ns / 1e9) }')

echo "Club on SQLite: $members members across $customers customers, points earned by 64 connections (wrk -t2, 5 s)"
printf '   points earned: %.0f/s (%d in %.1f s; target >= 2,000/s), other answers: %d, p50 %s, p99 %s\n' \
  "$(awk -v e="$earned" -v s="$secs" 'BEGIN { print e / s }')" "$earned" "$secs" "$other" "$p50" "$p99"
echo "   checked in the database: $lines ledger lines, balances $balances = open lots $lots, members below zero: $negative (must be 0)"
echo "   raw SQLite, the same statements of one earning per transaction, one connection: $raw_rate/s ($n transactions)"
echo "   the server's resident memory after: $((rss / 1024)) MiB"
