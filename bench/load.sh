#!/usr/bin/env bash
# bench/load.sh [FACTS] — the loader's benchmark, side by side with its floor, in one run.
#
# 1. factgraph gen writes FACTS synthetic facts (default 1,000,000; NDJSON, seed 1), cached.
# 2. A dedicated local Neo4j (port 7690, data in .neo4j-bench, wiped first) gets:
#    cold load: factgraph load of the file into the empty database;
#    re-load:   the same file again (every record is already there);
#    incremental: ~100,000 new records (INCR facts of seed 2, entities dropped, new article
#               and event ids) into the loaded graph;
#    each timed, with the loader's peak memory (max RSS from /usr/bin/time);
#    then the online floor (bench/loadfloor) into the wiped server: the least Cypher that
#    builds the same graph, every edge's records grouped in memory, nothing checked.
# 3. The initial import (factgraph import) into another wiped local server directory
#    (.neo4j-bench-import), end to end: validation and CSV, neo4j-admin, lists, schema and
#    indexes online; then neo4j-admin database import alone on the same CSV (the floor).
# Prints a table with facts/s and the ratios. STEPS [load import]: which parts run.
# Environment: BATCH [5000], PARALLEL [1], FLOOR_BATCH [1000] (the online floor's rows per transaction),
# BENCH_HEAP [4g], BENCH_PAGECACHE [4g], BENCH_DIR [/tmp/factgraph-bench],
# BENCH_LOCK [/tmp/factgraph-bench.lock] (one benchmark at a time on this machine: flock).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

facts=${1:-1000000}
dir=${BENCH_DIR:-/tmp/factgraph-bench}
batch=${BATCH:-5000}
par=${PARALLEL:-1}
mkdir -p "$dir"
file=$dir/facts-$facts.ndjson
# Two benchmarks at once on one machine measure each other: wait for the other to finish.
exec 9>"${BENCH_LOCK:-/tmp/factgraph-bench.lock}"
flock -n 9 || { echo "bench: waiting for another benchmark (${BENCH_LOCK:-/tmp/factgraph-bench.lock})" >&2; flock 9; }

make -s build
go build -o bin/loadfloor ./bench/loadfloor
[ -f "$file" ] || bin/factgraph gen --facts "$facts" --seed 1 "$file"

export NEO4J_BOLT_PORT=7690 NEO4J_LOCAL_DIR=$repo/.neo4j-bench NEO4J_PASSWORD=factgraph-bench
export NEO4J_HEAP=${BENCH_HEAP:-4g} NEO4J_PAGECACHE=${BENCH_PAGECACHE:-4g}
trap 'scripts/neo4j stop >/dev/null 2>&1 || true' EXIT
export NEO4J_URI=bolt://127.0.0.1:7690

# load prints "seconds records_per_s max_rss_kb".
load() {
  /usr/bin/time -f "%M" -o "$dir/time.txt" bin/factgraph load --json --progress none \
    --batch-size "$batch" --parallel "$par" "$file" >"$dir/summary.json"
  python3 - "$dir/summary.json" "$dir/time.txt" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))[0]
rss = open(sys.argv[2]).read().split()[-1]
print(f"{s['seconds']:.1f} {s['recordsPerSecond']:.0f} {int(rss)//1024} {s['created']} {s['updated']} {s['unchanged']}")
PY
}

