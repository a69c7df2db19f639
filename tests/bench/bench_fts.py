#!/usr/bin/python3
"""bench_fts.py: the paperext FTS5 tokenizer against unicode61 and trigram,
side by side on one generated corpus (gen_notes.py, fixed seed).

For each tokenizer: index size (FTS5 shadow tables, dbstat) and build time
('rebuild' of an external-content table), best of 3.  For 1-, 2- and
3-character Chinese queries and English words: the rows each finds compared
with a LIKE scan (ground truth; for the whole word 'bert' a word-boundary
scan, since LIKE finds it inside RoBERTa), and the query time (best of 3).

    /usr/bin/python3 tests/bench/bench_fts.py [./paperext.so] [N=50000]
"""
import os
import re
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_notes  # noqa: E402

EXT = sys.argv[1] if len(sys.argv) > 1 else "./paperext.so"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
ENGLISH = float(os.environ.get("FTS_BENCH_ENGLISH", "0.20"))  # share of English items
REPEAT = 3

TOKENIZERS = [
    ("unicode61", "unicode61"),
    ("trigram", "trigram"),
    ("paperext", "paperext"),
    ("paperext bigram", "paperext bigram 1"),
]

QUERIES = [
    ("zh 1 char", ["學", "记", "體", "型", "的"]),
    # Each class mixes frequent words with rare pairs of frequent characters
    # (的是, 學了, 的一是), where bigrams pay off.
    ("zh 2 chars", ["學習", "模型", "记忆", "的是", "學了"]),
    ("zh 3 chars", ["記憶體", "注意力", "自監督", "的一是", "数据集"]),
    ("zh 4+ chars", ["深度學習", "圖神經網路"]),
    ("english", ["roberta", "diffusion", "kernel", "imagenet", "memory"]),
]
WORD_QUERIES = ["bert"]    # ground truth: whole word, case-insensitive


def best(f):
    t = None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        r = f()
        dt = time.perf_counter() - t0
        t = dt if t is None or dt < t else t
    return t, r


def main():
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(EXT)
    db.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, note TEXT)")
    corpus = gen_notes.notes(N, ENGLISH)
    db.executemany("INSERT INTO notes VALUES (?, ?)", corpus)
    db.commit()
    nbytes = sum(len(t.encode()) for _, t in corpus if t)
    print("corpus: %d notes (%d with text), %.1f MB of text, %.0f%% English items; best of %d"
          % (N, sum(1 for _, t in corpus if t), nbytes / 1e6, ENGLISH * 100, REPEAT))

    # Ground truth.
    truth = {}
    like_time = {}
    for cls, qs in QUERIES:
        like_time[cls] = 0.0
        for q in qs:
            t, rows = best(lambda: {r[0] for r in db.execute(
                "SELECT id FROM notes WHERE note LIKE '%' || ? || '%'", (q,))})
            truth[q] = rows
            like_time[cls] += t
    for q in WORD_QUERIES:
        pat = re.compile(r"(?<![A-Za-z0-9])%s(?![A-Za-z0-9])" % re.escape(q), re.I)
        truth[q] = {i for i, t in corpus if t and pat.search(t)}
        like_rows = {r[0] for r in db.execute(
            "SELECT id FROM notes WHERE note LIKE '%' || ? || '%'", (q,))}
        print("'%s': %d rows hold the word, LIKE finds %d (inside RoBERTa too)"
              % (q, len(truth[q]), len(like_rows)))

    build = {}
    size = {}
    found = {}
    qtime = {}
    for label, tok in TOKENIZERS:
        name = "fts_" + re.sub(r"\W", "_", label)

        def rebuild():
            db.execute("DROP TABLE IF EXISTS %s" % name)
            db.execute("CREATE VIRTUAL TABLE %s USING fts5(note, content='notes', "
                       "content_rowid='id', tokenize='%s')" % (name, tok))
            t0 = time.perf_counter()
            db.execute("INSERT INTO %s(%s) VALUES ('rebuild')" % (name, name))
            db.commit()
            return time.perf_counter() - t0
        build[label] = min(rebuild() for _ in range(REPEAT))
        size[label] = db.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name IN (?,?,?,?)",
            (name + "_data", name + "_idx", name + "_docsize", name + "_config")).fetchone()[0]
        for cls, qs in QUERIES + [("word", WORD_QUERIES)]:
            ok = 0
            total = 0.0
            miss = extra = 0
            for q in qs:
                expr = db.execute("SELECT fts_query(?)", (q,)).fetchone()[0]
                t, rows = best(lambda: {r[0] for r in db.execute(
                    "SELECT rowid FROM %s WHERE %s MATCH ?" % (name, name), (expr,))})
                total += t
                ok += rows == truth[q]
                miss += len(truth[q] - rows)
                extra += len(rows - truth[q])
            found[label, cls] = (ok, len(qs), miss, extra)
            qtime[label, cls] = total

    print()
    print("%-16s %10s %8s %9s %8s" % ("tokenizer", "index", "vs tri", "build", "vs u61"))
    for label, _ in TOKENIZERS:
        print("%-16s %8.1fMB %7.2fx %8.2fs %7.2fx" % (
            label, size[label] / 1e6, size[label] / size["trigram"],
            build[label], build[label] / build["unicode61"]))
    print()
    print("queries: exact = queries whose rows equal the ground truth "
          "(missed/extra rows in all), time = all queries of the class")
    hdr = "%-12s %-9s" % ("class", "LIKE")
    for label, _ in TOKENIZERS:
        hdr += " | %-26s" % label
    print(hdr)
    for cls, qs in QUERIES + [("word", WORD_QUERIES)]:
        line = "%-12s %-9s" % (cls, ("%.1fms" % (like_time[cls] * 1e3)) if cls in like_time else "(regex)")
        for label, _ in TOKENIZERS:
            ok, n, miss, extra = found[label, cls]
            line += " | %d/%d exact -%-5d +%-5d %5.1fms" % (ok, n, miss, extra, qtime[label, cls] * 1e3)
        print(line)
    print()
    pe = "paperext"
    exact = all(found[l, c][0] == found[l, c][1] for l in (pe, pe + " bigram")
                for c, _ in QUERIES + [("word", WORD_QUERIES)])
    print("targets: paperext finds exactly the ground-truth rows for every query: %s" % ("yes" if exact else "NO"))
    for label in (pe, pe + " bigram"):
        print("  %-16s index %.2fx trigram (target <= 0.45): %s;  build %.2fx unicode61 (target <= 1.3): %s" % (
            label, size[label] / size["trigram"], "ok" if size[label] <= 0.45 * size["trigram"] else "MISSED",
            build[label] / build["unicode61"], "ok" if build[label] <= 1.3 * build["unicode61"] else "MISSED"))


if __name__ == "__main__":
    main()
