#!/usr/bin/python3
"""bench_normalize.py: the figures of bench_normalize.sh (run that, not this).

    bench_normalize.py ROWS.db PAPEREXT.so

Accuracy on the labeled sets of tests/data/, then speed: each figure is the
best of 3 runs of one query over the 1,000,000 rows, next to the best of 3 of
lower() on the same column, measured in this one run (target: <= 5x lower()).
Times are the CPU time of this process (time.process_time): the machine is
shared, and wall time there measures the neighbours' load more than the query.
"""
import os
import sqlite3
import sys
import time

REPEAT = 3
db_path, ext = sys.argv[1], sys.argv[2]

mem = sqlite3.connect(":memory:")
mem.enable_load_extension(True)
mem.load_extension(ext)


def rows(path, ncol):
    for line in open(path, encoding="utf-8"):
        if line.startswith("# "):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) == ncol:
            yield [p.replace("\\n", "\n") for p in parts]


def q(sql, *args):
    return mem.execute(sql, args).fetchone()[0]


print("accuracy on the labeled sets (tests/data/)")
tags = list(rows("tests/data/tags.tsv", 2))
ok = sum(q("SELECT tags_parse(?)", t) == want for t, want in tags)
print("  %-44s %4d/%-4d %6.1f%%" % ("tags_parse exact (tags.tsv)", ok, len(tags), 100.0 * ok / len(tags)))
ids = list(rows("tests/data/ident.tsv", 4))
ok = 0
for text, aid, ver, doi in ids:
    got = (q("SELECT arxiv_id(?)", text) or "", str(q("SELECT arxiv_version(?)", text) or ""),
           q("SELECT doi(?)", text) or "")
    ok += got == (aid, ver, doi)
print("  %-44s %4d/%-4d %6.1f%%" % ("arxiv_id+arxiv_version+doi (ident.tsv)", ok, len(ids), 100.0 * ok / len(ids)))
print("title_same per labeled set (tests/bench/title_f1.py; 'same' the positive class)")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import title_f1  # noqa: E402
title_f1.report(mem, indent="  ")

db = sqlite3.connect(db_path)
db.execute("PRAGMA mmap_size = 1000000000")
db.enable_load_extension(True)
db.load_extension(ext)
n = db.execute("SELECT count(*) FROM rows").fetchone()[0]


def best(sql):
    times = []
    for _ in range(REPEAT):
        t = time.process_time()
        db.execute(sql).fetchone()
        times.append(time.process_time() - t)
    return min(times)


print("speed over %d rows, best of %d (CPU seconds; ratio to lower() on the same column)" % (n, REPEAT))
# title_same and title_relation compare each title with itself less its first
# character (a typo in the first word) and with a parenthetical added.
for col, fn in (("title", "title_key"), ("tags", "tags_parse"), ("tags", "tag_norm"), ("title", "arxiv_id"), ("title", "doi"),
                ("title", "title_keys"), ("title", "title_same"), ("title", "title_relation")):
    base = best("SELECT sum(length(lower(%s))) FROM rows" % col)
    if fn in ("title_same", "title_relation"):
        t = best("SELECT sum(length(%s(%s, substr(%s, 2))) + length(%s(%s, %s || ' (X)'))) FROM rows"
                 % (fn, col, col, fn, col, col))
    else:
        t = best("SELECT sum(length(%s(%s))) FROM rows" % (fn, col))
    target = "  (target <= 5x)" if fn in ("title_key", "tags_parse") else ""
    print("  %-12s %6.3f s   lower(%s) %6.3f s   %5.2fx%s" % (fn, t, col, base, t / base, target))
