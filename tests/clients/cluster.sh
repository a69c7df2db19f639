#!/bin/sh
# cluster.sh: a reading list on a 3-node dqlite cluster (make cluster-test;
# part of make test).  Loopback only, ports chosen free at run time, every
# node stopped by its pid when the test ends, however it ends.
#
#  1. Three paperext-node processes: node 1 bootstraps, 2 and 3 join; all
#     load the same paperext build.
#  2. sql/schema.sql is created through the cluster; tests/data/demo_list.txt
#     and tests/data/demo.bib are imported with the statements a Python or
#     Node user runs, the text bound as a parameter (paperext-sql -f).
#  3. Questions (venue, tags, regex, full-text search in Chinese) answered
#     as a local file with the same imports answers them (sqlite3, the same
#     statements, the same paperext.so); go-dqlite's `dqlite` shell sees the
#     same rows.
#  4. The leader killed (SIGKILL): a new one elected, every answer the same,
#     a write accepted.  The killed node restarted: it catches up (its own
#     copy of the database, dumped from it, has the new write).  The new
#     leader killed: the remaining two still answer and accept writes.
#     (And a TEMP table of 3 MB does not crash the leader.)
#  5. SIGTERM stops each node cleanly (exit status 0).
# Waits poll with a deadline; the failover and catch-up times are printed.
# Last line: "cluster: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
pass=0; fail=0
ok(){ pass=$((pass+1)); }
bad(){ fail=$((fail+1)); echo "FAIL cluster: $*"; }
finish(){ echo "cluster: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }
. tests/clients/lib/nodes.sh
for b in "$NODE" "$SQL" ./paperext.so; do
  [ -x "$b" ] || [ -f "$b" ] || { bad "$b missing (make cluster paperext.so)"; finish; }
done
command -v dqlite >/dev/null 2>&1 || { bad "go-dqlite's dqlite shell missing (Debian package go-dqlite)"; finish; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperext-cluster.XXXXXX")
cleanup(){
  stop_all
  if [ "$fail" -ne 0 ]; then
    for l in "$tmp"/n*.log; do [ -f "$l" ] && { echo "--- $l"; tail -n 25 "$l"; }; done
  fi
  [ -n "$CLUSTER_KEEP" ] && echo "cluster: kept $tmp" >&2 || rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# --- helpers -----------------------------------------------------------------
pick_ports
sql(){ "$SQL" -s "$ALL" -t 20 -w 60 "$@"; }
# a leader that is not node $2, seen through the addresses $1
new_leader(){ l=$(leader_id "$1"); [ -n "$l" ] && [ "$l" != 0 ] && [ "$l" != "$2" ]; }

. tests/clients/lib/reference.sh
# cluster_import FORMAT SOURCE FILE: the import through the cluster
cluster_import(){ sql exec "$(import_sql)" -p "$2" -p "$1" -f "$3"; }
# cluster_answers DIR: each question's rows from the cluster into DIR/<name>
cluster_answers(){
  mkdir -p "$1"
  while IFS="$TAB" read -r name q; do sql query "$q" > "$1/$name" 2>&1; done < "$QUESTIONS"
}
count_papers(){ sql query "SELECT count(*) FROM papers"; }

# --- 1. three nodes ----------------------------------------------------------
start_node 1
if wait_for 15 is_leader 1; then ok
else bad "node 1 did not become the leader of its new cluster in 15 s"; finish; fi
start_node 2 --join "$ALL"
start_node 3 --join "$ALL"
if wait_for 30 voters 3; then ok; echo "   3 voters after $waited_ms ms"
else bad "no cluster of 3 voters in 30 s: $(sql cluster 2>&1 | tr '\n' ' ')"; finish; fi
version=$(sqlite3 :memory: -cmd '.load ./paperext' 'SELECT paperext_version()')
for i in 1 2 3; do
  grep -q "paperext $version from ./paperext.so" "$tmp/n$i.log" && ok || bad "node $i did not log loading paperext $version"
done

# --- 2. schema and imports through the cluster -------------------------------
sql exec "$(cat sql/schema.sql)" && ok || bad "sql/schema.sql through the cluster"
cluster_import list demo_list.txt tests/data/demo_list.txt && ok || bad "importing tests/data/demo_list.txt"
cluster_import bibtex demo.bib tests/data/demo.bib && ok || bad "importing tests/data/demo.bib"
local_reference   # the same on a local file, to compare with

# --- 3. questions ------------------------------------------------------------
cluster_answers "$tmp/a0"
same_answers "$tmp/a0" "3 nodes"
[ "$(wc -l < "$tmp/local/fts_zh")" -ge 1 ] && ok || bad "no note found by 記憶體 (the fixture changed?)"
cut -d'|' -f1 "$tmp/local/fts_zh" > "$tmp/fts_ids"
cmp -s "$tmp/local/fts_zh_simplified" "$tmp/fts_ids" && ok || bad "记忆体 (Simplified) does not find the notes 記憶體 finds"
[ -s "$tmp/local/merged" ] && ok || bad "no paper of the list merged with its .bib entry"
papers=$(count_papers)
shell=$(timeout 20 dqlite -s "$ALL" papers "SELECT count(*) FROM papers" 2>&1)
[ "$shell" = "$papers" ] && ok || bad "go-dqlite's dqlite shell counts '$shell' papers, paperext-sql $papers"
echo "   $papers papers imported through the cluster"
# a TEMP table past the page cache: dqlite 1.11's VFS crashed the leader on
# its spill file, which paperext-node's temp_store=MEMORY avoids
head -c 3000000 /dev/zero | tr '\0' x > "$tmp/big.txt"
L=$(leader_id "$ALL")
[ "$(sql exec "CREATE TEMP TABLE big(t)" exec "INSERT INTO temp.big VALUES (?)" -f "$tmp/big.txt" \
      query "SELECT length(t) FROM temp.big")" = 3000000 ] && alive "$L" && ok \
  || bad "a 3 MB text in a TEMP table: the leader (node $L) $(alive "$L" && echo answered wrong || echo died)"

# --- 4. failovers ------------------------------------------------------------
# write NAME: a paper added through the cluster, read back
write(){
  sql exec "INSERT INTO paper_import(title, venue_raw, tags, note, source) VALUES (?, ?, ?, ?, ?)" \
    -p "$1" -p iclr2021 -p '["failover"]' -p "寫入於 $1" -p cluster.sh &&
  [ "$(sql query "SELECT venue || ' ' || year FROM papers WHERE title = ?" -p "$1")" = "ICLR 2021" ]
}
for round in 1 2; do
  L=$(leader_id "$ALL")
  others=""; for i in 1 2 3; do [ "$i" != "$L" ] && alive "$i" && others="$others,$(addr "$i")"; done
  others=${others#,}
  kill -KILL "$(pid_of "$L")"; wait "$(pid_of "$L")" 2>/dev/null; forget "$L"
  if wait_for 30 new_leader "$others" "$L"; then
    ok; echo "   failover $round: leader node $L killed (SIGKILL), node $(leader_id "$others") leads after $waited_ms ms"
  else bad "failover $round: no new leader 30 s after killing node $L"; finish; fi
  for i in 1 2 3; do
    [ "$i" = "$L" ] || [ -z "$(pid_of "$i")" ] || { alive "$i" && ok || bad "node $i died during failover $round"; }
  done
  cluster_answers "$tmp/a$round"
  same_answers "$tmp/a$round" "after failover $round"
  write "Written after failover $round" && ok || bad "failover $round: a write was not accepted"
  # every question again on the local file, with the same write
  local_sql "INSERT INTO paper_import(title, venue_raw, tags, note, source) VALUES
    ('Written after failover $round', 'iclr2021', '[\"failover\"]', '寫入於 Written after failover $round', 'cluster.sh')"
  local_answers
  if [ "$round" = 1 ]; then
    # the killed node restarted with its old state: it catches up
    start_node "$L" --join "$ALL"
    want=$(count_papers)
    caught_up(){
      rm -f "$tmp/dump.db" "$tmp/dump.db-wal" "$tmp/dump.db-shm"
      "$SQL" -s "$(addr "$L")" --this -t 2 dump "$tmp/dump.db" &&
      [ "$(sqlite3 "$tmp/dump.db" "SELECT count(*) FROM papers WHERE title = 'Written after failover 1'")" = 1 ] &&
      [ "$(sqlite3 "$tmp/dump.db" "SELECT count(*) FROM papers")" = "$want" ]
    }
    if wait_for 30 caught_up; then ok; echo "   node $L restarted: caught up after $waited_ms ms"
    else bad "node $L restarted did not catch up in 30 s"; fi
    [ "$(sqlite3 "$tmp/dump.db" 'PRAGMA integrity_check')" = ok ] && ok || bad "node $L's copy fails integrity_check"
    # its own copy answers every question as the local file does
    mkdir -p "$tmp/dumped"
    while IFS="$TAB" read -r name q; do
      sqlite3 -batch "$tmp/dump.db" -cmd '.load ./paperext' "$q" > "$tmp/dumped/$name" 2>&1
    done < "$QUESTIONS"
    same_answers "$tmp/dumped" "node $L's own copy, dumped"
    wait_for 30 voters 3 && ok || bad "node $L is not a voter again"
  fi
done
cluster_answers "$tmp/a3"
same_answers "$tmp/a3" "with two nodes left"

# --- 5. clean stop -----------------------------------------------------------
for e in $PIDS; do
  id=${e%%:*}; p=${e#*:}
  kill -TERM "$p"
  if wait_for 20 sh -c "! ps -o stat= -p $p | grep -qv '^Z'"; then
    wait "$p"; rc=$?
    [ "$rc" = 0 ] && grep -q ': stopped$' "$tmp/n$id.log" && ok || bad "node $id: exit status $rc after SIGTERM"
  else bad "node $id still running 20 s after SIGTERM"; fi
  forget "$id"
done
finish
