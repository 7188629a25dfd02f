#!/usr/bin/env bash
# How a fresh server warms up: consecutive wrk rounds on POST /api/v1/evaluate, each with its own
# connection count, printing throughput and server CPU per request round by round.
#
#   bench/warmup.sh                       # ROUNDS="64 64 64 64 64 64": six rounds at 64 connections
#   ROUNDS="4 4 64 64" bench/warmup.sh    # two rounds at 4 connections first
#   env: ROUNDS, ROUND=15s, SCENARIO=bench/classroom.yaml, JAR, JAVA_OPTS
#
# With JAVA_OPTS=-XX:StartFlightRecording=filename=F.jfr, `jfr summary F.jfr` counts the JIT
# compilations that took over 1 s (jdk.Compilation events, default threshold 1000 ms).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

ROUNDS=${ROUNDS:-64 64 64 64 64 64}
ROUND=${ROUND:-15s}
SCENARIO=${SCENARIO:-$BENCH_DIR/classroom.yaml}
need_wrk

machine
trap stop_server EXIT
start_server
printf '%5s %5s %7s %8s %8s %13s %12s\n' round conns req/s p50_ms p99_ms server_ms/req other_cpu_s
round=0
for connections in $ROUNDS; do
    round=$((round + 1))
    cpu_mark
    result=$(BODY_FILE=$SCENARIO FORM=$(form_of api) wrk -t2 -c"$connections" -d"$ROUND" -s "$BENCH_DIR/post.lua" \
        "$BASE$(path_of api)" | grep '^RESULT')
    echo "$result" | awk -v round="$round" -v c="$connections" -v s0="$MARK_SERVER" -v s1="$(server_cpu_seconds)" \
        -v o="$(others_since_mark)" '{
            for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
            printf "%5d %5d %7s %8s %8s %13.2f %12s\n", round, c, r["rps"], r["p50_ms"], r["p99_ms"],
                1000 * (s1 - s0) / r["requests"], o }'
done
echo "other_cpu_s: CPU used by everything but the server (wrk included) during the round"
echo "JIT compile queue at the end:"
jcmd "$SERVER_PID" Compiler.queue | sed -n '2,6p'
