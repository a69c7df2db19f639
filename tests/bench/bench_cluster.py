#!/usr/bin/python3
"""bench_cluster.py: the figures of bench_cluster.sh (run that, not this).

    bench_cluster.py PAPEREXT_SQL SERVERS DIR BIB...

Environment: IMPORT_SQL, the import statement (?1 source, ?2 format, ?3
text: tests/clients/lib/reference.sh's import_sql, sql/schema.sql's
import_text).

For each .bib, side by side in this one run: a local file (Python's sqlite3,
paperext loaded, in DIR, the same disk as the nodes' Raft logs) and the
3-node cluster (paperext-sql, a database of its own per run), each starting
from sql/schema.sql; locally the whole file in the one import statement
(one transaction); on the cluster in pieces of CHUNK entries, one import
statement each, inside one transaction (the way to keep each statement
under the election timeout), and files of up to ONE_STATEMENT_MAX entries
in one statement as well.  Then the venue aggregate, best of 3, on both.  Then
per-entry statements (the first ENTRIES of the first file, one statement
each), autocommit and inside one BEGIN ... COMMIT, on both.  Times are wall
clock: the cluster's include the paperext-sql process (start, reading the
file, finding the leader); the local ones the statement alone.
"""
import os
import re
import sqlite3
import subprocess
import sys
import time

AGGREGATE = "SELECT venue, count(*) FROM papers GROUP BY venue ORDER BY 2 DESC, 1"
ENTRIES = 500      # per-entry statements (each is an argument of paperext-sql)
CHUNK = 2000       # entries per piece of a cluster import
ONE_STATEMENT_MAX = 10000  # larger files outlast the election timeout in one statement
REPEAT = 3


