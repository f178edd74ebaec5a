#!/usr/bin/env bash
# bench/explore.sh — the explorer page in headless Chromium (BENCHMARKS.md, "Explorer"):
# time to the first drawn neighbourhood and frame times while panning and zooming, at about
# 200 and 2,000 nodes, on generated data (factgraph gen).
#
# A dedicated local Neo4j (data in $EXPLORE_DIR, never the dev, test or other benchmark
# instances) is started and loaded with `factgraph gen --facts $FACTS --seed 1` (skipped
# when that file is already loaded: a marker file names it); `factgraph serve` starts on
# loopback; bench/explorebench opens each view in fresh tabs of Debian's Chromium (no GPU,
# no network beyond 127.0.0.1) and prints a table. Everything it started is stopped on exit.
#
# The views: "200" opens country:C0001 with 200 nodes; "2000" opens it with 1,000 nodes
# and expands country:C0002 and country:C0003 (1,000 each; one neighbourhood is at most
# 1,000 nodes), as a shared URL would restore it.
#
# Environment (defaults in brackets):
#   FACTS [40000]  size of the generated file (4,000 entities, 25,200 relations, 10,000 events)
#   RUNS [3]       tabs per view; FRAMES [240] frames per pan and per zoom
#   EXPLORE_NEO4J_PORT [7692], EXPLORE_NEO4J_PASSWORD, FG_PORT [18090]; Neo4j heap and page cache 1g
#   EXPLORE_DIR [<repo>/.neo4j-explorebench], BENCH_DIR [/tmp/factgraph-bench]
#   QUERY_TIMEOUT [120s]  the server's FACTGRAPH_QUERY_TIMEOUT (a loaded machine is slow, not broken)
#   BENCH_LOCK [/tmp/factgraph-bench.lock]  one benchmark at a time on this machine (flock)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

dir=${BENCH_DIR:-/tmp/factgraph-bench}
facts=${FACTS:-40000}
fg_port=${FG_PORT:-18090}
mkdir -p "$dir"
exec 9>"${BENCH_LOCK:-/tmp/factgraph-bench.lock}"
flock -n 9 || { echo "bench: waiting for another benchmark (${BENCH_LOCK:-/tmp/factgraph-bench.lock})" >&2; flock 9; }

port=${EXPLORE_NEO4J_PORT:-7692}
export NEO4J_BOLT_PORT=$port NEO4J_PASSWORD=${EXPLORE_NEO4J_PASSWORD:-factgraph-explorebench} NEO4J_HEAP=1g NEO4J_PAGECACHE=1g
export NEO4J_URI=bolt://127.0.0.1:$port
export NEO4J_LOCAL_DIR=${EXPLORE_DIR:-$repo/.neo4j-explorebench}

make -s build
go build -o bin/explorebench ./bench/explorebench
chromium=$(scripts/chromium)

fg_pid= started=
cleanup() {
  [ -n "$fg_pid" ] && kill "$fg_pid" 2>/dev/null && wait "$fg_pid" 2>/dev/null || true
  [ -n "$started" ] && scripts/neo4j stop >/dev/null 2>&1 || true
  fg_pid= started=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

file=$dir/explore-facts-$facts.ndjson
[ -f "$file" ] || bin/factgraph gen --facts "$facts" --seed 1 "$file"
marker=$NEO4J_LOCAL_DIR/loaded
want="$file $(stat -c %s "$file")"
started=1
if [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
  echo "bench: loading $file into a fresh Neo4j ($NEO4J_LOCAL_DIR)" >&2
  scripts/neo4j reset >/dev/null 2>&1 || true
  scripts/neo4j start 9>&-  # the server must not hold the benchmark lock
  bin/factgraph load --progress none "$file" >&2
  echo "$want" >"$marker"
else
  echo "bench: $file already loaded in $NEO4J_LOCAL_DIR" >&2
  scripts/neo4j start 9>&-  # the server must not hold the benchmark lock
fi

# A saturated machine must not turn slow answers into errors: the timeout is generous.
FACTGRAPH_ADDR=127.0.0.1:$fg_port FACTGRAPH_QUERY_TIMEOUT=${QUERY_TIMEOUT:-120s} FACTGRAPH_LOG=json bin/factgraph serve >"$dir/explore-serve.log" 2>&1 &
fg_pid=$!
for ((i = 0; i < 600; i++)); do
  curl -s -o /dev/null "http://127.0.0.1:$fg_port/readyz" && break
  sleep 0.1
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
bin/explorebench -url "http://127.0.0.1:$fg_port" -chromium "$chromium" -runs "${RUNS:-3}" -frames "${FRAMES:-240}" \
  '200=e=country:C0001&l=200' \
  '2000=e=country:C0001&l=1000&x=country:C0002~country:C0003' | tee "$dir/explore.md"
