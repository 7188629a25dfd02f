#!/usr/bin/env bash
# Evaluator benchmark: the CLI's `bench` on synthetic clusters of three sizes, REPEAT fresh JVMs each.
#
#   bench/evaluator.sh
#   env: REPEAT=3, RUNS=5 (evaluations per JVM; bench prints each and the best), JAR, JAVA_OPTS
#
# Prints every bench output, then one table row per JVM: parse (best), first evaluation (cold JIT),
# best evaluation, cells, and the wall time and peak RSS of the whole JVM.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

REPEAT=${REPEAT:-3}
RUNS=${RUNS:-5}
[ -f "$JAR" ] || { echo "no jar at $JAR; run: mvn -B -q -DskipTests package" >&2; exit 2; }
copy=$(mktemp /tmp/netpol-bench-jar.XXXXXX)
trap 'rm -f "$copy"' EXIT
cp "$JAR" "$copy"

machine
rows=()
for size in "1000 100" "5000 600" "10000 1200"; do
    set -- $size
    for run in $(seq 1 "$REPEAT"); do
        echo
        echo "== --pods $1 --policies $2 (JVM $run of $REPEAT), load average $(cut -d' ' -f1-3 /proc/loadavg)"
        # shellcheck disable=SC2086
        out=$(/usr/bin/time -f 'wall=%e rss_kb=%M' java $JAVA_OPTS -jar "$copy" bench --pods "$1" --policies "$2" \
            --runs "$RUNS" 2>&1)
        echo "$out"
        rows+=("$(echo "$out" | awk -v pods="$1" -v pol="$2" '
            /^parse:/ { parse = $2 }
            /^run 1:/ { first = $4 }
            /^cells=/ { split($1, c, "="); split($2, m, "="); cells = c[2]; best = m[2] }
            /^wall=/  { split($1, w, "="); split($2, r, "="); wall = w[2]; rss = r[2] }
            END { printf "%6d %8d %12d %9s %9s %9s %12.0f %7s %8.0f\n", pods, pol, cells, parse, first, best,
                  cells / (best / 1000) / 1e6, wall, rss / 1024 }')")
    done
done

echo
echo "== summary (target: 100 M cells evaluated in <= 1000 ms)"
printf '%6s %8s %12s %9s %9s %9s %12s %7s %8s\n' pods policies cells parse_ms first_ms best_ms 'M cells/s' wall_s rss_MiB
printf '%s\n' "${rows[@]}"
