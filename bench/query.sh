#!/usr/bin/env bash
# bench/query.sh [SIZE ...] — the query benchmark (BENCHMARKS.md): factgraph's GraphQL API,
# the floor (the same Cypher through the Go driver) and the peer (@neo4j/graphql 7 on
# Apollo Server, bench/peer/), measured in turns within one run over the same Neo4j.
#
# SIZE: 1m (factgraph gen --facts 1140000 --seed 1: 114,000 entities, 718,200 relations and
# 285,000 events, i.e. about 1,000,000 relations and events) or sample (data/sample.json).
# Default: 1m sample.
#
# For each size: a dedicated local Neo4j (port 7691, data in $QBENCH_DIR/SIZE, so never the
# dev, test or load-bench instance) is started and loaded (the load is skipped when the same
# file is already loaded: a marker file names it); factgraph serve and the peer start on
# loopback; bench/querybench draws the parameters from the data, checks that the three
# answer the same (exit 1 if not), and prints the tables. Everything it started is stopped
# on exit. Results are also written to $BENCH_DIR/query-SIZE.md.
#
# Environment (defaults in brackets):
#   QUICK=1          a quick run: DURATION 3s, REQUESTS 3000, WARMUP 20, PARAMS 30
#   DURATION [10s]   longest measurement of one (system, workload, concurrency)
#   REQUESTS [20000] most requests of one measurement
#   WARMUP [50]      requests before each measurement, not counted
#   PARAMS [100]     parameter sets per workload, all checked for equal answers
#   CONC [1,8,32]    concurrencies
#   WORKLOADS        comma-separated workload names (default all)
#   MEMORY           e.g. 10m: after the tables (1m only), the dashboard mix against
#                    factgraph for that long, with factgraph's RSS at start and end
#   LAYERS           after the tables: these workloads (comma-separated: entity card,
#                    2-hop neighbourhood, timeline, full-text search) through each layer of factgraph
#                    (driver, graph.DB, the handler in process, serve over loopback)
#   TABLES=0         skip the tables (e.g. LAYERS=1 TABLES=0 for the layers alone)
#   PROFILE=1        factgraph serves pprof on 127.0.0.1:16060 (FACTGRAPH_PPROF_ADDR) and a
#                    30 s CPU profile of the dashboard mix is saved to $BENCH_DIR/cpu-SIZE.prof
#   LOADER [import]  how a fresh instance is filled: import (factgraph import, offline) or
#                    load (factgraph load, online); both build the same graph (importer tests)
#   BENCH_HEAP [4g], BENCH_PAGECACHE [4g], BENCH_DIR [/tmp/factgraph-bench]
#   FG_PORT [18080], PEER_PORT [14000]
#   QBENCH_DIR [<repo>/.neo4j-qbench]  where the loaded Neo4j instances live (one per size);
#                    several checkouts can share one (runs are serialised by BENCH_LOCK)
#   BENCH_LOCK [/tmp/factgraph-bench.lock]  one benchmark at a time on this machine (flock)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

sizes=${*:-1m sample}
dir=${BENCH_DIR:-/tmp/factgraph-bench}
qdir=${QBENCH_DIR:-$repo/.neo4j-qbench}
# Two benchmarks at once on one machine measure each other: wait for the other to finish.
exec 9>"${BENCH_LOCK:-/tmp/factgraph-bench.lock}"
flock -n 9 || { echo "bench: waiting for another benchmark (${BENCH_LOCK:-/tmp/factgraph-bench.lock})" >&2; flock 9; }
if [ "${QUICK:-}" = 1 ]; then
  : "${DURATION:=3s}" "${REQUESTS:=3000}" "${WARMUP:=20}" "${PARAMS:=30}"
fi
duration=${DURATION:-10s} requests=${REQUESTS:-20000} warmup=${WARMUP:-50} nparams=${PARAMS:-100}
conc=${CONC:-1,8,32}
fg_port=${FG_PORT:-18080} peer_port=${PEER_PORT:-14000}
mkdir -p "$dir"

export NEO4J_BOLT_PORT=7691 NEO4J_PASSWORD=factgraph-qbench
export NEO4J_HEAP=${BENCH_HEAP:-4g} NEO4J_PAGECACHE=${BENCH_PAGECACHE:-4g}
export NEO4J_URI=bolt://127.0.0.1:7691

make -s build
go build -o bin/querybench ./bench/querybench
if [ ! -d bench/peer/node_modules ] || [ bench/peer/package-lock.json -nt bench/peer/node_modules ]; then
  (cd bench/peer && npm ci --no-audit --no-fund)
fi

