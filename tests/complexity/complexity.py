#!/usr/bin/python3
"""complexity.py: no function of paperext may cost more than n log n.

    /usr/bin/python3 tests/complexity/complexity.py [options]
      --only NAME[,NAME]   these functions only (default: the whole catalog)
      --shapes REGEX       the shapes whose name matches only
      --bytes N            the size n of an input, in bytes (default 1024)
      --jobs J             driver processes side by side (default 2)
      --so PATH            the extension to load (default ./paperext.so)
      --all                print every pair, not only the worst per function
      --native             time the runs natively instead (no verdict; a quick look)
      --confirm K          measure again only the K fastest-growing pairs of a
                           function (the others over the limit fail as they are);
                           for code known to be quadratic, where 16n is slow

For every scalar, aggregate and table-valued function and the tokenizer of
the catalog (paperext_functions), each argument in turn takes every shape
of grammar.py (tokens read from the parser of the function's module), at
about n and 4n bytes, while the other arguments keep their values of
args.txt (forms.py).  valgrind's callgrind counts the instructions of each
query (driver.c switches counting on around it: measure.py), so the counts
do not depend on the machine's load.  The cost of an input is its count
less the count of the same query on an empty argument (the fixed cost);
its growth is cost(4n) / cost(n): linear work gives 4, n log n a little
more.  A cost under FLOOR instructions counts as FLOOR (a query that does
next to nothing cannot fail by noise).

A pair over LIMIT is measured again at 4n and 16n: it fails when it grows
more than LIMIT times there too.  Superlinear work keeps growing faster in
every window; a function that reads only part of a short input (the first
64 words of a name, a pattern refused before it is read) and all of a long
one grows fast once, then linearly, and passes.

A table runs twice, reading every column of every row and as count(*)
(tables skip work for columns not read); the aggregate also runs over n and
4n rows; the tokenizer inserts into an FTS5 table.  A function without
arguments has no input to grow and is listed as such.

Prints the worst ratio per function and the pairs that failed; the last
line is 'complexity: N passed, N failed', one count per catalog row.
"""
import argparse
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import forms     # noqa: E402
import grammar   # noqa: E402
import measure   # noqa: E402

LIMIT = 6.0
FLOOR = 20000
DRIVER = os.path.join(ROOT, 'build/plain/complexity_driver')


