#!/usr/bin/env bash
# Latency of one POST /api/v1/evaluate at a time (no concurrency), after warm-up.
#
#   bench/latency.sh [SCENARIO.yaml ...]     default: bench/online-boutique.yaml bench/classroom.yaml
#   env: WARMUP=2000 requests, REQUESTS=1000 measured, QUERY='' (e.g. 'format=compact'), JAR, JAVA_OPTS
#
# One curl process sends all requests over one kept-alive connection. For each request it records
# the wall-clock time seen by curl (time_total) and the server's own Server-Timing header
# (parse;dur and eval;dur, in ms), and prints p50/p90/p99/max of each.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

# Every request here sends the same text: the server must not answer from its memory of earlier
# results (serve --remember-mib), or there would be no parsing or evaluation to time.
export PLAYGROUND_REMEMBER_MIB=0
WARMUP=${WARMUP:-2000}
REQUESTS=${REQUESTS:-1000}
QUERY=${QUERY:-}
if [ $# -eq 0 ]; then
    set -- "$BENCH_DIR/online-boutique.yaml" "$BENCH_DIR/classroom.yaml"
fi

machine
trap stop_server EXIT
start_server

# Sends $2 requests with body file $1; one line per request: "time_total_s server-timing".
send() {
    local body=$1 count=$2 config
    config="$WORKDIR/curl.cfg"
    : >"$config"
    for _ in $(seq 1 "$count"); do
        printf 'url = "%s/api/v1/evaluate%s"\noutput = "/dev/null"\n' "$BASE" "${QUERY:+?$QUERY}" >>"$config"
    done
    curl -sS -K "$config" -H 'Content-Type: application/yaml' --data-binary "@$body" \
        -w '%{http_code} %{time_total} %header{server-timing}\n'
}

# Numbers on stdin (ms), one a line -> "mean p50 p90 p99 max".
stats() {
    sort -n | awk '{ v[NR] = $1; t += $1 }
        function at(q,   i) { i = int(q * NR + 0.999999); if (i < 1) i = 1; return v[i] }
        END { printf "mean %7.3f  p50 %7.3f  p90 %7.3f  p99 %7.3f  max %7.3f  ms\n", t / NR, at(.5), at(.9), at(.99), v[NR] }'
}

# Reads "code seconds parse;dur=P, eval;dur=E" lines; prints status codes and percentiles in ms.
summarize() {
    local raw="$WORKDIR/latency.txt"
    sed -E 's/^([0-9]+) ([0-9.]+) parse;dur=([0-9.]+), eval;dur=([0-9.]+).*/\1 \2 \3 \4/' >"$raw"
    echo "  requests $(wc -l <"$raw"), status codes: $(cut -d' ' -f1 "$raw" | sort | uniq -c | awk '{printf "%s x%s ", $2, $1}')"
    printf '  %-20s %s\n' "server parse" "$(awk '{print $3}' "$raw" | stats)"
    printf '  %-20s %s\n' "server eval" "$(awk '{print $4}' "$raw" | stats)"
    printf '  %-20s %s\n' "server parse+eval" "$(awk '{print $3 + $4}' "$raw" | stats)"
    printf '  %-20s %s\n' "wall-clock (curl)" "$(awk '{print $2 * 1000}' "$raw" | stats)"
}

for scenario in "$@"; do
    echo
    echo "== $(basename "$scenario") ${QUERY:+?$QUERY}"
    response=$(curl -sS -H 'Content-Type: application/yaml' --data-binary "@$scenario" \
        "$BASE/api/v1/evaluate${QUERY:+?$QUERY}")
    echo "  answer: $(echo "$response" | grep -o '"summary":{[^}]*}') ($(echo -n "$response" | wc -c) bytes of JSON)"
    send "$scenario" "$WARMUP" >/dev/null
    send "$scenario" "$REQUESTS" | summarize
done
echo
heap_after_gc "after all requests"
