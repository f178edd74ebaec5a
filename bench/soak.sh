#!/usr/bin/env bash
# bench/soak.sh — factgraph serve under the dashboard mix and a concurrent writer for
# DURATION, with its Neo4j killed (SIGKILL) and started again RESTARTS times, evenly
# spaced (BENCHMARKS.md, "Soak"). Reports the time to UNAVAILABLE after each kill, the
# time to the first good answer after Neo4j is ready again, errors outside the outages
# (there must be none), acknowledged writes against stored ones (they must be equal) and
# factgraph's RSS at start, before each kill and at the end. Exit 1 if a check fails.
#
# Everything runs on a private Neo4j (port 7722, data in $SOAK_DIR/neo4j, the sample
# loaded) and a private factgraph (port 18121); both are stopped on exit.
#
# Environment (defaults in brackets):
#   DURATION [10m]  RESTARTS [2]  CONC [4] dashboard clients  PACE [0] pause between a
#                   client's requests (e.g. 20ms: a light run)
#   SOAK_DIR [/tmp/factgraph-soak]  SOAK_NEO4J_PORT [7722]  SOAK_PORT [18121]
#   NEO4J_START_TIMEOUT [300] seconds to wait for Neo4j to start (a loaded machine is slow)
#   BENCH_LOCK [/tmp/factgraph-bench.lock]  one benchmark at a time on this machine (flock);
#                   SOAK_LOCK=0 skips it, for a light run (PACE) that cannot disturb one
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

duration=${DURATION:-10m}
restarts=${RESTARTS:-2}
conc=${CONC:-4}
dir=${SOAK_DIR:-/tmp/factgraph-soak}
nport=${SOAK_NEO4J_PORT:-7722}
port=${SOAK_PORT:-18121}
password=factgraph-test
token=soak-token

if [[ "${SOAK_LOCK:-1}" != 0 ]]; then
	exec 9>"${BENCH_LOCK:-/tmp/factgraph-bench.lock}"
	flock -n 9 || { echo "soak: waiting for another benchmark (${BENCH_LOCK:-/tmp/factgraph-bench.lock})" >&2; flock 9; }
fi

mkdir -p "$dir"
neo() { NEO4J_START_TIMEOUT=${NEO4J_START_TIMEOUT:-300} NEO4J_BOLT_PORT=$nport NEO4J_LOCAL_DIR="$dir/neo4j" NEO4J_PASSWORD=$password NEO4J_HEAP=1g NEO4J_PAGECACHE=512m scripts/neo4j "$@"; }
fgpid=""
cleanup() {
	[[ -n "$fgpid" ]] && kill "$fgpid" 2>/dev/null && wait "$fgpid" 2>/dev/null || true
	neo stop || true
}
trap cleanup EXIT

go build -o "$dir/factgraph" ./cmd/factgraph
go build -o "$dir/soak" ./bench/soak
neo start
export NEO4J_URI=bolt://127.0.0.1:$nport NEO4J_PASSWORD=$password
"$dir/factgraph" load data/sample.json >/dev/null
FACTGRAPH_TOKEN=$token FACTGRAPH_ADDR=127.0.0.1:$port "$dir/factgraph" serve >"$dir/serve.log" 2>&1 &
fgpid=$!
for _ in $(seq 100); do
	curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
	sleep 0.1
done

start_cmd="NEO4J_START_TIMEOUT=${NEO4J_START_TIMEOUT:-300} NEO4J_BOLT_PORT=$nport NEO4J_LOCAL_DIR='$dir/neo4j' NEO4J_PASSWORD=$password NEO4J_HEAP=1g NEO4J_PAGECACHE=512m scripts/neo4j start"
"$dir/soak" -url "http://127.0.0.1:$port/graphql" -token "$token" -neo4j-uri "bolt://127.0.0.1:$nport" \
	-neo4j-password "$password" -pidfile "$dir/neo4j/run/neo4j.pid" -start "$start_cmd" \
	-duration "$duration" -restarts "$restarts" -conc "$conc" -pace "${PACE:-0}" -factgraph-pid "$fgpid" | tee "$dir/soak.txt"
echo "soak: breaker transitions logged by factgraph:" >&2
grep -c '"neo4j circuit breaker"' "$dir/serve.log" >&2 || true