def growth(results, bases, gi, sname, k1, k2, floor):
    """cost(k2)/cost(k1) above the group's fixed cost, or None; and the costs."""
    a, b = results.get((gi, sname, k1)), results.get((gi, sname, k2))
    if a is None or b is None or gi not in bases:
        return None, None, None
    c1, c2 = a[0] - bases[gi], b[0] - bases[gi]
    return max(c2, floor) / max(c1, floor, 1), a, b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--only')
    ap.add_argument('--shapes')
    ap.add_argument('--bytes', type=int, default=1024)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--so', default=os.path.join(ROOT, 'paperext.so'))
    ap.add_argument('--all', action='store_true')
    ap.add_argument('--native', action='store_true')
    ap.add_argument('--confirm', type=int, default=0)
    a = ap.parse_args()
    t0 = time.time()
    args = forms.read_args()
    cache = {}

    def module_shapes(module):
        if module not in cache:
            cache[module] = grammar.shapes_for(ROOT, module)
        return cache[module]

    only = set(a.only.split(',')) if a.only else None
    order, verdict, groups = [], {}, []
    for row in forms.catalog(DRIVER, a.so):
        if only and row['name'] not in only:
            continue
        key = forms.row_key(row)
        order.append(key)
        gs = forms.groups_for(row, args, module_shapes)
        if gs is None:
            verdict[key] = 'FAIL: more than one argument and no line in tests/complexity/args.txt'
        elif isinstance(gs, str):
            verdict[key] = gs
        else:
            groups += gs

    # pass 1: every shape at n and 4n
    runs, ks = [], {}
    for gi, g in enumerate(groups):
        for sname, shape in sorted(g.shapes.items()):
            if a.shapes and not re.search(a.shapes, sname):
                continue
            k = max(1, round(a.bytes / shape.per_k()))
            ks[(gi, sname)] = k
            runs += [(gi, g, sname, shape, k), (gi, g, sname, shape, 4 * k)]
    results, bases, errors = measure.measure(runs, DRIVER, a.so, a.jobs, a.native)
    floor = 0 if a.native else FLOOR
    pairs = {}
    for (gi, sname), k in ks.items():
        r, c1, c4 = growth(results, bases, gi, sname, k, 4 * k, floor)
        pairs[(gi, sname)] = [r, c1, c4, None]

    # pass 2: what grew too fast, again at 4n and 16n
    again = [(gi, sname) for (gi, sname), p in pairs.items() if p[0] is not None and p[0] > LIMIT]
    if a.confirm:
        again.sort(key=lambda x: -pairs[x][0])
        seen = {}
        for x in list(again):
            key = groups[x[0]].key
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > a.confirm:
                again.remove(x)
    if again and not a.native:
        runs = []
        for gi, sname in again:
            k = ks[(gi, sname)]
            runs += [(gi, groups[gi], sname, groups[gi].shapes[sname], 4 * k),
                     (gi, groups[gi], sname, groups[gi].shapes[sname], 16 * k)]
        res2, bases2, err2 = measure.measure(runs, DRIVER, a.so, a.jobs)
        errors += err2
        for gi, sname in again:
            k = ks[(gi, sname)]
            r2, _, c16 = growth(res2, bases2, gi, sname, 4 * k, 16 * k, floor)
            pairs[(gi, sname)][3] = (r2, c16)
    for e in errors:
        print('driver failed:', e)

    # the verdict: a pair's growth is its second window's when it has one
    worst, failed, missing = {}, [], 0
    for (gi, sname), (r1, c1, c4, second) in sorted(pairs.items()):
        g = groups[gi]
        if r1 is None or (second is not None and second[0] is None):
            missing += 1
            continue
        if second is None and r1 > LIMIT:
            second = (r1, c4, 'not measured again')   # (--confirm): fails as it is
        r = r1 if second is None else second[0]
        if a.all:
            print('  %-24s %-34s %-44s %7.2f%s' % (g.key, g.label, sname, r1,
                                                  '' if second is None else ' then %.2f' % second[0]))
        if g.key not in worst or r > worst[g.key][0]:
            worst[g.key] = (r, g.label, sname, r1, second)
        if r > LIMIT:
            failed.append((g.key, g.label, sname, r1, c1, c4, second))
    unit = 'ns' if a.native else 'instructions'
    print('worst growth per function, cost(4n)/cost(n) (%s above the empty input; n = %d bytes; limit %.0f):'
          % (unit, a.bytes, LIMIT))
    npass = nfail = 0
    for key in order:
        if key in worst:
            r, label, sname, r1, second = worst[key]
            note = ('' if second is None else '  (%.2f from n to 4n, %s)' % (r1, second[2])
                    if len(second) > 2 else '  (%.2f from n to 4n, %.2f from 4n to 16n)' % (r1, second[0]))
            print('  %-24s %6.2f  %-34s %s%s' % (key, r, label, sname, note))
            npass += r <= LIMIT
            nfail += r > LIMIT
        else:
            v = verdict.get(key, 'FAIL: not measured')
            print('  %-24s %6s  %s' % (key, '-', v))
            npass += not v.startswith('FAIL')
            nfail += v.startswith('FAIL')
    if failed:
        print('superlinear (growth over %.0f, from n to 4n and from 4n to 16n):' % LIMIT)
        for key, label, sname, r1, c1, c4, second in sorted(failed, key=lambda x: -x[6][0]):
            if len(second) > 2:
                print('  %s [%s] %s: %.1f, %s (%d bytes: %d, %d bytes: %d instructions)'
                      % (key, label, sname, r1, second[2], c1[1], c1[0], c4[1], c4[0]))
                continue
            print('  %s [%s] %s: %.1f then %.1f (%d bytes: %d, %d bytes: %d, %d bytes: %d instructions)'
                  % (key, label, sname, r1, second[0], c1[1], c1[0], c4[1], c4[0], second[1][1], second[1][0]))
    if missing or errors:
        print('%d pairs not measured' % missing)
        nfail += 1
    print('%d queries, %d shapes, %d measured again, in %.0f s' % (len(groups), len(pairs), len(again), time.time() - t0))
    if a.native:
        print('(native timings: no verdict)')
        return 0
    print('complexity: %d passed, %d failed' % (npass, nfail))
    return 1 if nfail else 0


if __name__ == '__main__':
    sys.exit(main())
