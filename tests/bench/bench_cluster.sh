#!/bin/sh
# bench_cluster.sh: paperext on a 3-node dqlite cluster against a local
# file, side by side in one run (make bench; BENCH_ONLY=cluster).
#
# Three paperext-node processes on loopback (tests/clients/lib/nodes.sh,
# state under $TMPDIR, the disk of the local file too; --latency-ms 2000,
# CLUSTER_LATENCY_MS=N to change).  Imports of 10,000
# and 100,000 generated .bib entries (tests/bench/gen_bib.py, fixed seed;
# about 5% are papers seen before, which the import merges), the whole file
# in one statement, one transaction; the venue aggregate over them; then
# per-entry statements, autocommit and in one transaction, to show what a
# Raft commit costs.  The figures: tests/bench/bench_cluster.py.
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
# while it runs.  The 100,000-entry import is one statement of ~20 s here,
# so the election timeout (15 x latency) must be above that, or the
# followers elect another leader mid-import and it fails (cluster/README.md).
LATENCY_MS=${CLUSTER_LATENCY_MS:-2000}
trap 'stop_all; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
for b in "$NODE" "$SQL" ./paperext.so; do [ -f "$b" ] || { echo "bench cluster: $b missing (make cluster)"; exit 1; }; done
start_cluster || { tail -n 5 "$tmp"/n*.log; exit 1; }
CHUNK_SQL=$(import_sql bibtex | sed 's/FROM bibtex_entries(?3) \(WHERE .*\)$/FROM temp.src, bibtex_entries(src.text) \1 LIMIT ?3 OFFSET ?2/')
case $CHUNK_SQL in *"OFFSET ?2"*) ;; *) echo "bench cluster: could not derive the chunked import"; exit 1 ;; esac
IMPORT_SQL=$(import_sql bibtex) CHUNK_SQL=$CHUNK_SQL LATENCY_MS=$LATENCY_MS /usr/bin/python3 tests/bench/bench_cluster.py "$SQL" "$ALL" "$tmp" \
  "$B/bench_10000.bib" "$B/bench_100000.bib"
rc=$?
# dqlite 1.11 keeps each database in memory on every node
echo
echo "memory of the nodes at the end (every database above on each): $(for e in $PIDS; do
  printf 'node %s %s MB  ' "${e%%:*}" $(( $(ps -o rss= -p "${e#*:}") / 1024 )); done)"
exit $rc
