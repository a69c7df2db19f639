"""grammar.py: the adversarial input shapes of the complexity test.

The tokens a parser treats specially are read from the parser itself: every
character literal ('[', '#'), every short string literal ("://", "and ",
"\\xE3\\x80\\x90"), each punctuation character of a string literal (strchr
sets such as "([{<\\"',;:|*") and every code point written in hex (0x3010)
in the cores of ext/<module>/ (not its SQLite binding, not its generated
tables), and in the cores of the modules it includes ('#include
"tags/tags.h"').  A new parser, or a new token in an old one, gets its
shapes without anyone listing them.  A token that opens or closes a bracket
pair of PAIRS brings the pair.  COMMON_TOKENS (the openers, closers and
separators the issue names) go to every module, and GENERIC holds the
shapes every argument gets: long words, separators, lines, headings, list
items, invalid UTF-8, CJK, combining marks, years, author lists, DOI
escapes, tags.

A shape is a list of pieces (bytes, repeat): repeat 0 is written once,
repeat r is written r*k times, and a piece whose bytes hold '%d' is
written with its index (distinct tags: '#t0 #t1 ...').  The test measures
a shape at the k that makes about n bytes and at 4k.
"""
import glob
import os
import re

# Bracket pairs a parser may match: one of them among a module's tokens
# brings the pair.
PAIRS = [
    ('(', ')'), ('[', ']'), ('{', '}'), ('<', '>'), ('"', '"'), ("'", "'"),
    ('`', '`'), ('*', '*'), ('**', '**'), ('_', '_'), ('$', '$'), ('$$', '$$'),
    ('|', '|'), ('\\(', '\\)'), ('\\[', '\\]'),
    ('【', '】'), ('〔', '〕'), ('〖', '〗'), ('［', '］'), ('（', '）'),
    ('「', '」'), ('『', '』'), ('《', '》'), ('〈', '〉'), ('〘', '〙'),
    ('〚', '〛'), ('｛', '｝'), ('“', '”'), ('‘', '’'), ('«', '»'),
    ('[[', ']]'), ('![', ']'),
]

# Tokens every module gets, whether or not its source names them.
COMMON_TOKENS = ['【', '】', '[', ']', '{', '}', '(', ')', '#', '$', '\\', '@',
                 '"', "'", '`', '*', '_', '<', '>', '|', ',', ';', '/', ':',
                 '.', '-', '=', '%', '&', '~', '^', '+', '!', '?', '，', '、',
                 '；', '：', '。', '＃', '\n', '\r', '\t', ' ', '\u3000']


def _u(s):
    return s.encode() if isinstance(s, str) else s


class Shape:
    def __init__(self, *pieces):
        self.pieces = [(_u(b), r) for b, r in pieces]

    def per_k(self):
        """Bytes added per unit of k."""
        return sum(len(b) * r for b, r in self.pieces) or 1

    def bytes(self, k):
        out = []
        for b, r in self.pieces:
            if r == 0:
                out.append(b)
            elif b'%d' in b:
                out.extend(b.replace(b'%d', str(i).encode()) for i in range(r * k))
            else:
                out.append(b * (r * k))
        return b''.join(out)

    def encode(self, k):
        """The driver's piece list (driver.c): hex, '*' and a count, '%' for counted."""
        parts = []
        for b, r in self.pieces:
            if r == 0:
                parts.append(b.hex())
            else:
                parts.append(('%' if b'%d' in b else '') + b.hex() + '*%d' % (r * k))
        return 'p' + '+'.join(parts)


def rep(unit, prefix=b'', suffix=b''):
    """unit k times, between a prefix and a suffix."""
    return Shape((prefix, 0), (unit, 1), (suffix, 0))


T = b' Title Words'


