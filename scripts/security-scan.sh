#!/usr/bin/env bash
# Attack tools against a local server (called by scripts/test.sh): sqlmap on the query parameters
# and JSON bodies clients send, wapiti (SQL and blind SQL injection, command execution, file
# disclosure, XSS, CRLF, open redirect) on the app and the API's searches. Prints what each tried
# and found; fails on any finding.
#   scripts/security-scan.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d /tmp/hearth-scan.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export HEARTH_ADMIN_PASSWORD=Scan-admin-pass-1
"$build/hearth" demo --db "sqlite:$tmp/scan.db" --customers 300 --events 600 --tickets 100 >/dev/null 2>&1
"$build/hearth" serve --listen 127.0.0.1:0 --db "sqlite:$tmp/scan.db" --fast-hashing >"$tmp/serve.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 200); do url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 || true); [ -n "$url" ] && break; sleep 0.05; done
[ -n "$url" ] || { cat "$tmp/serve.log"; exit 1; }
token=$(curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$HEARTH_ADMIN_PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
auth="Authorization: Bearer $token"
customer=$(curl -fs -H "$auth" "$url/api/v1/customers?limit=1" | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
name=$(printf '%s' '王' | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')

findings=0
targets=0
sqlmap_run() {  # description, then sqlmap arguments
  local what=$1; shift
  targets=$((targets + 1))
  if sqlmap --batch --level=2 --risk=1 --disable-coloring --output-dir="$tmp/sqlmap" -H "$auth" "$@" >"$tmp/sqlmap.log" 2>&1; then :; fi
  if grep -qE 'identified the following injection point|is vulnerable' "$tmp/sqlmap.log"; then
    echo "sqlmap FOUND an injection in $what:"; grep -A6 'injection point' "$tmp/sqlmap.log"; findings=$((findings + 1))
  fi
  tested=$((tested + $(grep -cE "testing '" "$tmp/sqlmap.log" || true)))
}
tested=0
sqlmap_run "customer search" -u "$url/api/v1/customers?q=$name&limit=20"
sqlmap_run "ticket queue" -u "$url/api/v1/tickets?status=new&kind=repair&grade=general&department=engineering&limit=20"
sqlmap_run "case library" -u "$url/api/v1/cases?q=abc&category_id=1"
sqlmap_run "users" -u "$url/api/v1/users?q=adm&org_unit_id=1"
sqlmap_run "audit log" -u "$url/api/v1/audit-log?entity_type=customer&action=customer.created&entity_id=1"
sqlmap_run "timeline" -u "$url/api/v1/customers/$customer/timeline?kind=ticket&limit=20"
sqlmap_run "ticket report" -u "$url/api/v1/reports/tickets?from=2026-01-01&to=2026-06-30&project_id=1"
sqlmap_run "export" -u "$url/api/v1/exports/customers?q=$name&format=csv"
sqlmap_run "login body" -u "$url/api/v1/auth/login" --data '{"username":"scan-nobody","password":"x-not-it-1"}'
sqlmap_run "new customer body" -u "$url/api/v1/customers" --data '{"name":"扫描测试","phone":"13800000000","address":"深圳","tags":["a"]}'
sqlmap_run "new ticket body" -u "$url/api/v1/tickets" --data "{\"kind\":\"inquiry\",\"channel\":\"web\",\"customer_id\":$customer,\"title\":\"咨询\",\"description\":\"x\"}"
echo "sqlmap: $targets targets (query parameters and JSON bodies), $tested injection tests, $findings injectable"

mkdir -p "$tmp/wapiti"
timeout 600 wapiti -u "$url/" -s "$url/api/v1/customers?q=$name&limit=20" -s "$url/api/v1/tickets?status=new&kind=repair&limit=20" \
  -s "$url/api/v1/cases?q=abc" -s "$url/api/v1/users?q=adm" -s "$url/t/not-a-token" -H "$auth" \
  -m "sql,blindsql,exec,file,xss,crlf,redirect" --scope domain -f json -o "$tmp/wapiti/report.json" \
  --flush-session --max-scan-time 300 >"$tmp/wapiti.log" 2>&1 || { tail -20 "$tmp/wapiti.log"; exit 1; }
requests=$(grep -c '"msg":"access"' "$tmp/serve.log" || true)
vulns=$(python3 -c "import json,sys; d=json.load(open('$tmp/wapiti/report.json')); print(sum(len(v) for v in d['vulnerabilities'].values()))")
echo "wapiti: sql, blind sql, exec, file, xss, crlf, redirect modules; $vulns vulnerabilities (the server logged $requests requests from both tools)"
if [ "$vulns" != 0 ]; then
  python3 -c "import json; d=json.load(open('$tmp/wapiti/report.json')); [print(k, x.get('path'), x.get('parameter'), x.get('info')) for k,v in d['vulnerabilities'].items() for x in v]"
  findings=$((findings + vulns))
fi
grep -q '"status":5' "$tmp/serve.log" && { echo "the server answered 5xx during the scans:"; grep '"status":5' "$tmp/serve.log" | head; findings=$((findings + 1)); }
[ "$findings" = 0 ]