fg_pid= peer_pid= neo4j_dir=
cleanup() {
  [ -n "$fg_pid" ] && kill "$fg_pid" 2>/dev/null && wait "$fg_pid" 2>/dev/null || true
  [ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null && wait "$peer_pid" 2>/dev/null || true
  [ -n "$neo4j_dir" ] && NEO4J_LOCAL_DIR=$neo4j_dir scripts/neo4j stop >/dev/null 2>&1 || true
  fg_pid= peer_pid= neo4j_dir=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_http URL SECONDS: until URL answers at all.
wait_http() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "bench: $1 did not answer within $2 s" >&2
  return 1
}

for size in $sizes; do
  case $size in
    1m) facts=1140000; file=$dir/facts-$facts.ndjson
        [ -f "$file" ] || bin/factgraph gen --facts "$facts" --seed 1 "$file" ;;
    sample) file=$repo/data/sample.json ;;
    *) echo "bench: unknown size $size (1m or sample)" >&2; exit 2 ;;
  esac
  neo4j_dir=$qdir/$size
  export NEO4J_LOCAL_DIR=$neo4j_dir
  marker=$neo4j_dir/loaded
  want="$file $(stat -c %s:%Y "$file")"
  if [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
    echo "bench: loading $file into a fresh Neo4j ($neo4j_dir)" >&2
    scripts/neo4j reset >/dev/null 2>&1 || true
    if [ "${LOADER:-import}" = import ]; then
      # The initial import (docs/import.md) builds the graph factgraph load builds, in minutes
      # instead of the better part of an hour at 1m.
      bin/factgraph import --progress log --neo4j-home "$neo4j_dir" --neo4j-password "$NEO4J_PASSWORD" \
        --server-heap "$NEO4J_HEAP" --server-pagecache "$NEO4J_PAGECACHE" \
        --server-start-timeout "${NEO4J_START_TIMEOUT:-900}s" "$file" >&2
      scripts/neo4j start 9>&-  # the server must not hold the benchmark lock
    else
      scripts/neo4j start 9>&-  # the server must not hold the benchmark lock
      bin/factgraph load --progress none "$file" >&2
    fi
    echo "$want" >"$marker"
  else
    echo "bench: $file already loaded in $neo4j_dir" >&2
    scripts/neo4j start 9>&-  # the server must not hold the benchmark lock
  fi

  pprof_env=()
  [ "${PROFILE:-}" = 1 ] && pprof_env=(FACTGRAPH_PPROF_ADDR=127.0.0.1:16060)
  env "${pprof_env[@]}" FACTGRAPH_ADDR=127.0.0.1:$fg_port FACTGRAPH_LOG=json \
    bin/factgraph serve >"$dir/serve-$size.log" 2>&1 &
  fg_pid=$!
  PEER_PORT=$peer_port node bench/peer/server.js >"$dir/peer-$size.log" 2>&1 &
  peer_pid=$!
  wait_http "http://127.0.0.1:$fg_port/healthz" 60
  wait_http "http://127.0.0.1:$peer_port/" 60

  args=(-factgraph "http://127.0.0.1:$fg_port/graphql" -peer "http://127.0.0.1:$peer_port/" -neo4j "$NEO4J_URI"
        -duration "$duration" -requests "$requests" -warmup "$warmup" -params "$nparams" -c "$conc")
  [ -n "${WORKLOADS:-}" ] && args+=(-workloads "$WORKLOADS")
  if [ "${PROFILE:-}" = 1 ]; then
    # The profile is taken while the mix runs at c=8 for 40 s (no table).
    bin/querybench "${args[@]}" -memory 40s -memory-c 8 -pid "$fg_pid" >/dev/null &
    qb=$!
    sleep 35
    curl -s -o "$dir/cpu-$size.prof" "http://127.0.0.1:16060/debug/pprof/profile?seconds=30"
    wait "$qb"
    echo "bench: CPU profile of factgraph serve: $dir/cpu-$size.prof (go tool pprof -top bin/factgraph $dir/cpu-$size.prof)" >&2
  fi
  stats=$(curl -s -H 'Content-Type: application/json' -d '{"query":"{ stats { entities events articles relations } }"}' "http://127.0.0.1:$fg_port/graphql")
  if [ "${TABLES:-1}" != 0 ]; then
    {
      echo "### $size: $(basename "$file")"
      echo
      echo "Graph: $stats"
      bin/querybench "${args[@]}" -title "$size ($(basename "$file"))"
    } | tee "$dir/query-$size.md"
  fi
  if [ -n "${LAYERS:-}" ]; then
    IFS=, read -ra lws <<<"$LAYERS"
    for lw in "${lws[@]}"; do
      bin/querybench "${args[@]}" -layers "$lw"
    done | tee "$dir/layers-$size.md"
  fi
  if [ -n "${MEMORY:-}" ] && [ "$size" = 1m ]; then
    bin/querybench "${args[@]}" -memory "$MEMORY" -pid "$fg_pid" | tee "$dir/memory-$size.txt"
  fi
  cleanup
done