def _generic():
    g = {
        'long word': rep('a'),
        'long upper word': rep('A'),
        'words': rep('word '),
        'title words': rep('Deep Learning '),
        'spaces': rep(' '),
        'tabs': rep('\t'),
        'newlines': rep('\n'),
        'lines': rep('a\n'),
        'blank lines': rep('a\n\n'),
        'crlf lines': rep('Title Words\r\n'),
        'cr': rep('\r'),
        'nul bytes': rep('a\0'),
        'cjk run': rep('中'),
        'cjk words': rep('中文 '),
        'cjk punctuation': rep('，。'),
        'hangul run': rep('한'),
        'combining marks': rep('\u0301', 'e'),
        'accented letters': rep('e\u0301'),
        'emoji': rep('\U0001F600'),
        'invalid 0xff': rep(b'\xff'),
        'invalid lead 0xc3': rep(b'\xc3'),
        'invalid continuation': rep(b'\x80'),
        'truncated 3-byte': rep(b'\xe3\x80'),
        'invalid after letter': rep(b'a\xff'),
        'surrogate bytes': rep(b'\xed\xa0\x80'),
        'digits': rep('1'),
        'years': rep('2020 '),
        'glued years': rep('nips2020'),
        'acronym years': rep('CVPR 2021, '),
        'ordinals': rep('33rd '),
        'and runs': rep('A and '),
        'author list': rep('Kaiming He, '),
        'initials': rep('A. B. '),
        'percent run': rep('%'),
        'percent digit': rep('%2'),
        'percent escapes': rep('%28'),
        'doi prefixes': rep('10.1000/'),
        'dois in text': rep('doi:10.1000/a '),
        'arxiv ids': rep('arXiv:2001.00001v1 '),
        'urls': rep('http://x.org/ '),
        'url path': rep('/a', 'http://x.org'),
        'dotted': rep('a.'),
        'headings': rep('# Heading\n'),
        'deep headings': rep('###### h\n'),
        'heading markers': rep('#', '', ' h\n'),
        'list items': rep('- Title Words\n'),
        'task items': rep('- [x] Title Words\n'),
        'numbered items': rep('1. Title Words\n'),
        'long list line': rep('Word ', '- '),
        'long link line': rep('Word ', '- [T](http://x.org) '),
        'link items': rep('- [Title Words](http://x.org/a) #tag\n'),
        'indented notes': rep('  note text\n', 'Title Words\n'),
        'title lines': rep('Deep Residual Learning\n'),
        'titles and notes': rep('Deep Residual Learning\nA note here.\n\n'),
        'open sentences': rep('trains on the data and\n', 'Title Words\n'),
        'venue lines': rep('CVPR 2021\n'),
        'venue headings': rep('## NeurIPS 2020\n'),
        'caption lines': rep('【图】-caption\n'),
        'chinese notes': rep('这是笔记\n', 'Title Words\n'),
        'links': rep('[a](http://x.org) '),
        'unclosed links': rep('[a](x '),
        'fences': rep('```\n'),
        'separators': rep('---\n'),
        'quote markers': rep('> '),
        'hashtags': rep('#tag '),
        'bracket tags': rep('[tag] '),
        'cjk tags': rep('【标签】'),
        'tag list': rep('tag, '),
        'tags after a link': rep('【tag】', '- [Title](http://x.org) '),
        'bibtex entries': rep('@misc{k, title={T}}\n'),
        'bibtex fields': rep('a={b},', '@misc{k,', '}'),
        'bibtex entries with invalid bytes': rep(b'@misc{k, t={\xe9}} '),
        'invalid bytes around @': rep(b'\xb7@a\xad'),
        'latex commands': rep('\\alpha '),
        'latex accents': rep('\\"o'),
        'latex groups': rep('{a}'),
        'math': rep('$x$ '),
        'distinct hashtags': rep('#t%d '),
        'distinct bracket tags': rep('[t%d] '),
        'distinct cjk tags': rep('【t%d】'),
        'distinct list tags': rep('t%d, '),
        'distinct headings': rep('# h%d\n'),
        'distinct entries': rep('- [Paper %d](http://x.org/) #t\n  note\n'),
    }
    return g


GENERIC = _generic()

_LIT = re.compile(r'''/\*.*?\*/|//[^\n]*|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)+)'|\b0[xX]([0-9a-fA-F]{4,6})\b''', re.S)
_ESC = {'n': b'\n', 't': b'\t', 'r': b'\r', '\\': b'\\', "'": b"'", '"': b'"',
        'a': b'\a', 'b': b'\b', 'f': b'\f', 'v': b'\v', '?': b'?'}


def _unescape(s):
    out, i = bytearray(), 0
    while i < len(s):
        if s[i] != '\\':
            out += s[i].encode()
            i += 1
            continue
        d = s[i+1]
        if d == 'x':
            m = re.match(r'[0-9a-fA-F]{1,2}', s[i+2:])
            out.append(int(m.group(0), 16))
            i += 2 + len(m.group(0))
        elif d in '01234567':
            m = re.match(r'[0-7]{1,3}', s[i+1:])
            out.append(int(m.group(0), 8) & 255)
            i += 1 + len(m.group(0))
        else:
            out += _ESC.get(d, d.encode())
            i += 2
    return bytes(out)


