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
need_wrk

machine
trap stop_server EXIT
start_server
echo "warm-up: $WARMUP per endpoint at $WARMUP_CONNECTIONS connections"

run_wrk() { # endpoint connections duration
    BODY_FILE=$SCENARIO FORM=$(form_of "$1") wrk -t"$THREADS" -c"$2" -d"$3" -s "$BENCH_DIR/post.lua" \
        "$BASE$(path_of "$1")" | grep '^RESULT'
}

for endpoint in api fragment; do
    run_wrk "$endpoint" "$WARMUP_CONNECTIONS" "$WARMUP" >/dev/null
done
printf '%-22s %5s %7s %8s %8s %8s %8s %7s %8s %12s\n' endpoint conns req/s p50_ms p90_ms p99_ms p999_ms non2xx sock_err other_cpu_s
for endpoint in api fragment; do
    for connections in $LEVELS; do
        cpu_mark
        result=$(run_wrk "$endpoint" "$connections" "$DURATION")
        others=$(others_since_mark)
        echo "$result" | awk -v name="$(path_of "$endpoint")" -v c="$connections" -v o="$others" '{
            for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
            printf "%-22s %5d %7s %8s %8s %8s %8s %7s %8d %12s\n", name, c, r["rps"], r["p50_ms"], r["p90_ms"],
                r["p99_ms"], r["p999_ms"], r["non2xx"], r["connect"] + r["read"] + r["write"] + r["timeout"], o }'
    done
done
echo "other_cpu_s: CPU used by everything but the server (wrk included) during the level"
