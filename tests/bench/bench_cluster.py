#!/usr/bin/python3
"""bench_cluster.py: the figures of bench_cluster.sh (run that, not this).

    bench_cluster.py PAPEREXT_SQL SERVERS DIR BIB...

Environment: IMPORT_SQL, the .bib import statement (?1 source, ?2 format,
?3 text: tests/clients/lib/reference.sh's import_sql bibtex); CHUNK_SQL, the
same reading the text from temp.src, ?3 entries from offset ?2.

For each .bib, side by side in this one run: a local file (Python's sqlite3,
paperext loaded, in DIR, the same disk as the nodes' Raft logs) and the
3-node cluster (paperext-sql, a database of its own per run), each starting
from sql/schema.sql, each importing the whole file with the one statement
(one transaction); the last file again on the cluster in statements of
CHUNK entries inside one transaction (the text sent once, into a TEMP
table), the way to keep each statement under the election timeout.  Then
the venue aggregate, best of 3, on both.  Then
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
CHUNK = 5000       # entries per statement of the chunked import
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
    print("the same merging import statement, the .bib text bound as a parameter, one transaction each.")
    print("%-8s %9s %7s %9s %10s %10s %10s %8s %8s" % ("entries", "papers", "db MB", "local s", "local e/s",
                                                        "cluster s", "cluster e/s", "ratio", "target"))
    aggregates = []
    for bib in bibs:
        text = open(bib, encoding="utf-8").read()
        n = len(re.findall(r"^@", text, re.M))
        name = "bench_%d" % n
        db = local_db(os.path.join(work, name + ".db"))

        def local_import():
            db.execute("BEGIN")
            db.execute(imp, (os.path.basename(bib), "bibtex", text))
            db.execute("COMMIT")
        t_local, _ = timed(local_import)
        cluster(name, "exec", schema)
        t_cluster, _ = timed(lambda: cluster(name, "exec", imp, "-p", os.path.basename(bib),
                                             "-p", "bibtex", "-f", bib))
        papers = db.execute("SELECT count(*) FROM papers").fetchone()[0]
        cpapers = int(cluster(name, "query", "SELECT count(*) FROM papers"))
        if papers != cpapers:
            sys.exit("bench cluster: %s: %d papers locally, %d on the cluster" % (bib, papers, cpapers))
        mb = db.execute("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size").fetchone()[0] / 1e6
        print("%-8d %9d %7.0f %9.2f %10.0f %10.2f %10.0f %8.2f %8s" % (
            n, papers, mb, t_local, n / t_local, t_cluster, n / t_cluster, t_cluster / t_local, "<= 3"))
        if bib == bibs[-1]:
            chunked = name + "_chunked"
            cluster(chunked, "exec", schema)
            args = ["exec", "CREATE TEMP TABLE src(text)", "exec", "INSERT INTO temp.src VALUES (?)",
                    "-f", bib, "exec", "BEGIN"]
            for offset in range(0, n, CHUNK):
                args += ["exec", os.environ["CHUNK_SQL"], "-p", os.path.basename(bib), "-i", str(offset),
                         "-i", str(CHUNK)]
            t_chunked, _ = timed(lambda: cluster(chunked, *args, "exec", "COMMIT"))
            got = int(cluster(chunked, "query", "SELECT count(*) FROM papers"))
            if got != papers:
                sys.exit("bench cluster: chunked import: %d papers, %d locally" % (got, papers))
            print("%-8s %9d %7s %9s %10s %10.2f %10.0f %8.2f   (in %d statements of %d, one transaction)" % (
                "  chunked", got, "", "", "", t_chunked, n / t_chunked, t_chunked / t_local,
                (n + CHUNK - 1) // CHUNK, CHUNK))

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
    print("per-entry statements (%d entries of %s, one INSERT ... FROM bibtex_entries(?3) each):"
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