def _core_files(root, module):
    return [f for f in sorted(glob.glob(os.path.join(root, 'ext', module, '*.[ch]')))
            if not f.endswith('_sql.c') and '_generated' not in f]


def module_uses(root, module):
    """The modules whose headers the module's cores include."""
    used = set()
    for f in _core_files(root, module):
        for m in re.finditer(r'#include\s+"([a-z]+)/', open(f, encoding='utf-8', errors='replace').read()):
            if m.group(1) not in ('common', 'sqlite', module):
                used.add(m.group(1))
    return sorted(used)


# An initializer of many strings ({ "a", "about", ... }) is a table a parser
# looks words up in (function words, month names, archives): the words are
# data, not syntax, and two of them stand for the rest.
_TABLE = re.compile(r'=\s*\{((?:[^{};]|\{[^{}]*\})*)\}\s*;', re.S)
_TABLE_MIN = 6


def _table_spans(src):
    """Spans of src inside string tables, but for their first and last string."""
    spans = []
    for m in _TABLE.finditer(src):
        lits = [x for x in _LIT.finditer(m.group(1)) if x.group(1) is not None]
        if len(lits) >= _TABLE_MIN:
            spans.append((m.start(1) + lits[0].end(), m.start(1) + lits[-1].start()))
    return spans


def module_tokens(root, module):
    """The tokens named in the module's cores (bytes)."""
    toks = set()
    for f in _core_files(root, module):
        src = open(f, encoding='utf-8', errors='replace').read()
        skip = _table_spans(src)
        for m in _LIT.finditer(src):
            if any(a <= m.start() < b for a, b in skip):
                continue
            s, c, h = m.groups()
            if s is not None:
                if src[max(0, m.start()-12):m.start()].rstrip().endswith('include'):
                    continue
                b = _unescape(s)
                if 0 < len(b) <= 12 and b'%' not in b.replace(b'%%', b''):
                    toks.add(b)
                if len(b) <= 24:
                    try:
                        chars = b.decode()
                    except UnicodeDecodeError:
                        chars = ''
                    # the punctuation of a set ("([{<"); its letters make words
                    toks.update(ch.encode() for ch in chars if not ch.isalnum() and ch != ' ')
            elif c is not None:
                toks.add(_unescape(c))
            elif h is not None:
                v = int(h, 16)
                if 0xA0 <= v <= 0x10FFFF and not 0xD800 <= v <= 0xDFFF and (v & 0xFFFE) != 0xFFFE:
                    toks.add(chr(v).encode())
    toks.discard(b'')
    return toks


def tokens_for(root, module):
    """A module's tokens with those of the modules it uses and COMMON_TOKENS."""
    toks = set(_u(t) for t in COMMON_TOKENS)
    for m in [module] + module_uses(root, module):
        toks |= module_tokens(root, m)
    return toks


def _is_word(t):
    try:
        s = t.decode()
    except UnicodeDecodeError:
        return False
    core = s.strip().replace('-', '').replace('_', '').replace(' ', '')
    return core.isalnum() and not (len(core) == 1 and s == core and not s.isascii())


def token_shapes(t):
    """The shapes of one token."""
    r = repr(t.decode('utf-8', 'backslashreplace'))
    if _is_word(t):
        # a word the parser looks up ('and', 'Workshop'): many of it
        return {'word %s spaced' % r: rep(t + b' ')}
    return {
        '%s run' % r: rep(t),                       # 【【【【
        '%s before words' % r: rep(t + b'a '),      # 【a 【a 【a
        '%s leads lines' % r: rep(t + T + b'\n'),   # 【 Title Words\n 【 Title Words\n
    }


def pair_shapes(o, c):
    o, c = _u(o), _u(c)
    r = repr((o + b'..' + c).decode())
    return {
        '%s nested' % r: Shape((o, 1), (b'a', 0), (c, 1)),
        '%s siblings' % r: rep(o + b'a' + c),
        '%s unclosed' % r: rep(o + b'a '),
        '%s reversed' % r: rep(c + b'a' + o),
        '%s after a title' % r: rep(o + b'tag' + c + b' ', b'Title Words '),
    }


def shapes_for(root, module):
    """{name: Shape} for an argument the module parses: GENERIC, its tokens, its pairs."""
    shapes = dict(GENERIC)
    toks = tokens_for(root, module)
    for t in sorted(toks):
        shapes.update(token_shapes(t))
    for o, c in PAIRS:
        if _u(o) in toks or _u(c) in toks:
            shapes.update(pair_shapes(o, c))
    return shapes
