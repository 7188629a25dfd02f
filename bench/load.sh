#!/usr/bin/env bash
# Load test: many concurrent clients evaluating a classroom-sized scenario.
#
#   bench/load.sh
#   env: DURATION=60s per endpoint, WARMUP=0 (or e.g. 30s per endpoint at WARMUP_CONNECTIONS=4), CONNECTIONS=64,
#        THREADS=2 (wrk threads), SCENARIO=bench/classroom.yaml, ENDPOINTS="api fragment", JAR, JAVA_OPTS
#
# 1. Installs wrk from Debian if it is missing.
# 2. Starts the server jar on a free 127.0.0.1 port with a throw-away H2 database; waits for /readyz,
#    which the server answers only after its own warm-up (serve --warm-up-seconds, 20 s by default).
# 3. Optionally warms up each endpoint from the client side (WARMUP > 0), then notes the heap in use
#    after a full GC. By default there is none: the load meets the server as a class would.
# 4. Drives POST /api/v1/evaluate (application/yaml), then POST /fragments/evaluate (the htmx form,
#    scenario=… form-encoded), each with wrk for DURATION at CONNECTIONS connections, printing wrk's
#    latency distribution; notes the heap after a full GC after each run (flat = no leak per request).
# 5. Prints a summary (throughput, p50/p99, non-2xx and socket errors, heap) and stops the server.
# The server shares the machine's cores with wrk: on a 2-core box both compete for CPU.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-0}
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-4}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SCENARIO=${SCENARIO:-$BENCH_DIR/classroom.yaml}
ENDPOINTS=${ENDPOINTS:-api fragment}

need_wrk

machine
echo "scenario: $SCENARIO; $CONNECTIONS connections, $THREADS wrk threads, $DURATION per endpoint" \
    "after a client-side warm-up of $WARMUP at $WARMUP_CONNECTIONS connections"
trap stop_server EXIT
start_server

# One request by hand, so a broken setup fails loudly before minutes of load.
for endpoint in $ENDPOINTS; do
    if [ "$endpoint" = api ]; then
        code=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/yaml' \
            --data-binary "@$SCENARIO" "$BASE$(path_of api)")
    else
        code=$(curl -sS -o /dev/null -w '%{http_code}' --data-urlencode "scenario@$SCENARIO" "$BASE$(path_of fragment)")
    fi
    echo "check: POST $(path_of "$endpoint") -> $code"
    [ "$code" = 200 ] || { echo "expected 200" >&2; exit 1; }
done

run_wrk() { # endpoint duration connections; wrk's own CPU seconds go to $WORKDIR/wrk.cpu
    BODY_FILE=$SCENARIO FORM=$(form_of "$1") /usr/bin/time -o "$WORKDIR/wrk.cpu" -f '%U %S' \
        wrk -t"$THREADS" -c"$3" -d"$2" --latency -s "$BENCH_DIR/post.lua" "$BASE$(path_of "$1")"
}

heap_after_gc "after start"
if [ "$WARMUP" != 0 ]; then
    for endpoint in $ENDPOINTS; do
        echo "warm-up: POST $(path_of "$endpoint") for $WARMUP at $WARMUP_CONNECTIONS connections"
        run_wrk "$endpoint" "$WARMUP" "$WARMUP_CONNECTIONS" | grep '^RESULT' | sed 's/^RESULT/  warm-up/'
    done
    heap_after_gc "after warm-up"
fi

declare -A results
for endpoint in $ENDPOINTS; do
    echo
    echo "== POST $(path_of "$endpoint") for $DURATION, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
    cpu_before=$(server_cpu_seconds)
    busy_before=$(machine_busy_seconds)
    out=$(run_wrk "$endpoint" "$DURATION" "$CONNECTIONS")
    cpu=$(awk -v a="$cpu_before" -v b="$(server_cpu_seconds)" 'BEGIN { printf "%.1f", b - a }')
    busy=$(awk -v a="$busy_before" -v b="$(machine_busy_seconds)" 'BEGIN { printf "%.1f", b - a }')
    wrk_cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$WORKDIR/wrk.cpu")
    others=$(awk -v b="$busy" -v s="$cpu" -v w="$wrk_cpu" 'BEGIN { printf "%.1f", b - s - w }')
    echo "$out"
    results[$endpoint]="$(echo "$out" | grep '^RESULT') server_cpu_s=$cpu others_cpu_s=$others"
    echo "CPU during the run: server $cpu s, wrk $wrk_cpu s, other processes $others s (machine busy $busy s" \
        "of $(nproc) cores x the duration)"
    heap_after_gc "after $endpoint load"
done

echo
echo "== summary ($CONNECTIONS connections, $DURATION each; targets: >= 1500 req/s, p99 <= 50 ms, 0 errors, heap flat)"
echo "   server_ms/req: server CPU per request; other_cpu_s: CPU used by processes other than server and wrk"
printf '%-22s %7s %8s %8s %8s %7s %7s %12s %12s\n' endpoint req/s p50_ms p99_ms max_ms non2xx sock_err server_ms/req other_cpu_s
for endpoint in $ENDPOINTS; do
    echo "${results[$endpoint]}" | awk -v name="$(path_of "$endpoint")" '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
        printf "%-22s %7s %8s %8s %8s %7s %7d %12.2f %12s\n", name, r["rps"], r["p50_ms"], r["p99_ms"], r["max_ms"],
            r["non2xx"], r["connect"] + r["read"] + r["write"] + r["timeout"], 1000 * r["server_cpu_s"] / r["requests"],
            r["others_cpu_s"] }'
done
grep -v ' /readyz ' "$WORKDIR/server.log" | grep -c ' 5[0-9][0-9] ' | sed 's/^/server log lines with a 5xx status: /' || true
echo "server errors logged: $(grep -c 'unexpected error' "$WORKDIR/server.log" || true)"
echo "access log lines dropped under load (server's own count): $(grep -o '([0-9]* access log lines dropped' \
    "$WORKDIR/server.log" | awk '{ n += substr($1, 2) } END { print n + 0 }')"