steps=${STEPS:-load import}
cold_s=- cold_rate=- cold_mb=- re_s=- re_rate=- re_mb=- c_created=- c_updated=- c_unchanged=- r_unchanged=-
in_s=- in_rate=- in_mb=- incr_records=- i_created=- i_updated=- i_unchanged=-
of_s=- of_rate=- of_mb=-
if [[ " $steps " == *" load "* ]]; then
  scripts/neo4j reset >/dev/null 2>&1 || true
  scripts/neo4j start 9>&-  # the server must not hold the benchmark lock
  echo "bench: cold load of $file ($facts facts, batch $batch, parallel $par)" >&2
  read -r cold_s cold_rate cold_mb c_created c_updated c_unchanged < <(load)
  echo "bench: re-load" >&2
  read -r re_s re_rate re_mb r_created r_updated r_unchanged < <(load)

  # --- loader block: incremental load (new facts into the loaded graph) ---
  # INCR [111112] facts of another seed, without their entity declarations (their relations
  # and events name entities of the loaded graph by id) and with article and event ids
  # renamed so that they are new: about 100,000 new records.
  incr=${INCR:-111112}
  incr_file=$dir/incr-$incr.ndjson
  if [ ! -f "$incr_file" ]; then
    bin/factgraph gen --facts "$incr" --seed 2 "$incr_file.tmp"
    grep -v '^{"entity"' "$incr_file.tmp" | sed -e 's/"article:a/"article:x/g' -e 's/"event:e/"event:x/g' >"$incr_file"
    rm -f "$incr_file.tmp"
  fi
  incr_records=$(wc -l <"$incr_file")
  echo "bench: incremental load of $incr_file ($incr_records new records)" >&2
  full_file=$file
  file=$incr_file
  read -r in_s in_rate in_mb i_created i_updated i_unchanged < <(load)
  file=$full_file
  # --- end of the loader block ---

  # The online floor: the least Cypher that builds the same graph (bench/loadfloor: every
  # edge's records grouped in memory first, plain CREATEs, no checks), into the same
  # server wiped again: no online loader can be much faster than this.
  scripts/neo4j stop >/dev/null
  scripts/neo4j reset >/dev/null 2>&1 || true
  scripts/neo4j start 9>&-
  echo "bench: the online floor (bench/loadfloor, batch ${FLOOR_BATCH:-1000})" >&2
  /usr/bin/time -f "%M" -o "$dir/loadfloor-time.txt" bin/loadfloor -batch "${FLOOR_BATCH:-1000}" "$file" >"$dir/loadfloor.txt"
  read -r _ of_s of_rate <"$dir/loadfloor.txt"
  of_mb=$(( $(cat "$dir/loadfloor-time.txt") / 1024 ))
  scripts/neo4j stop >/dev/null
fi
scripts/neo4j stop >/dev/null 2>&1 || true

