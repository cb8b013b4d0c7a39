#!/usr/bin/env bash
# Segments on SQLite (called by bench/run.sh): a segment model computed over 1,000,000 customers
# (the customers bench's database, generated once into $BENCH_DATA by `hearth demo`), each preset
# through the API (POST …/recompute: every customer and their homes read a page at a time, each
# placed by the rules, the members and counts written), beside raw SQLite reading the same
# columns of the same customers and homes in one query.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-bench-seg.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
source bench/lib.sh
bench_big_db
cp "$big_db" "$tmp/seg.db"  # the computation writes its members: a copy keeps the shared database as it was
db="$tmp/seg.db"
bench_serve "sqlite:$db"
token=$(bench_login admin)
bench_wait_segments  # the first start computes every model in the background

echo "Segments on SQLite: $customers customers"
ids=$(curl -fs "$url/api/v1/segment-models" -H "Authorization: Bearer $token" | python3 -c 'import json,sys; print(" ".join(str(m["id"]) for m in json.load(sys.stdin)["items"]))')
for id in $ids; do
  t0=$(date +%s%N)
  out=$(curl -fs -X POST "$url/api/v1/segment-models/$id/recompute" -H "Authorization: Bearer $token")
  t1=$(date +%s%N)
  echo "$out" | python3 -c "
import json, sys
m = json.load(sys.stdin)
top = sorted(m['profiles'], key=lambda p: -p['customers'])[:3]
names = {s['code']: s['name'] for s in m['segments']}
print('   %s: computed over %d customers in %.1f s (the request %.1f s; target <= 30 s); largest: %s' % (
  m['name'], m['customers'], m['computed_ms'] / 1000, $(( (t1 - t0) / 1000000 )) / 1000,
  ', '.join('%s %.0f%%' % (names.get(p['segment'], '未归类'), 100 * p['customers'] / max(1, m['customers'])) for p in top)))"
done
# Lifetime value: each household's is computed in the same pass (the figures above include it);
# the segments' values are read from the counts kept.
first=${ids%% *}
t0=$(date +%s%N)
curl -fs "$url/api/v1/segment-models/$first/value" -H "Authorization: Bearer $token" >"$tmp/value.json"
t1=$(date +%s%N)
python3 - "$tmp/value.json" "$(( (t1 - t0) / 1000000 ))" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
cells = [c for c in v['rows'][0]['cells'] if c['sub'] < 0]
households = sum(c['households'] for c in cells)
total = sum(c['total']['total_cents'] for c in cells)
print('   lifetime value of all %d households (owners) computed in that pass: average ¥%.0f, total ¥%.1f bn; GET …/value %s ms (target: all households <= 30 s)' % (
    households, total / max(1, households) / 100, total / 1e11, sys.argv[2]))
PY
rss=$(ps -o rss= -p "$pid" | tr -d ' ')
echo "   the server's resident memory after: $((rss / 1024)) MiB"

# The reference: raw SQLite reading the columns the facts come from, for the same customers with
# their homes, in one query (what the computation reads, without placing or writing anything).
t0=$(date +%s%N)
sqlite3 "$db" "SELECT count(*), sum(length(c.birth_date)), sum(length(c.marital_status)), sum(length(h.delivered_on))
  FROM customers c LEFT JOIN (SELECT w.customer_id, u.area_m2, u.list_price_cents, u.delivered_on FROM unit_owners w
  JOIN units u ON u.id = w.unit_id) h ON h.customer_id = c.id WHERE c.merged_into IS NULL" >/dev/null
t1=$(date +%s%N)
echo "   raw SQLite, the same customers' columns and homes read in one query: $(( (t1 - t0) / 1000000 )) ms"
