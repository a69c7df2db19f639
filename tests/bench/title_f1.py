#!/usr/bin/python3
"""title_f1.py: precision, recall and F1 of title_same() on the labeled title pair sets.

    tests/bench/title_f1.py [PAPEREXT.so] [-v]

'same' is the positive class.  -v lists every wrong pair with its score and
title_relation() (when the extension has it).  Run from the repository root
(make bench runs it through bench_normalize.py).
"""
import sqlite3
import sys

SETS = ("title_pairs.tsv", "title_pairs_heldout.tsv", "title_pairs_fresh.tsv",
        "title_pairs_fresh2.tsv")


def pairs(path):
    for line in open(path, encoding="utf-8"):
        if line.startswith("# "):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 4:
            yield [p.replace("\\n", "\n") for p in parts[:4]]


def score(db, path, verbose=False):
    """(tp, fp, fn, tn, n_other_work_fp) of title_same on one set."""
    has_rel = db.execute("SELECT count(*) FROM paperext_functions WHERE name='title_relation'").fetchone()[0]
    tp = fp = fn = tn = other = 0
    for label, kind, a, b in pairs(path):
        same = db.execute("SELECT title_same(?, ?)", (a, b)).fetchone()[0] == 1
        want = label == "same"
        tp += same and want
        fp += same and not want
        fn += want and not same
        tn += not same and not want
        other += same and not want and kind == "other-work"
        if verbose and same != want:
            s = db.execute("SELECT title_similarity(?, ?)", (a, b)).fetchone()[0]
            rel = db.execute("SELECT title_relation(?, ?)", (a, b)).fetchone()[0] if has_rel else "-"
            print("    %s %-14s %.3f %-8s %s | %s" % (label, kind, s, rel, a, b))
    return tp, fp, fn, tn, other


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(db, verbose=False, indent="  "):
    for name in SETS:
        tp, fp, fn, tn, other = score(db, "tests/data/" + name, verbose)
        p, r, f = f1(tp, fp, fn)
        note = "  (%d of the fp: one title, two works)" % other if other else ""
        print("%s%-26s %3d pairs  P %.3f  R %.3f  F1 %.3f  (fp %d, fn %d)%s"
              % (indent, name, tp + fp + fn + tn, p, r, f, fp, fn, note))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(args[0] if args else "./paperext.so")
    report(db, "-v" in sys.argv)
