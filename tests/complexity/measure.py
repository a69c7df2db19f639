"""measure.py: instruction counts of queries, from callgrind (driver.c).

measure(runs, ...) takes runs (group index, Group, shape name, Shape, k)
and returns {(group index, shape name, k): (instructions, bytes)}, plus
{group index: instructions} for each group's query on an empty argument.
The runs are dealt into chunks, each one driver process under callgrind;
`jobs` of them run side by side.  Each chunk's callgrind file is read and
deleted when its process ends.
"""
import os
import re
import shutil
import subprocess
import tempfile
import threading

CHUNK = 3000            # runs per driver process


def _write_cases(path, chunk):
    """The driver's case file for a chunk; the key of each measured query, in order."""
    keys = []
    with open(path, 'w') as f:
        prepared = set()
        for gi, g, sname, shape, k in chunk:
            if gi not in prepared:
                prepared.add(gi)
                if g.setup:
                    f.write('S %s\n' % g.setup.encode().hex())
                f.write('P %d %s\n' % (gi, g.sql.encode().hex()))
                if g.cleanup:
                    f.write('P %d %s\n' % (_cleanup_id(gi), g.cleanup.encode().hex()))
                # the fixed cost: warm (caches), then counted on an empty argument
                f.write('W %d x\n' % gi)
                _cleanup(f, g, gi)
                f.write('M b%d %d x\n' % (gi, gi))
                keys.append(('base', gi))
                _cleanup(f, g, gi)
            if shape is None:
                continue
            f.write('M r%d %d %s\n' % (len(keys), gi, shape.encode(k)))
            keys.append((gi, sname, k, len(shape.bytes(k))))
            _cleanup(f, g, gi)
    return keys


def _cleanup_id(gi):
    return 4095 - gi % 64


def _cleanup(f, g, gi):
    if g.cleanup:
        f.write('W %d\n' % _cleanup_id(gi))


_FN = re.compile(r'^c?fn=\((\d+)\)(?: (\S+))?')


def _parse_dumps(path):
    """[instructions of measured query m] from callgrind's combined dumps: in
    the part named w<window>, the cost of the call to slot_XX is that of
    query 256*window + XX (driver.c)."""
    counts, names, window, slot, expect = {}, {}, None, None, False
    with open(path, errors='replace') as f:
        for line in f:
            if line.startswith('desc: Trigger: Client Request: w'):
                window = int(line.rsplit('w', 1)[1])
            elif line.startswith('fn=') or line.startswith('cfn='):
                m = _FN.match(line)       # (a name is given once, then its number)
                if m and m.group(2):
                    names[m.group(1)] = m.group(2)
                name = names.get(m.group(1), '') if m and line[0] == 'c' else ''
                slot = int(name[5:], 16) if name.startswith('slot_') else None
                expect = False
            elif line.startswith('calls='):
                expect = slot is not None
            elif expect:
                if window is not None:
                    counts[256 * window + slot] = int(line.split()[-1])
                expect, slot = False, None
    return counts


def _run_chunk(chunk, tmp, n, driver, so, native):
    cases, out = os.path.join(tmp, 'c%d.cases' % n), os.path.join(tmp, 'c%d.cg' % n)
    keys = _write_cases(cases, chunk)
    if native:
        cmd = [driver, '-t', so, cases]
    else:
        cmd = ['valgrind', '--tool=callgrind', '--collect-atstart=no', '--combine-dumps=yes',
               '--dump-instr=no', '--dump-line=no', '--callgrind-out-file=' + out, driver, so, cases]
    p = subprocess.run(cmd, capture_output=True)
    err = None if p.returncode == 0 else p.stderr.decode(errors='replace')[-2000:]
    if native:
        counts = {}
        for m, line in enumerate(x for x in p.stdout.decode().split('\n') if x):
            counts[m] = int(float(line.split()[1]) * 1e9)      # nanoseconds
    else:
        counts = _parse_dumps(out) if os.path.exists(out) else {}
    for f in (cases, out):
        if os.path.exists(f):
            os.remove(f)
    return keys, counts, err


def measure(runs, driver, so, jobs=2, native=False):
    """Counts of every run; (results, bases, errors)."""
    # a chunk holds whole groups (their prepared statement and base)
    bygroup = {}
    for r in runs:
        bygroup.setdefault(r[0], []).append(r)
    chunks, cur = [], []
    for gi in sorted(bygroup, key=lambda gi: -len(bygroup[gi])):
        cur += bygroup[gi]
        if len(cur) >= CHUNK:
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)
    results, bases, errors = {}, {}, []
    lock = threading.Lock()
    tmp = tempfile.mkdtemp(prefix='complexity.')

    def worker():
        while True:
            with lock:
                if not chunks:
                    return
                n = len(chunks)
                chunk = chunks.pop(0)
            keys, counts, err = _run_chunk(chunk, tmp, n, driver, so, native)
            with lock:
                if err:
                    errors.append(err)
                for m, what in enumerate(keys):
                    if m not in counts:
                        continue
                    if what[0] == 'base':
                        bases[what[1]] = counts[m]
                    else:
                        gi, sname, k, nbytes = what
                        results[(gi, sname, k)] = (counts[m], nbytes)
    try:
        threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results, bases, errors
