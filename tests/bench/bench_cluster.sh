#!/bin/sh
# bench_cluster.sh: paperext on a 3-node dqlite cluster against a local
# file, side by side in one run (make bench; BENCH_ONLY=cluster).
#
# Three paperext-node processes on loopback (tests/clients/lib/nodes.sh,
# state under $TMPDIR, the disk of the local file too; --latency-ms 2000,
# CLUSTER_LATENCY_MS=N to change).  Imports of 10,000 and 100,000 generated
# .bib entries (tests/bench/gen_bib.py, fixed seed; about 5% are papers seen
# before, which the import merges), each one transaction: locally in one
# statement, on the cluster in pieces of 2,000 entries (and the 10,000 in one
# statement too); the venue aggregate over them; then per-entry statements,
# autocommit and in one transaction, to show what a Raft commit costs.  The figures: tests/bench/bench_cluster.py.
cd "$(dirname "$0")/../.." || exit 2
B=build/bench/cluster
mkdir -p "$B"
for n in 10000 100000; do
  if [ ! -f "$B/bench_$n.bib" ] || [ tests/bench/gen_bib.py -nt "$B/bench_$n.bib" ]; then
    echo "bench: generating $B/bench_$n.bib"
    /usr/bin/python3 tests/bench/gen_bib.py "$n" "$B/bench_$n.bib.tmp" && mv "$B/bench_$n.bib.tmp" "$B/bench_$n.bib" || exit 1
  fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperext-bench-cluster.XXXXXX")
. tests/clients/lib/nodes.sh
. tests/clients/lib/reference.sh
# dqlite 1.11 runs a statement on the leader's event loop: no heartbeats
# while it runs, and one that outlasts the election timeout (15 x latency)
# fails (cluster/README.md).  30 s covers the 10,000 entries in one
# statement (a few seconds) on a loaded machine; the 100,000 (minutes) are
# imported in pieces.
LATENCY_MS=${CLUSTER_LATENCY_MS:-2000}
trap 'stop_all; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
for b in "$NODE" "$SQL" ./paperext.so; do [ -f "$b" ] || { echo "bench cluster: $b missing (make cluster)"; exit 1; }; done
start_cluster || { tail -n 5 "$tmp"/n*.log; exit 1; }
IMPORT_SQL=$(import_sql) LATENCY_MS=$LATENCY_MS /usr/bin/python3 tests/bench/bench_cluster.py "$SQL" "$ALL" "$tmp" \
  "$B/bench_10000.bib" "$B/bench_100000.bib"
rc=$?
# dqlite 1.11 keeps each database in memory on every node
echo
echo "memory of the nodes at the end (every database above on each): $(for e in $PIDS; do
  printf 'node %s %s MB  ' "${e%%:*}" $(( $(ps -o rss= -p "${e#*:}") / 1024 )); done)"
exit $rc
