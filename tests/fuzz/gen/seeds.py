#!/usr/bin/python3
"""Write the seed corpora of the core harnesses (tests/fuzz/corpus/<name>/)
from the string literals of the SQL tests: the tests' own inputs.

    /usr/bin/python3 tests/fuzz/gen/seeds.py
"""
import os, re, hashlib

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', '..')
LIT = re.compile(r"'((?:[^']|'')*)'", re.S)

def literals(test, calls=None, limit=40):
    text = open(os.path.join(ROOT, 'tests', 'sql', test), encoding='utf-8').read()
    out = []
    for stmt in re.split(r'\n---\n', text):
        for m in LIT.finditer(stmt):
            s = m.group(1).replace("''", "'")
            if calls and not any(c in stmt[max(0, m.start()-40):m.start()] for c in calls):
                continue
            if s and s not in out:
                out.append(s)
    return out[:limit]

def write(name, seeds):
    d = os.path.join(ROOT, 'tests', 'fuzz', 'corpus', name)
    os.makedirs(d, exist_ok=True)
    for s in seeds:
        b = s if isinstance(s, bytes) else s.encode('utf-8')
        open(os.path.join(d, hashlib.sha1(b).hexdigest()[:16]), 'wb').write(b)

tags = literals('tags.test')
write('tags', [bytes([i % 2]) + t.encode() for i, t in enumerate(tags)])
titles = literals('title.test')
write('title', [a.encode() + b'\0' + b.encode() for a, b in zip(titles, titles[1:] + titles[:1])])
write('ident', literals('ident.test'))
venues = literals('venue.test')
write('venue', [bytes([i % 4]) + v.encode() for i, v in enumerate(venues)])
pats = literals('regex.test', ['regexp', 'regex_'], 80)
regex = []
for i in range(0, len(pats) - 2, 2):
    regex.append(bytes([i % 16]) + pats[i].encode() + b'\0$1-${0}' + b'\0' + pats[i+1].encode())
write('regex', regex[:40])
write('latex', literals('bibtex.test', ['latex_to_unicode']) + literals('title.test', None, 10))
fts = literals('fts.test', None, 40)
write('fts', [bytes([i % 16, 0]) + t.encode() for i, t in enumerate(fts)])
# fold: byte 0 picks the options; texts that compose, reorder and case-fold
marks = ['e\u0301\u0323 \u1eb9\u0301', '\uac00\u11a8 \u1100\u1161\u11a8', '\uff76\uff9e \u304b\u3099',
         '\u0345\u0301\u0323a', '\u2126 \u212b \u212a \u01c5 \u1e9e', '\u3300 \uf900']
write('fold', [bytes([i % 5]) + t.encode() for i, t in
               enumerate(literals('title.test', None, 20) + literals('fts.test', None, 20) + marks)])
# slow: byte 0 the catalog entry, byte 1 the argument that grows and nesting,
# then a unit the harness repeats (fuzz_slow.c); one seed per entry, the
# units the openers, separators and words that parsers look ahead from
units = ['\u3010', '[a](', '#t ', 'a and ', '{', 'NeurIPS 2020\n', '%2', '$', '\\', '`a ',
         '[[a]]', '# h\n', '- [x] T\n', '\u3010a\u3011', 'x, ', '(', '"', '<', '*a', '\u4e2d']
write('slow', [bytes([i, (i * 5) & 0x1f]) + units[i % len(units)].encode() for i in range(64)])