def local_db(path):
    for suffix in ("", "-wal", "-journal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension("./paperext")
    db.executescript(open("sql/schema.sql", encoding="utf-8").read())
    return db


def timed(f):
    t = time.perf_counter()
    r = f()
    return time.perf_counter() - t, r


def main():
    sql_bin, servers, work = sys.argv[1:4]
    bibs = sys.argv[4:]
    imp = os.environ["IMPORT_SQL"]
    schema = open("sql/schema.sql", encoding="utf-8").read()

    def cluster(database, *args):
        r = subprocess.run([sql_bin, "-s", servers, "-d", database, "-t", "30", *args],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("bench cluster: paperext-sql %s: %s" % (args[0], r.stderr.strip()))
        return r.stdout

    latency = int(os.environ.get("LATENCY_MS", "0"))
    print("cluster bench: 3 dqlite nodes on loopback (paperext-node --latency-ms %d: election timeout %g s)"
          % (latency, latency * 15 / 1000))
    print("against one local file (SQLite's defaults: rollback journal, synchronous=FULL), side by side;")
    print("the import statement with the .bib text bound as a parameter; every import one transaction:")
    print("locally one statement; on the cluster in pieces of %d entries (an import statement each)," % CHUNK)
    print("and up to %d entries also in one statement." % ONE_STATEMENT_MAX)
    print("%-8s %9s %7s %9s %10s %10s %11s %7s %7s  %s" % (
        "entries", "papers", "db MB", "local s", "local e/s", "cluster s", "cluster e/s", "ratio",
        "target", "cluster import"))

    def pieces_args(text, work, source):
        entries = [e for e in re.split(r"\n(?=@)", text) if e.startswith("@")]
        args = ["exec", "BEGIN"]
        for i in range(0, len(entries), CHUNK):
            piece = os.path.join(work, "piece_%d.bib" % i)
            with open(piece, "w", encoding="utf-8") as f:
                f.write("\n".join(entries[i:i + CHUNK]))
            args += ["exec", imp, "-p", source, "-p", "bibtex", "-f", piece]
        return args + ["exec", "COMMIT"], (len(entries) + CHUNK - 1) // CHUNK

    aggregates = []
    for bib in bibs:
        text = open(bib, encoding="utf-8").read()
        n = len(re.findall(r"^@", text, re.M))
        source = os.path.basename(bib)
        name = "bench_%d" % n
        db = local_db(os.path.join(work, name + ".db"))

        def local_import():
            db.execute("BEGIN")
            db.execute(imp, (source, "bibtex", text))
            db.execute("COMMIT")
        t_local, _ = timed(local_import)
        papers = db.execute("SELECT count(*) FROM papers").fetchone()[0]
        mb = db.execute("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size").fetchone()[0] / 1e6

        runs = [(name, "pieces of %d (%d statements)", pieces_args(text, work, source))]
        if n <= ONE_STATEMENT_MAX:
            runs.append((name + "_one", "one statement", (["exec", imp, "-p", source, "-p", "bibtex", "-f", bib], 1)))
        first = True
        for database, how, (args, statements) in runs:
            cluster(database, "exec", schema)
            t_cluster, _ = timed(lambda: cluster(database, *args))
            got = int(cluster(database, "query", "SELECT count(*) FROM papers"))
            if got != papers:
                sys.exit("bench cluster: %s, %s: %d papers on the cluster, %d locally" % (bib, how, got, papers))
            label = how % (CHUNK, statements) if "%" in how else how
            if first:
                print("%-8d %9d %7.0f %9.2f %10.0f %10.2f %11.0f %7.2f %7s  %s" % (
                    n, papers, mb, t_local, n / t_local, t_cluster, n / t_cluster, t_cluster / t_local,
                    "<= 3", label))
            else:
                print("%-8s %9d %7s %9s %10s %10.2f %11.0f %7.2f %7s  %s" % (
                    "", got, "", "", "", t_cluster, n / t_cluster, t_cluster / t_local, "", label))
            first = False

        # the venue aggregate, best of 3
        rows = db.execute(AGGREGATE).fetchall()
        want = "".join("%s|%d\n" % ("" if v is None else v, c) for v, c in rows)
        if cluster(name, "query", AGGREGATE) != want:
            sys.exit("bench cluster: %s: the venue aggregate differs" % bib)
        a_local = min(timed(lambda: db.execute(AGGREGATE).fetchall())[0] for _ in range(REPEAT))
        a_cluster = min(timed(lambda: cluster(name, "query", AGGREGATE))[0] for _ in range(REPEAT))
        aggregates.append((n, papers, len(rows), a_local, a_cluster))
        db.close()

    print()
    print("venue aggregate (%s), best of %d:" % (AGGREGATE, REPEAT))
    print("%-8s %9s %7s %9s %11s %8s" % ("entries", "papers", "venues", "local ms", "cluster ms", "ratio"))
    for n, papers, venues, a_local, a_cluster in aggregates:
        print("%-8d %9d %7d %9.1f %11.1f %8.1f" % (n, papers, venues, a_local * 1000, a_cluster * 1000,
                                                    a_cluster / a_local))

    # per-entry statements: one Raft commit each, or one for all
    text = open(bibs[0], encoding="utf-8").read()
    entries = [e for e in re.split(r"\n(?=@)", text) if e.startswith("@")][:ENTRIES]
    print()
    print("per-entry statements (%d entries of %s, one import statement each):"
          % (len(entries), os.path.basename(bibs[0])))
    print("%-34s %12s %14s %8s" % ("", "local ms/e", "cluster ms/e", "ratio"))
    for label, tx in (("autocommit (a transaction each)", False), ("one transaction (BEGIN..COMMIT)", True)):
        name = "each_%s" % ("tx" if tx else "auto")
        db = local_db(os.path.join(work, name + ".db"))

        def local_each():
            if tx:
                db.execute("BEGIN")
            for e in entries:
                db.execute(imp, ("each.bib", "bibtex", e))
            if tx:
                db.execute("COMMIT")
        t_local, _ = timed(local_each)
        cluster(name, "exec", schema)
        args = ["exec", "BEGIN"] if tx else []
        for e in entries:
            args += ["exec", imp, "-p", "each.bib", "-p", "bibtex", "-p", e]
        if tx:
            args += ["exec", "COMMIT"]
        t_cluster, _ = timed(lambda: cluster(name, *args))
        got = int(cluster(name, "query", "SELECT count(*) FROM papers"))
        want = db.execute("SELECT count(*) FROM papers").fetchone()[0]
        if got != want:
            sys.exit("bench cluster: per-entry %s: %d papers locally, %d on the cluster" % (name, want, got))
        print("%-34s %12.2f %14.2f %8.1f" % (label, t_local * 1000 / len(entries),
                                             t_cluster * 1000 / len(entries), t_cluster / t_local))
        db.close()


if __name__ == "__main__":
    main()
