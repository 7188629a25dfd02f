# Shared by bench/latency.sh and bench/load.sh (source it; not run on its own).
#
# start_server: copies the jar to a private directory (a concurrent `mvn package` cannot pull it
# away), starts `serve` on a free 127.0.0.1 port with a throw-away H2 database, waits for /readyz.
# Sets BASE, SERVER_PID, WORKDIR. stop_server undoes it; callers `trap stop_server EXIT`.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR=${JAR:-$REPO_DIR/target/netpol-playground.jar}
JAVA_OPTS=${JAVA_OPTS:-}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if [ -z "$(ss -Hltn "sport = :$port")" ]; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

start_server() {
    [ -f "$JAR" ] || { echo "no jar at $JAR; run: mvn -B -q -DskipTests package" >&2; exit 2; }
    WORKDIR=$(mktemp -d /tmp/netpol-bench.XXXXXX)
    cp "$JAR" "$WORKDIR/netpol-playground.jar"
    PORT=$(free_port)
    BASE="http://127.0.0.1:$PORT"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
    java $JAVA_OPTS -jar "$WORKDIR/netpol-playground.jar" serve --port "$PORT" \
        --db-url "jdbc:h2:$WORKDIR/db" >"$WORKDIR/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null "$BASE/readyz" 2>/dev/null; then
            echo "server pid $SERVER_PID on $BASE (log $WORKDIR/server.log, JAVA_OPTS='$JAVA_OPTS')"
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.5
    done
    echo "server did not become ready; log:" >&2
    tail -n 30 "$WORKDIR/server.log" >&2
    exit 1
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
    if [ -n "${WORKDIR:-}" ] && [ -z "${KEEP_WORKDIR:-}" ]; then
        rm -rf "$WORKDIR"
    fi
}

# Heap in use right after a full GC, from jcmd and from the server's own /metrics.
heap_after_gc() {
    local label=$1 info used metric
    jcmd "$SERVER_PID" GC.run >/dev/null
    sleep 1
    info=$(jcmd "$SERVER_PID" GC.heap_info | awk '/heap +total/ && !n { print; n = 1 }')
    used=$(echo "$info" | sed -E 's/.*used ([0-9]+K).*/\1/')
    curl -fsS -o "$WORKDIR/metrics.txt" "$BASE/metrics"
    metric=$(awk '/^jvm_memory_used_bytes\{area="heap"\}/ {printf "%.1f MiB", $2 / 1048576}' "$WORKDIR/metrics.txt")
    printf 'heap after full GC %-22s jcmd used=%s (%s)  /metrics heap=%s\n' "[$label]" "$used" \
        "$(echo "$info" | sed -E 's/^ *//')" "$metric"
}

# CPU seconds (user + system) the server process has used so far.
server_cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$SERVER_PID/stat"
}

# CPU seconds the whole machine has been busy (all cores; user, nice, system, irq, softirq, steal).
machine_busy_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}

# Installs wrk from Debian when the machine lacks it.
need_wrk() {
    if ! command -v wrk >/dev/null; then
        echo "installing wrk from Debian"
        apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
    fi
}

# The two endpoints under load, by name: their path, and whether the body goes form-encoded (1) or as YAML (0).
path_of() { case $1 in api) echo /api/v1/evaluate ;; fragment) echo /fragments/evaluate ;; esac; }
form_of() { case $1 in api) echo 0 ;; fragment) echo 1 ;; esac; }

# cpu_mark notes the machine's and the server's CPU so far; others_since_mark prints the CPU seconds
# used since then by everything but the server (wrk included).
cpu_mark() {
    MARK_BUSY=$(machine_busy_seconds)
    MARK_SERVER=$(server_cpu_seconds)
}
others_since_mark() {
    awk -v b0="$MARK_BUSY" -v b1="$(machine_busy_seconds)" -v s0="$MARK_SERVER" -v s1="$(server_cpu_seconds)" \
        'BEGIN { printf "%.1f", (b1 - b0) - (s1 - s0) }'
}

machine() {
    echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2 " RAM"}'), $(uname -sr)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "repo HEAD: $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo '?');" \
        "jar: $JAR, built $(date -r "$JAR" '+%Y-%m-%d %H:%M' 2>/dev/null || echo '?')"
}
