#!/usr/bin/python3
"""bench_venue.py: venue accuracy on the labeled set, and venue_norm speed.

    /usr/bin/python3 tests/bench/bench_venue.py [./paperext.so] [rows]

Accuracy: every row of tests/data/venues_labeled.tsv and tests/data/venues_fresh.tsv
through the SQL functions (right = acronym, year and kind all equal the hand label).
Speed: ROWS (default 1,000,000) raw venue strings drawn with a fixed seed from
the labeled set, in one in-memory table; SELECT count(f(x)) FROM t timed for
lower(x) (the floor), venue_norm(x) and venue_parse(x), interleaved, best of 3
(process CPU time).  Then the same on the rows made all different, where the
per-connection memo of recent results cannot help.
"""
import random, sqlite3, sys, time

EXT = sys.argv[1] if len(sys.argv) > 1 else './paperext.so'
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
LABELED = 'tests/data/venues_labeled.tsv'
SETS = (LABELED, 'tests/data/venues_fresh.tsv')


def read_set(path):
    out = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t')
        out.append((f[0], f[1] or None, int(f[2]) if f[2] else None, f[3] or None))
    return out


db = sqlite3.connect(':memory:')
db.enable_load_extension(True)
db.load_extension(EXT)

for path in SETS:
    right = n_acr = n_year = n_kind = 0
    labeled = read_set(path)
    for raw, acr, year, kind in labeled:
        a, y, k = db.execute('SELECT venue_norm(?), venue_year(?), venue_kind(?)', (raw, raw, raw)).fetchone()
        n_acr += a == acr
        n_year += y == year
        n_kind += k == kind
        right += (a, y, k) == (acr, year, kind)
    n = len(labeled)
    print('accuracy on %s: %d/%d rows right (%.1f%%); acronym %.1f%%, year %.1f%%, kind %.1f%%'
          % (path, right, n, 100.0 * right / n, 100.0 * n_acr / n, 100.0 * n_year / n, 100.0 * n_kind / n))
rows = read_set(LABELED)

rnd = random.Random(4)
raws = [r[0] for r in rows]
db.execute('CREATE TABLE t(x TEXT)')
db.executemany('INSERT INTO t VALUES (?)', ((rnd.choice(raws),) for _ in range(ROWS)))

def timed(expr, table='t'):
    # CPU time of this process: the machine is shared, and wall time there
    # mostly measures the other processes.
    t0 = time.process_time()
    db.execute('SELECT count(%s) FROM %s' % (expr, table)).fetchone()
    return time.process_time() - t0

# The same rows made all different (' ' and the row number appended), so that
# the per-connection memo of recent results never answers: the parser's own speed.
db.execute("CREATE TABLE u AS SELECT x || ' ' || rowid AS x FROM t")

exprs = ['lower(x)', 'venue_norm(x)', 'venue_parse(x)']
for table, title in (('t', 'drawn from the labeled set (venues repeat, as in real lists)'),
                     ('u', 'all different (the parser alone, no memo hits)')):
    best = {e: float('inf') for e in exprs}
    for _ in range(3):
        for e in exprs:
            best[e] = min(best[e], timed(e, table))
    print('speed over %d rows %s, avg %.0f chars, best of 3:'
          % (ROWS, title, db.execute('SELECT avg(length(x)) FROM %s' % table).fetchone()[0]))
    for e in exprs:
        print('  %-16s %7.3f s  %6.0f ns/row  %5.2fx lower(x)'
              % (e, best[e], best[e] / ROWS * 1e9, best[e] / best['lower(x)']))
    ratio = best['venue_norm(x)'] / best['lower(x)']
    print('  venue_norm / lower = %.2fx (target <= 5x): %s' % (ratio, 'ok' if ratio <= 5 else 'OVER TARGET'))