# ---- the initial import (factgraph import) and its floor ---------------------------------
imp_s=- imp_rate=- imp_mb=- imp_conv=- imp_admin=- imp_schema=- floor_s=- floor_rate=- ratio=-
if [[ " $steps " == *" import "* ]]; then
  ihome=$repo/.neo4j-bench-import
  NEO4J_LOCAL_DIR=$ihome scripts/neo4j reset >/dev/null 2>&1 || true
  rm -rf "$dir/import-csv" "$dir/floor-home"
  echo "bench: factgraph import of $file into $ihome" >&2
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$dir/import-time.txt" bin/factgraph import --json --progress log \
    --neo4j-home "$ihome" --csv "$dir/import-csv" --server-heap "${BENCH_HEAP:-4g}" --server-pagecache "${BENCH_PAGECACHE:-4g}" \
    "$file" >"$dir/import.json" 2>"$dir/import.log" || { tail -n 30 "$dir/import.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  read -r imp_s imp_conv imp_admin imp_schema imp_conv_mb < <(python3 - "$dir/import.json" "$t0" "$t1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"{float(sys.argv[3]) - float(sys.argv[2]):.1f} {s['convertSeconds']:.1f} {s['importSeconds']:.1f} {s['schemaSeconds']:.1f} {s.get('converterPeakRSSMB', 0)}")
PY
)
  imp_mb=$(( $(cat "$dir/import-time.txt") / 1024 ))
  imp_rate=$(awk -v n="$facts" -v s="$imp_s" 'BEGIN { printf "%.0f", n / s }')

  # The floor: neo4j-admin database import alone on the same CSV, same JVM settings, into a
  # throwaway directory.
  echo "bench: neo4j-admin database import alone on the same CSV" >&2
  lib=${XDG_CACHE_HOME:-$HOME/.cache}/factgraph/neo4j-${NEO4J_VERSION:-5.26.30}/lib
  fh=$dir/floor-home
  mkdir -p "$fh/conf" "$fh/data" "$fh/logs"
  printf 'server.directories.data=%s\nserver.directories.logs=%s\n' "$fh/data" "$fh/logs" >"$fh/conf/neo4j.conf"
  mapfile -t iargs <"$dir/import-csv/import.args"
  t0=$(date +%s.%N)
  NEO4J_HOME=$fh NEO4J_CONF=$fh/conf /usr/bin/time -f "%M" -o "$dir/floor-time.txt" java -Xms1g -Xmx1g -Dfile.encoding=UTF-8 \
    -cp "$lib/*" org.neo4j.cli.AdminTool database import full "${iargs[@]}" --overwrite-destination=true \
    --max-off-heap-memory=2g --report-file="$dir/floor.report" neo4j >"$dir/floor.log" 2>&1 || { tail -n 30 "$dir/floor.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  floor_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  floor_rate=$(awk -v n="$facts" -v s="$floor_s" 'BEGIN { printf "%.0f", n / s }')
  floor_mb=$(( $(cat "$dir/floor-time.txt") / 1024 ))
  ratio=$(awk -v a="$imp_s" -v b="$floor_s" 'BEGIN { printf "%.2f", a / b }')
  rm -rf "$fh" "$dir/import-csv"
fi

printf '\n%-40s %10s %12s %10s\n' "run ($facts facts)" "seconds" "facts/s" "peak MB"
printf '%-40s %10s %12s %10s\n' "factgraph load, cold" "$cold_s" "$cold_rate" "$cold_mb"
printf '%-40s %10s %12s %10s\n' "factgraph load, re-load" "$re_s" "$re_rate" "$re_mb"
printf '%-40s %10s %12s %10s\n' "factgraph load, incremental" "$in_s" "$in_rate" "$in_mb"
printf '%-40s %10s %12s %10s\n' "online floor, cold (bench/loadfloor)" "$of_s" "$of_rate" "$of_mb"
printf '%-40s %10s %12s %10s\n' "factgraph import, end to end" "$imp_s" "$imp_rate" "$imp_mb"
printf '%-40s %10s %12s %10s\n' "  convert (validate, group, CSV)" "$imp_conv" "-" "${imp_conv_mb:--}"
printf '%-40s %10s %12s %10s\n' "  neo4j-admin import" "$imp_admin" "-" "-"
printf '%-40s %10s %12s %10s\n' "  lists, schema, indexes online" "$imp_schema" "-" "-"
printf '%-40s %10s %12s %10s\n' "neo4j-admin import alone (floor)" "$floor_s" "$floor_rate" "${floor_mb:--}"
echo
[ "$cold_rate" = - ] || echo "cold: created $c_created updated $c_updated unchanged $c_unchanged; re-load: unchanged $r_unchanged of $facts"
[ "$in_rate" = - ] || echo "incremental: $incr_records records into the $facts-fact graph: created $i_created updated $i_updated unchanged $i_unchanged"
[ "$of_rate" = - ] || [ "$cold_rate" = - ] || awk -v c="$cold_rate" -v f="$of_rate" 'BEGIN {
  printf "online floor / cold load: %.2fx (the floor holds every edge in memory and checks nothing)\n", f / c }'
[ "$ratio" = - ] || echo "import end to end / neo4j-admin alone: ${ratio}x (target at most 1.3x)"
[ "$cold_rate" = - ] || [ "$imp_rate" = - ] || awk -v c="$cold_rate" -v r="$re_rate" -v f="$imp_rate" 'BEGIN {
  printf "re-load / cold: %.2fx    import / cold: %.2fx\n", r / c, f / c }'
