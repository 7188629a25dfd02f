#!/usr/bin/env bash
# What each attack of the hardening suite costs a running server, and whether a classroom request is
# still answered quickly while four attacks keep running.
#
#   bench/attacks.sh            env: JAR, JAVA_OPTS, ROUNDS=5 (each attack sent ROUNDS times; the best is kept)
#
# For each attack: the status, curl's time_total, the answer's size, and what the request allocated
# on the server (the access log's MiB column: bytes allocated on the thread that handled it).
# Then four attackers loop for 15 s while one client sends the classroom scenario 50 times, one
# after another; its latency is printed as p50/p90/max.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

export PLAYGROUND_REMEMBER_MIB=0 PLAYGROUND_WARM_UP_SECONDS=${PLAYGROUND_WARM_UP_SECONDS:-20}
ROUNDS=${ROUNDS:-5}

machine
trap stop_server EXIT
start_server
INPUTS=$WORKDIR/inputs
mkdir -p "$INPUTS"

python3 - "$INPUTS" <<'PY'
import sys, urllib.parse, zlib, base64
out = sys.argv[1]
def bomb(levels, leaf):
    text = "a0: &a0 [%s]\n" % leaf
    for level in range(1, levels + 1):
        text += "a%d: &a%d [%s]\n" % (level, level, ", ".join("*a%d" % (level - 1) for _ in range(10)))
    return text
def write(name, text):
    open("%s/%s" % (out, name), "w").write(text)
write("alias-bomb.yaml", bomb(10, "x"))
write("warning-flood.yaml", bomb(4, ", ".join(["yes"] * 8)))
write("scalar-alias.yaml", "v: &v " + "1" * 200000 + "\nl: [" + "*v, " * 5000 + "]\n")
write("huge-number.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: " + "9" * 1900000 + "}\n")
write("empty-documents.yaml", "{}\n---\n" * 200000)
write("long-comment.yaml", "# " + "c" * (2 * 1024 * 1024 - 200) + "\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n")
pods = "".join("---\napiVersion: v1\nkind: Pod\nmetadata: {name: p%d}\n" % i for i in range(7000))
write("pods-7000.yaml", pods)
write("export-300.form", "scenario=" + urllib.parse.quote("".join(
    "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p%d}\n" % i for i in range(300))))
deflated = zlib.compressobj(9, zlib.DEFLATED, -15)
raw = deflated.compress(bomb(10, "x").encode()) + deflated.flush()
write("bomb-link.txt", base64.urlsafe_b64encode(raw).decode().rstrip("="))
write("brief.form", "scenario=" + urllib.parse.quote("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n")
      + "&title=deep&brief=" + urllib.parse.quote(">" * 50000))
PY
cp "$BENCH_DIR/classroom.yaml" "$INPUTS/classroom.yaml"

# name  method  path  content-type  body-file ('' for none)
ATTACKS=$(cat <<EOF
alias-bomb            POST /api/v1/evaluate                 application/yaml  alias-bomb.yaml
alias-bomb-link       GET  /?z=$(cat "$INPUTS/bomb-link.txt") -                 -
warning-flood         POST /api/v1/evaluate                 application/yaml  warning-flood.yaml
scalar-alias          POST /api/v1/evaluate                 application/yaml  scalar-alias.yaml
huge-number           POST /api/v1/evaluate                 application/yaml  huge-number.yaml
empty-documents       POST /api/v1/evaluate                 application/yaml  empty-documents.yaml
long-comment-line     POST /api/v1/evaluate                 application/yaml  long-comment.yaml
compact-7000-pods     POST /api/v1/evaluate?format=compact&probes=80 application/yaml pods-7000.yaml
export-json-300-pods  POST /export/json                     application/x-www-form-urlencoded export-300.form
nested-brief          POST /make-exercise/create            application/x-www-form-urlencoded brief.form
bogus-charset         POST /api/v1/evaluate                 text/plain;charset=x-bogus classroom.yaml
trailing-slash-share  POST /api/v1/scenarios/               application/yaml  classroom.yaml
EOF
)

# Sends one request; prints "status seconds bytes".
send() {
    local method=$1 path=$2 type=$3 body=$4
    local args=(-s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' -X "$method")
    [ "$type" != "-" ] && args+=(-H "Content-Type: $type")
    [ "$body" != "-" ] && args+=(--data-binary "@$INPUTS/$body")
    curl "${args[@]}" "$BASE$path"
}

# The MiB column of the access log's newest line for this method and path (written asynchronously).
allocated() {
    local method=$1 path=${2%%\?*}
    sleep 0.3
    grep -F " $method $path " "$WORKDIR/server.log" | tail -1 | awk '{ print $NF }'
}

printf '%-22s %6s %10s %12s %12s\n' attack status "best s" "answer B" "allocated"
while read -r name method path type body; do
    best=
    for _ in $(seq 1 "$ROUNDS"); do
        read -r status seconds bytes < <(send "$method" "$path" "$type" "$body")
        if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$seconds
        fi
    done
    printf '%-22s %6s %10s %12s %12s\n' "$name" "$status" "$best" "$bytes" "$(allocated "$method" "$path")"
done <<< "$ATTACKS"

echo
echo "classroom scenario, one request at a time, while four attacks loop:"
stop_attacks=$WORKDIR/stop
attack_loop() {
    local body=$1
    while [ ! -f "$stop_attacks" ]; do
        curl -s -o /dev/null -X POST -H 'Content-Type: application/yaml' --data-binary "@$INPUTS/$body" \
            "$BASE/api/v1/evaluate" || true
    done
}
for body in alias-bomb.yaml scalar-alias.yaml warning-flood.yaml long-comment.yaml; do
    attack_loop "$body" &
done
sleep 2
for _ in $(seq 1 50); do
    curl -s -o /dev/null -w '%{time_total}\n' -X POST -H 'Content-Type: application/yaml' \
        --data-binary "@$INPUTS/classroom.yaml" "$BASE/api/v1/evaluate"
done | sort -n | awk '{ t[NR] = $1 } END { printf "p50 %.1f ms  p90 %.1f ms  max %.1f ms  (%d requests)\n",
    1000 * t[int(NR * 0.5)], 1000 * t[int(NR * 0.9)], 1000 * t[NR], NR }'
touch "$stop_attacks"
wait
