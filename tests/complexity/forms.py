"""forms.py: what the complexity test runs for each row of the catalog.

A Group is one prepared query with ?1 in the place of the argument that
grows, the other arguments fixed (args.txt), and the shapes ?1 takes.
"""
import os
import re
import subprocess

import grammar

HERE = os.path.dirname(os.path.abspath(__file__))


class Group:
    def __init__(self, key, label, sql, shapes, setup=None, cleanup=None):
        self.key = key          # the catalog row: 'name/narg' or the table's name
        self.label = label      # which argument, which query
        self.sql = sql
        self.shapes = shapes    # {name: grammar.Shape}
        self.setup = setup      # SQL run once before (the tokenizer's table)
        self.cleanup = cleanup  # SQL run after each query (not counted)


def catalog(driver, so):
    """The rows of paperext_functions, as dicts."""
    out = subprocess.run([driver, so, '-e',
                          'SELECT name, kind, narg, signature, module FROM paperext_functions'],
                         check=True, capture_output=True).stdout.decode()
    rows = []
    for line in out.split('\n'):       # (not splitlines: the separators are control bytes)
        if line:
            name, kind, narg, sig, module = line.split('\x1f')
            rows.append(dict(name=name, kind=kind, narg=None if narg == '\x1e' else int(narg),
                             sig=sig, module=module))
    return rows


def row_key(row):
    return '%s/%d' % (row['name'], row['narg']) if row['kind'] in ('scalar', 'aggregate') else row['name']


def signature_args(sig):
    """'f(a, b[, c]) -> x' -> (['a', 'b', 'c'], 2 required)."""
    m = re.match(r'[^(]*\((.*?)\)\s*(->|$)', sig)
    inner = m.group(1) if m else ''
    req = inner.split('[')[0]
    names = [a.strip() for a in re.split(r'[,\[\]]', inner) if a.strip()]
    return names, len([a for a in req.split(',') if a.strip()])


def split_sql_list(s):
    """Split SQL literals at the commas outside quotes."""
    items, cur, q = [], '', None
    for ch in s:
        if q:
            cur += ch
            if ch == q:
                q = None
        elif ch in "'\"":
            q = ch
            cur += ch
        elif ch == ',':
            items.append(cur.strip())
            cur = ''
        else:
            cur += ch
    if cur.strip():
        items.append(cur.strip())
    return items


def read_args(path=os.path.join(HERE, 'args.txt')):
    """{key: [form]}, a form a list of (SQL value, mark) with mark '', '*' or '!'."""
    forms = {}
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        key, _, vals = line.partition(':')
        forms.setdefault(key.strip(), []).append(
            [(v[1:].strip(), v[0]) if v[0] in '*!' else (v, '') for v in split_sql_list(vals)])
    return forms


def groups_for(row, forms, module_shapes):
    """The Groups of one catalog row; a string when it has none (why), None
    when it needs a line of args.txt that is missing."""
    name, kind, key = row['name'], row['kind'], row_key(row)
    names, nreq = signature_args(row['sig'])
    if kind == 'tokenizer':
        return [Group(key, 'text', 'INSERT INTO temp.cx_fts VALUES(?1)', module_shapes(row['module']),
                      setup="CREATE VIRTUAL TABLE temp.cx_fts USING fts5(x, tokenize='%s')" % name,
                      cleanup='DELETE FROM temp.cx_fts')]
    if (kind != 'table' and row['narg'] == 0) or (kind == 'table' and not names):
        return 'no argument: nothing grows'
    fl = forms.get(key)
    if fl is None:
        if (row['narg'] if kind != 'table' else nreq) != 1:
            return None
        fl = [[("''", '')]]
    out = []
    for form in fl:
        for pos, (_, mark) in enumerate(form):
            if mark == '!':
                continue
            vals = [v for v, _ in form]
            vals[pos] = '?1'
            args = ', '.join(vals)
            shapes = grammar.GENERIC if mark == '*' else module_shapes(row['module'])
            arg = names[pos] if pos < len(names) else 'arg%d' % (pos + 1)
            where = '%s (of %d)' % (arg, len(form)) if len(form) > 1 else arg
            if kind == 'table':
                out.append(Group(key, where + ', every column', 'SELECT * FROM %s(%s)' % (name, args), shapes))
                out.append(Group(key, where + ', count(*)', 'SELECT count(*) FROM %s(%s)' % (name, args), shapes))
            else:
                out.append(Group(key, where, 'SELECT %s(%s)' % (name, args), shapes))
    if kind == 'aggregate':
        # over k rows (k = the length of ?1): the same tag, distinct tags, JSON arrays
        rows = {'rows': grammar.rep('x')}
        cte = 'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<length(?1)) '
        out.append(Group(key, 'rows, the same tag', cte + "SELECT %s('#t') FROM c" % name, rows))
        out.append(Group(key, 'rows, distinct tags', cte + "SELECT %s('#t' || i) FROM c" % name, rows))
        out.append(Group(key, 'rows, JSON arrays', cte + """SELECT %s('["t' || i || '","u"]') FROM c""" % name, rows))
    return out
