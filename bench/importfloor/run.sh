#!/usr/bin/env bash
# bench/importfloor/run.sh FILE — the floor under factgraph's loader: FILE (NDJSON or a JSON
# fact document) converted to CSV by bench/importfloor, then loaded OFFLINE by Neo4j's bulk
# importer (neo4j-admin database import full) into a fresh throwaway home, both timed.
#
# Prints one summary line:
#   import-floor records=N convert_s=X import_s=Y records_per_s=Z nodes=A rels=B tool_s=T null_lists=L
# import_s is the wall time of the importer JVM (start-up included); tool_s is the time the
# importer reports for itself. records_per_s = N / (convert_s + import_s): the whole offline
# path from the same fact file the loader reads. nodes and rels are the importer's counts.
# null_lists counts the list properties the CSV cannot express ([] and [""]; the importer
# reads them as null) which VERIFY=1 restores online (fixup_s).
#
# Environment (defaults in brackets):
#   THREADS        [nproc]   importer worker threads (--threads)
#   IMPORT_HEAP    [2g]      importer JVM heap; its big structures are off heap:
#   IMPORT_OFFHEAP [4g]      --max-off-heap-memory
#   JAVA_OPTS      []        more JVM options for the importer
#   KEEP=1                   keep the throwaway home (CSV, store, logs) and print its path
#   VERIFY=1                 then start a throwaway server on the imported store (Bolt on
#                            127.0.0.1, HTTP off, auth off), restore the null lists (fixup_s),
#                            print node counts by label and relationship counts by type, apply
#                            the loader's schema graph/migrations/*.cypher (schema_s), stop it
#   VERIFY_PORT    [7699]    first Bolt port tried; the next free one is used
#   DUMP=FILE                with VERIFY=1: write a sorted dump of the graph (after the fixups)
#   NEO4J_VERSION  [5.26.30] jars from scripts/neo4j install
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

say() { printf 'import-floor: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[ $# -eq 1 ] || { sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ -f "$1" ] || die "no such file: $1"
in=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

version=${NEO4J_VERSION:-5.26.30}
lib=${XDG_CACHE_HOME:-$HOME/.cache}/factgraph/neo4j-$version/lib
threads=${THREADS:-$(nproc)}
heap=${IMPORT_HEAP:-2g}
offheap=${IMPORT_OFFHEAP:-4g}

# Only installs the jars into the cache (if missing); it starts no server.
NEO4J_VERSION=$version "$repo/scripts/neo4j" install

work=$(mktemp -d "${TMPDIR:-/tmp}/importfloor.XXXXXX")
home=$work/home
server_pid=

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 120); do
    kill -0 "$server_pid" 2>/dev/null || { server_pid=; return 0; }
    sleep 0.5
  done
  say "server pid $server_pid did not stop in 60s; killing it"
  kill -9 "$server_pid" 2>/dev/null || true
  server_pid=
}

cleanup() {
  stop_server
  if [ "${KEEP:-}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# Build first, so that the conversion time does not include compiling.
(cd "$repo" && go build -o "$work/importfloor" ./bench/importfloor)

t0=$(now)
stats=$("$work/importfloor" -in "$in" -out "$work/csv") || die "conversion failed"
t1=$(now)
convert_s=$(secs "$t0" "$t1")
field() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
records=$(field records "$stats")
null_lists=$(field null_lists "$stats")

mkdir -p "$home/conf" "$home/data" "$home/logs" "$home/run" "$home/plugins" "$home/import"
cat >"$home/conf/neo4j.conf" <<CONF
server.directories.data=$home/data
server.directories.logs=$home/logs
server.directories.run=$home/run
server.directories.plugins=$home/plugins
server.directories.import=$home/import
dbms.usage_report.enabled=false
CONF
export NEO4J_HOME=$home NEO4J_CONF=$home/conf

mapfile -t args <"$work/csv/import.args"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
t0=$(now)
if ! java -Xms"$heap" -Xmx"$heap" ${JAVA_OPTS:-} -Dfile.encoding=UTF-8 -cp "$lib/*" org.neo4j.cli.AdminTool \
    database import full --overwrite-destination=true --threads="$threads" --max-off-heap-memory="$offheap" \
    --report-file="$work/import.report" "${args[@]}" neo4j >"$work/import.log" 2>&1; then
  tail -n 40 "$work/import.log" >&2
  [ -s "$work/import.report" ] && head -n 20 "$work/import.report" >&2
  KEEP=1
  die "neo4j-admin database import failed (log: $work/import.log)"
fi
t1=$(now)
import_s=$(secs "$t0" "$t1")

log=$(cat "$work/import.log")
nodes=$(sed -n 's/^ *\([0-9][0-9]*\) nodes$/\1/p' <<<"$log" | tail -n 1)
rels=$(sed -n 's/^ *\([0-9][0-9]*\) relationships$/\1/p' <<<"$log" | tail -n 1)
# "IMPORT DONE in 1m 2s 40ms." -> seconds
tool_s=$(sed -n 's/^IMPORT DONE in \(.*\)\. *$/\1/p' <<<"$log" | awk '{
  s = 0
  for (i = 1; i <= NF; i++) {
    v = $i + 0; u = $i; sub(/^[0-9.]+/, "", u)
    if (u == "h") s += v * 3600; else if (u == "m") s += v * 60; else if (u == "s") s += v; else if (u == "ms") s += v / 1000
  }
  printf "%.3f", s }')
rate=$(awk -v n="$records" -v a="$convert_s" -v b="$import_s" 'BEGIN { printf "%.0f", n / (a + b) }')

echo "import-floor records=$records convert_s=$convert_s import_s=$import_s records_per_s=$rate nodes=${nodes:-?} rels=${rels:-?} tool_s=${tool_s:-?} null_lists=$null_lists"

[ "${VERIFY:-}" = 1 ] || exit 0

bolt_up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=${VERIFY_PORT:-7699}
while [ "$port" = 7687 ] || [ "$port" = 7688 ] || bolt_up "$port"; do port=$((port + 1)); done

cat >>"$home/conf/neo4j.conf" <<CONF
server.default_listen_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$port
server.bolt.advertised_address=127.0.0.1:$port
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=false
server.memory.heap.initial_size=1g
server.memory.heap.max_size=1g
server.memory.pagecache.size=1g
CONF
say "starting a throwaway server on bolt://127.0.0.1:$port"
setsid java -Xms1g -Xmx1g -XX:+UseG1GC -Dfile.encoding=UTF-8 -Dlog4j2.disable.jmx=true -cp "$lib/*" \
  org.neo4j.server.CommunityEntryPoint --home-dir="$home" --config-dir="$home/conf" \
  >"$home/logs/console.log" 2>&1 </dev/null &
server_pid=$!
t0=$SECONDS
until bolt_up "$port" && grep -q 'INFO  Started\.' "$home/logs/neo4j.log" 2>/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    server_pid=
    tail -n 40 "$home/logs/console.log" >&2
    die "the server exited during start"
  fi
  [ $((SECONDS - t0)) -lt 120 ] || { tail -n 40 "$home/logs/console.log" >&2; die "not started within 120s"; }
  sleep 0.5
done

# -schema: the loader's migrations, as graph.Migrate applies them.
"$work/importfloor" -verify "bolt://127.0.0.1:$port" -fixup -schema
if [ -n "${DUMP:-}" ]; then
  "$work/importfloor" -dump "bolt://127.0.0.1:$port" >"$DUMP"
  say "dump written to $DUMP"
fi
stop_server
