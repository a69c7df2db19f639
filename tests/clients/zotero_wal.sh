#!/bin/sh
# zotero_wal.sh: zotero_items() on a library that another process has open,
# as Zotero has it while it runs (tests/data/zotero/hold_library.py):
#  - the commits still in the WAL are read (a snapshot that includes the WAL);
#  - a write transaction in progress does not stop the read, which gives
#    the last commit;
#  - a library held with an exclusive lock gives an error naming the path;
#  - a WAL left behind by a process that died is read, and not checkpointed;
#  - a WAL-mode library that nothing has open is read (SQLite's read-only
#    access to a WAL database leaves an empty -wal and a -shm beside it, as
#    any SQLite reader does; the library itself is not written);
# and in every case the library file is never written (its bytes and mtime
# are unchanged) and its WAL is not checkpointed away (same bytes after).
cd "$(dirname "$0")/../.." || exit 2
tmp=$(mktemp -d)
trap 'touch "$tmp/stop"; sleep 0.3; rm -rf "$tmp"' EXIT
passed=0 failed=0
check(){   # check WHAT GOT WANT
  if [ "$2" = "$3" ]; then passed=$((passed+1))
  else failed=$((failed+1)); printf 'FAIL zotero_wal: %s\n  want: %s\n  got:  %s\n' "$1" "$3" "$2"; fi
}
state(){ for f in "$@"; do [ -e "$f" ] && { stat -c '%s %Y' "$f"; sha256sum < "$f"; } || echo "no $f"; done; }
read_keys(){
  sqlite3 -cmd '.load ./paperext' :memory: \
    "SELECT group_concat(key, ',') FROM (SELECT key FROM zotero_items('$1') WHERE key IN ('WALITEM1','UNCOMMIT1','SIMCLR01') ORDER BY key)" 2>&1
}
scenario(){   # scenario MODE: start a holder, wait until it is ready
  mode=$1
  lib="$tmp/$mode/zotero.sqlite"
  mkdir -p "$tmp/$mode"
  /usr/bin/python3 tests/data/zotero/make_library.py "$lib"
  /usr/bin/python3 tests/data/zotero/hold_library.py "$lib" "$mode" "$tmp/$mode/ready" "$tmp/stop" &
  holder=$!
  for _ in $(seq 100); do [ -e "$tmp/$mode/ready" ] && break; sleep 0.1; done
}

scenario open
before=$(state "$lib" "$lib-wal")
check "open: the WAL's commit is read" "$(read_keys "$lib")" "SIMCLR01,WALITEM1"
check "open: library and WAL untouched" "$(state "$lib" "$lib-wal")" "$before"
check "open: the WAL holds the commit" "$([ -s "$lib-wal" ] && echo yes)" "yes"

scenario writing
before=$(state "$lib" "$lib-wal")
check "writing: the last commit, not the transaction in progress" "$(read_keys "$lib")" "SIMCLR01,WALITEM1"
check "writing: library untouched" "$(state "$lib")" "$(echo "$before" | head -2)"

scenario exclusive
before=$(state "$lib" "$lib-wal")
check "exclusive: an error naming the path" "$(read_keys "$lib")" \
  "Error: stepping, zotero_items: $lib is locked by another process (Zotero keeps its library locked while it runs: close Zotero, or read a copy)"
check "exclusive: library untouched" "$(state "$lib" "$lib-wal")" "$before"

scenario crash
wait $holder
before=$(state "$lib" "$lib-wal")
check "crash: the WAL left behind is read" "$(read_keys "$lib")" "SIMCLR01,WALITEM1"
check "crash: read twice, the same" "$(read_keys "$lib")" "SIMCLR01,WALITEM1"
check "crash: library and WAL untouched, the WAL not checkpointed away" "$(state "$lib" "$lib-wal")" "$before"

# a WAL-mode library that no program has open (Zotero closed cleanly: no -wal)
lib="$tmp/clean/zotero.sqlite"
mkdir -p "$tmp/clean"
/usr/bin/python3 tests/data/zotero/make_library.py "$lib"
sqlite3 "$lib" 'PRAGMA journal_mode=WAL' >/dev/null
before=$(state "$lib")
check "clean WAL library: read" "$(read_keys "$lib")" "SIMCLR01"
check "clean WAL library: untouched" "$(state "$lib")" "$before"
check "clean WAL library: SQLite's empty -wal beside it, nothing in it" "$(stat -c %s "$lib-wal" 2>/dev/null)" "0"

touch "$tmp/stop"
wait
echo "zotero_wal: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
