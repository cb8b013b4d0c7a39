#!/usr/bin/env bash
# Segments on SQLite (called by bench/run.sh): a segment model computed over 1,000,000 customers
# (the customers bench's database, generated once into $BENCH_DATA by `hearth demo`, half of them
# given a home so that the pass values 500,000 households), each preset
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
# Households to value: the demo's million customers own few homes, so half of them are given one
# (delivered between 2012 and 2026, ¥1.5–6.4 million) and one in ten of those a second.
owners=${BENCH_OWNERS:-500000}
sqlite3 "$db" "PRAGMA journal_mode=WAL;" "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $owners + $owners / 10)
INSERT INTO units (tenant_id, project_id, building, entrance, room, floor, code, area_m2, list_price_cents, status, created_at, updated_at, delivered_on)
SELECT 1, (SELECT min(id) FROM projects), 'V' || (i / 1000), '1', printf('%03d', i % 1000), 1 + i % 30, 'LTV-' || i, 70 + i % 90,
       150000000 + (i % 50) * 10000000, 'delivered', 0, 0, printf('%04d-%02d-15', 2012 + i % 15, 1 + i % 12) FROM n;" "
CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY id) AS r, id FROM units WHERE code LIKE 'LTV-%';" "
CREATE TEMP TABLE c AS SELECT row_number() OVER (ORDER BY id) AS r, id FROM customers WHERE merged_into IS NULL AND id % 2 = 0;" "
CREATE INDEX temp.ix_c ON c (r);" "
INSERT INTO unit_owners (tenant_id, unit_id, customer_id, share, created_at, updated_at)
SELECT 1, u.id, c.id, 1, 0, 0 FROM u JOIN c ON c.r = CASE WHEN u.r > $owners THEN u.r - $owners ELSE u.r END;" >/dev/null
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
