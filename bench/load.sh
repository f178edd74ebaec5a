#!/usr/bin/env bash
# bench/load.sh [FACTS] — the loader's benchmark, side by side with its floor, in one run.
#
# 1. factgraph gen writes FACTS synthetic facts (default 1,000,000; NDJSON, seed 1), cached.
# 2. A dedicated local Neo4j (port 7690, data in .neo4j-bench, wiped first) gets:
#    cold load: factgraph load of the file into the empty database;
#    re-load:   the same file again (every record is already there);
#    incremental: ~100,000 new records (INCR facts of seed 2, entities dropped, new article
#               and event ids) into the loaded graph;
#    each timed, with the loader's peak memory (max RSS from /usr/bin/time).
# 3. The floor: the same file through neo4j-admin database import (bench/importfloor/run.sh).
# Prints a table with facts/s and the ratios. Environment: BATCH [5000], PARALLEL [1],
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
[ -f "$file" ] || bin/factgraph gen --facts "$facts" --seed 1 "$file"

export NEO4J_BOLT_PORT=7690 NEO4J_LOCAL_DIR=$repo/.neo4j-bench NEO4J_PASSWORD=factgraph-bench
export NEO4J_HEAP=${BENCH_HEAP:-4g} NEO4J_PAGECACHE=${BENCH_PAGECACHE:-4g}
scripts/neo4j reset >/dev/null 2>&1 || true
scripts/neo4j start
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
scripts/neo4j stop >/dev/null

echo "bench: floor (neo4j-admin database import)" >&2
floor=$(bench/importfloor/run.sh "$file" | tail -n 1)
floor_rate=$(sed -E 's/.*records_per_s=([0-9.]+).*/\1/' <<<"$floor")
floor_s=$(awk -v n="$facts" -v r="$floor_rate" 'BEGIN { printf "%.1f", n / r }')

printf '\n%-34s %10s %12s %10s\n' "run ($facts facts)" "seconds" "facts/s" "peak MB"
printf '%-34s %10s %12s %10s\n' "factgraph load, cold" "$cold_s" "$cold_rate" "$cold_mb"
printf '%-34s %10s %12s %10s\n' "factgraph load, re-load" "$re_s" "$re_rate" "$re_mb"
printf '%-34s %10s %12s %10s\n' "factgraph load, incremental" "$in_s" "$in_rate" "$in_mb"
printf '%-34s %10s %12s %10s\n' "neo4j-admin import (floor)" "$floor_s" "$floor_rate" "-"
awk -v c="$cold_rate" -v r="$re_rate" -v f="$floor_rate" 'BEGIN {
  printf "\nre-load / cold: %.2fx    floor / cold: %.2fx\n", r / c, f / c }'
echo "cold: created $c_created updated $c_updated unchanged $c_unchanged; re-load: unchanged $r_unchanged of $facts"
echo "incremental: $incr_records records into the $facts-fact graph: created $i_created updated $i_updated unchanged $i_unchanged"
echo "floor: $floor"
