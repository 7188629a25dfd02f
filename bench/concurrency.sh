#!/usr/bin/env bash
# Throughput and latency against the number of concurrent connections, on one warmed-up server.
#
#   bench/concurrency.sh
#   env: LEVELS="4 16 64" connections, DURATION=20s per level, WARMUP=30s per endpoint at
#        WARMUP_CONNECTIONS=4, THREADS=2,
#        SCENARIO=bench/classroom.yaml, JAR, JAVA_OPTS
#
# Shows where queueing starts: once the server's cores are saturated, more connections add only
# waiting time (Little's law: mean latency = connections / throughput).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

LEVELS=${LEVELS:-4 16 64}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-4}
THREADS=${THREADS:-2}
SCENARIO=${SCENARIO:-$BENCH_DIR/classroom.yaml}
command -v wrk >/dev/null || { echo "wrk is missing; bench/load.sh installs it" >&2; exit 2; }

machine
trap stop_server EXIT
start_server
echo "warm-up: $WARMUP per endpoint at $WARMUP_CONNECTIONS connections"

run_wrk() { # path form connections duration
    BODY_FILE=$SCENARIO FORM=$2 wrk -t"$THREADS" -c"$3" -d"$4" -s "$BENCH_DIR/post.lua" "$BASE$1" | grep '^RESULT'
}

for endpoint in "/api/v1/evaluate 0" "/fragments/evaluate 1"; do
    set -- $endpoint
    run_wrk "$1" "$2" "$WARMUP_CONNECTIONS" "$WARMUP" >/dev/null
done
printf '%-22s %5s %7s %8s %8s %8s %8s %7s %8s %12s\n' endpoint conns req/s p50_ms p90_ms p99_ms p999_ms non2xx sock_err other_cpu_s
for endpoint in "/api/v1/evaluate 0" "/fragments/evaluate 1"; do
    set -- $endpoint
    for connections in $LEVELS; do
        busy_before=$(machine_busy_seconds)
        cpu_before=$(server_cpu_seconds)
        result=$(run_wrk "$1" "$2" "$connections" "$DURATION")
        others=$(awk -v b0="$busy_before" -v b1="$(machine_busy_seconds)" -v s0="$cpu_before" \
            -v s1="$(server_cpu_seconds)" 'BEGIN { printf "%.1f", (b1 - b0) - (s1 - s0) }')
        echo "$result" | awk -v name="$1" -v c="$connections" -v o="$others" '{
            for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
            printf "%-22s %5d %7s %8s %8s %8s %8s %7s %8d %12s\n", name, c, r["rps"], r["p50_ms"], r["p90_ms"],
                r["p99_ms"], r["p999_ms"], r["non2xx"], r["connect"] + r["read"] + r["write"] + r["timeout"], o }'
    done
done
echo "other_cpu_s: CPU used by everything but the server (wrk included) during the level"
