#!/bin/bash
# Instructions per GET /api/v1/me on the server side, counted by callgrind: repeatable on a
# shared machine where wall-clock figures are not. Needs valgrind (not installed by make).
# usage: bench/callgrind-me.sh [SECONDS] [BINARY] → instructions per /api/v1/me request (server side, callgrind)
D=${1:-10}; HEARTH_BIN=${2:-build/hearth}; HEARTH_BIN=$(readlink -f "$HEARTH_BIN")
tmp=$(mktemp -d /tmp/hearth-cg.XXXXXX); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
HEARTH_ADMIN_PASSWORD=Bench-pass-1 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=$tmp/cg.out "$HEARTH_BIN" serve --listen 127.0.0.1:18201 --db sqlite:$tmp/cg.db --no-access-log > $tmp/cg.log 2>&1 &
VP=$!
for i in $(seq 1 100); do grep -q serving $tmp/cg.log && break; sleep 0.2; done
T=$(curl -fs -X POST localhost:18201/api/v1/auth/login -d '{"username":"admin","password":"Bench-pass-1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
curl -fs localhost:18201/api/v1/me -H "Authorization: Bearer $T" > /dev/null
callgrind_control -i on $VP >/dev/null
N=$(wrk -t1 -c4 -d${D}s -H "Authorization: Bearer $T" http://127.0.0.1:18201/api/v1/me | awk '/requests in/ {print $1}')
callgrind_control -i off $VP >/dev/null
kill -TERM $VP; wait $VP 2>/dev/null
TOTAL=$(callgrind_annotate $tmp/cg.out 2>/dev/null | grep 'PROGRAM TOTALS' | awk '{gsub(",","",$1); print $1}')
echo "requests: $N, instructions per request: $((TOTAL / N))"
