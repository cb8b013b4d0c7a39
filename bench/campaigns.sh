#!/usr/bin/env bash
# Campaigns on SQLite (called by bench/run.sh): a campaign to every customer of the
# million-customer database (all of them consenting, each with a phone) sent by SMS: the time from
# the send button until every recipient is queued — the audience read a chunk of 5,000 at a time
# with consent, opt-outs and phone checked, a recipient row with its unsubscribe secret each —
# beside raw SQLite inserting the same rows with one INSERT … SELECT.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-bench-campaigns.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
source bench/lib.sh
bench_big_db
cp "$big_db" "$tmp/campaigns.db"
db="$tmp/campaigns.db"
HEARTH_ADMIN_PASSWORD=Bench-pass-1 "$build/hearth" migrate --db "sqlite:$db" >/dev/null 2>&1
# Everyone consents: the whole million is the audience.
sqlite3 "$db" "PRAGMA journal_mode=WAL;" "UPDATE customers SET consent_marketing = 1;" >/dev/null
cp "$db" "$tmp/raw.db"
bench_serve "sqlite:$db"
token=$(bench_login admin)
bench_wait_segments  # the first start computes every model in the background

api() { curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
id=$(api -X POST "$url/api/v1/campaigns" -d '{"name":"全体客户新春问候","channel":"sms","audience":{"kind":"all"},"template":"{name}您好，新春快乐！","rate_per_minute":1,"quiet_hours":false}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
t0=$(date +%s%N)
api -X POST "$url/api/v1/campaigns/$id/send" >/dev/null
status=queuing
while [ "$status" = queuing ]; do
  sleep 0.2
  status=$(api "$url/api/v1/campaigns/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
done
t1=$(date +%s%N)
read -r audience queued < <(api "$url/api/v1/campaigns/$id" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["audience_count"], c["queued_count"])')
rows=$(sqlite3 "$db" "SELECT count(*) FROM campaign_recipients WHERE campaign_id = $id")
rss=$(ps -o rss= -p "$pid" | tr -d ' ')

# The reference: the same rows by one statement in one transaction.
r0=$(date +%s%N)
sqlite3 "$tmp/raw.db" "PRAGMA journal_mode=WAL;" "PRAGMA synchronous=NORMAL;" \
  "INSERT INTO campaign_recipients (campaign_id, tenant_id, customer_id, secret) SELECT 999, tenant_id, id, hex(randomblob(6)) FROM customers
   WHERE merged_into IS NULL AND anonymized_at IS NULL AND consent_marketing AND phones <> ''
     AND id NOT IN (SELECT customer_id FROM marketing_opt_outs);" >/dev/null
r1=$(date +%s%N)

secs=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f", ns / 1e9 }')
raw=$(awk -v ns=$((r1 - r0)) 'BEGIN { printf "%.1f", ns / 1e9 }')
echo "Campaigns on SQLite: a campaign to all $customers customers (every one consenting) by SMS"
printf '   recipients queued: %s of an audience of %s in %s s (target <= 60 s; %s rows checked in the database), %.0f/s\n' \
  "$queued" "$audience" "$secs" "$rows" "$(awk -v q="$queued" -v s="$secs" 'BEGIN { print q / s }')"
echo "   raw SQLite, the same rows by one INSERT … SELECT: $raw s (the server: $(awk -v a="$secs" -v b="$raw" 'BEGIN { printf "%.1f", a / b }')× its time)"
echo "   the server's resident memory after: $((rss / 1024)) MiB"
