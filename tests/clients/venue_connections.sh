#!/bin/sh
# venue_connections.sh: user venue aliases added by one connection are seen by
# venue_resolve() on another connection of the same database file at its next
# statement, whether
# that statement reads a table of main, a temp table, or no table at all.
cd "$(dirname "$0")/../.." || exit 2
db=$(mktemp -d)/venues.db
trap 'rm -rf "$(dirname "$db")"' EXIT
/usr/bin/python3 - "$db" <<'PY'
import sqlite3, sys
path = sys.argv[1]
a = sqlite3.connect(path, isolation_level=None)
b = sqlite3.connect(path, isolation_level=None)
for d in (a, b):
    d.enable_load_extension(True)
    d.load_extension('./paperext.so')
passed = failed = 0
def check(got, want, what):
    global passed, failed
    if got == want:
        passed += 1
    else:
        failed += 1
        print('FAIL %s: want %r got %r' % (what, want, got))
a.execute("CREATE TABLE p(v)")
a.execute("INSERT INTO p VALUES ('DLRS 2020')")
a.execute("CREATE TEMP TABLE t(v)")
a.execute("INSERT INTO t VALUES ('DLRS 2020')")
check(a.execute("SELECT venue_resolve('DLRS 2020') ->> 'acronym'").fetchone()[0], None, 'before')
b.execute("CREATE TABLE paperext_venue_aliases(alias, acronym, name, kind)")
b.execute("INSERT INTO paperext_venue_aliases VALUES ('DLRS', 'DLRS', NULL, 'workshop')")
check(a.execute("SELECT venue_resolve('DLRS 2020') ->> 'acronym'").fetchone()[0], 'DLRS', 'no table')
check(a.execute("SELECT venue_resolve(v) ->> 'acronym' FROM p").fetchone()[0], 'DLRS', 'main table')
b.execute("UPDATE paperext_venue_aliases SET acronym = 'DLRS2'")
check(a.execute("SELECT venue_resolve(v) ->> 'acronym' FROM t").fetchone()[0], 'DLRS2', 'temp table')
b.execute("DELETE FROM paperext_venue_aliases")
check(a.execute("SELECT venue_resolve(v) ->> 'acronym' FROM p").fetchone()[0], None, 'deleted')
a.close(); b.close()
print('client venue_connections: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
