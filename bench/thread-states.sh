#!/usr/bin/env bash
# What the server's request threads do under load: jcmd Thread.print sampling.
#
#   bench/thread-states.sh [api|fragment]        default api
#   env: DUMPS=30 (one every 0.5 s), CONNECTIONS=64, WARMUP=30s at WARMUP_CONNECTIONS=4,
#        SCENARIO=bench/classroom.yaml, JAR, JAVA_OPTS
#
# Warms up, then keeps wrk running while it takes DUMPS thread dumps, and prints how many Jetty
# worker threads were, on average, idle (parked in the pool), running (and in which project method),
# or blocked (and on which monitor). Thread dumps stop at safepoints, so "running in" is indicative.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

ENDPOINT=${1:-api}
DUMPS=${DUMPS:-30}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-30s}
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-4}
SCENARIO=${SCENARIO:-$BENCH_DIR/classroom.yaml}
case $ENDPOINT in
    api | fragment) path=$(path_of "$ENDPOINT") form=$(form_of "$ENDPOINT") ;;
    *) echo "usage: $0 [api|fragment]" >&2; exit 2 ;;
esac
need_wrk

machine
trap stop_server EXIT
start_server
export BODY_FILE=$SCENARIO FORM=$form
wrk -t2 -c"$WARMUP_CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/post.lua" "$BASE$path" | grep '^RESULT' | sed 's/^RESULT/warm-up/'
seconds=$((DUMPS / 2 + 8))
wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" -s "$BENCH_DIR/post.lua" "$BASE$path" >"$WORKDIR/wrk.txt" &
load=$!
cpu_mark
sleep 3
for i in $(seq 1 "$DUMPS"); do
    jcmd "$SERVER_PID" Thread.print >"$WORKDIR/dump.$i"
    sleep 0.5
done
wait "$load"
grep '^RESULT' "$WORKDIR/wrk.txt" | sed 's/^RESULT/during the dumps:/'
echo "CPU used by everything but the server (wrk included) meanwhile: $(others_since_mark) s"

echo
echo "average Jetty worker threads per state over $DUMPS dumps (POST $path, $CONNECTIONS connections):"
for i in $(seq 1 "$DUMPS"); do
    awk 'BEGIN { RS = "" }
        /^"JettyServerThreadPool/ {
            n = split($0, line, "\n"); state = "?"; top = ""; project = ""; lock = ""
            for (i = 1; i <= n; i++) {
                if (line[i] ~ /java.lang.Thread.State:/) { split(line[i], s, ": "); split(s[2], w, " "); state = w[1] }
                else if (line[i] ~ /- waiting to lock/) { lock = line[i]; sub(/.*\(a /, "", lock); sub(/\)$/, "", lock) }
                else if (line[i] ~ /^\tat /) {
                    frame = line[i]; sub(/^\tat /, "", frame); sub(/\(.*/, "", frame)
                    if (top == "") top = frame
                    if (project == "" && frame ~ /netpolplayground/) project = frame
                }
            }
            if (state == "BLOCKED") print "BLOCKED on " lock " at " top
            else if (state == "RUNNABLE") print "RUNNABLE " (project != "" ? "in " project : top)
            else print state " " top
        }' "$WORKDIR/dump.$i"
done | sort | uniq -c | sort -rn | awk -v n="$DUMPS" '{ c = $1; $1 = ""; printf "%6.1f %s\n", c / n, $0 }' | head -20
