#!/usr/bin/python3
"""gen_venues.py: build ext/venue/venue_catalog_generated.c from the data in ext/venue/data/.

    /usr/bin/python3 ext/venue/gen/gen_venues.py      (or: make generate)

Inputs (all in ext/venue/data/, see ext/venue/data/NOTICE for their origin and licence):
  venue_words.tsv            word normalization (stems, fillers, number words)
  venue_aliases.tsv          hand-checked venues with aliases, edition rules, proceedings titles
  journal_acronyms.tsv       journals that name themselves by an acronym (MedIA, TOCHI)
  ieee/IEEEfull.bib, ieee/IEEEabrv.bib
                             IEEE journals: full names, IEEE abbreviations, and the IEEE's codes
                             (the @STRING names) that give IEEE Transactions their acronyms
  editions.tsv               edition -> year of conferences with irregular or unruled editions
  conferences-ccfddl.tsv     CCF-ranked conferences (CCFDDL, MIT licence)
  journals/*.csv             JabRef journal abbreviations (ISO 4), CC0

Earlier sources win: a venue of venue_aliases.tsv hides the CCFDDL entry with
the same dblp key or acronym, and an alias spelled the same way as an earlier
one (after normalization) is left out.  The word normalization here mirrors
venue_tokens() in ext/venue/venue.c exactly; change both together.
"""
import csv, os, re, sys, unicodedata
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'common'))
import genout  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXT = os.path.dirname(HERE)
DATA = os.path.join(EXT, 'data')
OUT = os.path.join(EXT, 'venue_catalog_generated.c')

KINDS = {'conference': 1, 'journal': 2, 'workshop': 3, 'preprint': 4}
W_WORD, W_DROP, W_PAGES, W_WORKSHOP, W_FINDINGS, W_NUMBER, W_ORDINAL = range(7)
A_CASE, A_WHOLE, A_VOLUME, A_WORKSHOP, A_ACRONYM, A_PUBLISHER = 1, 2, 4, 8, 16, 32
# Keys of one of these words alone name no venue ('Journal of the ACM' -> 'j').
GENERIC = {'j', 'trans', 'lett', 'res', 'sci', 'conf', 'rev', 'bull', 'rep', 'ann', 'adv',
           'appl', 'eng', 'syst', 'proc', 'commun', 'comput', 'inf', 'mag', 'symp', 'news'}
# CCFDDL acronyms that are ordinary capitalized words: never matched alone.
WORD_ACRONYMS = {'Performance', 'Networking', 'Cloud', 'GROUP'}


def fold(text):
    """NFKC, combining marks removed (PE_FOLD_NFKC|PE_FOLD_IGNORE|PE_FOLD_STRIPMARK)."""
    t = unicodedata.normalize('NFKD', text)
    t = ''.join(c for c in t if not unicodedata.category(c).startswith('M'))
    return unicodedata.normalize('NFKC', t)


def is_tok_char(c):
    return c.isascii() and c.isalnum() or (not c.isascii() and unicodedata.category(c)[0] in 'LN')


def raw_tokens(text):
    """Runs of letters/digits, split between ASCII digits and other characters."""
    out, cur = [], ''
    for c in fold(text).replace('{', '').replace('}', ''):
        if is_tok_char(c):
            if cur and (cur[-1].isdigit() and cur[-1].isascii()) != (c.isdigit() and c.isascii()):
                out.append(cur); cur = ''
            cur += c
        elif cur:
            out.append(cur); cur = ''
    if cur:
        out.append(cur)
    return out


class Vocab:
    def __init__(self):
        self.words = []          # [text, class, value, stem_id]
        self.index = {}

    def add(self, w, cls=W_WORD, value=0, stem=None):
        if w in self.index:
            return self.index[w]
        i = len(self.words)
        self.words.append([w, cls, value, i if stem is None else stem])
        self.index[w] = i
        return i

    def key(self, text):
        """The stem ids of an alias (fillers, pages words, numbers words dropped)."""
        ids = []
        for t in raw_tokens(text):
            w = t.lower() if t.isascii() else t
            i = self.index.get(w)
            if i is None:
                i = self.add(w)
            cls = self.words[i][1]
            if cls in (W_DROP, W_PAGES, W_NUMBER, W_ORDINAL):
                continue
            ids.append(self.words[i][3])
        return tuple(ids)


def read_words(vocab):
    stems = []
    for line in open(os.path.join(DATA, 'venue_words.tsv'), encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        word, rule = line.split('\t')
        if rule == '-':
            vocab.add(word, W_DROP)
        elif rule == '!pages':
            vocab.add(word, W_PAGES)
        elif rule == '!workshop':
            vocab.add(word, W_WORKSHOP, stem=vocab.add('workshop', W_WORKSHOP))
        elif rule == '!findings':
            vocab.add(word, W_FINDINGS)
        elif rule.startswith('#'):
            v = rule[1:]
            if v.endswith('.'):
                vocab.add(word, W_ORDINAL, int(v[:-1]))
            else:
                vocab.add(word, W_NUMBER, int(v))
        elif rule.startswith('='):
            stems.append((word, rule[1:]))
        else:
            sys.exit('venue_words.tsv: bad rule %r for %r' % (rule, word))
    for word, stem in stems:
        s = vocab.add(stem)
        if word == stem:
            continue
        if word in vocab.index:
            vocab.words[vocab.index[word]][3] = s
        else:
            vocab.add(word, W_WORD, stem=s)


def parse_edition(e):
    """'BASE[:STEP[:MIN]][/VBASE]' -> (base, step, min, vbase); '-' -> zeros."""
    vbase = 0
    if '/' in e:
        e, v = e.split('/')
        vbase = int(v)
    if e == '-':
        return 0, 0, 0, vbase
    parts = [int(x) for x in e.split(':')]
    base = parts[0]
    step = parts[1] if len(parts) > 1 else 1
    mn = parts[2] if len(parts) > 2 else 1
    return base, step, mn, vbase


def main():
    vocab = Vocab()
    read_words(vocab)
    venues = []      # dict(acronym, name, aliases, dblp, kind, ed)
    aliases = []     # (venue, ids, flags, zcase)
    seen_keys = set()
    squash = []

    def add_alias(v, text, flags, case_text=None, hand=False):
        ids = vocab.key(text)
        if not ids or ids in seen_keys:
            return
        if len(ids) == 1 and vocab.words[ids[0]][0] in GENERIC and not hand:
            return
        seen_keys.add(ids)
        if not flags & A_WHOLE and (len(text) <= 10 and not any(c.isspace() for c in text)):
            flags |= A_ACRONYM
        zcase = None
        if flags & A_CASE:
            toks = [t for t in raw_tokens(case_text or text)
                    if vocab.words[vocab.index[t.lower() if t.isascii() else t]][1] == W_WORD]
            if len(toks) == 1:
                zcase = toks[0]
            else:
                flags &= ~A_CASE
        aliases.append((v, ids, flags, zcase))

    def add_squash(v, text, flags=0):
        s = ''.join(t.lower() for t in raw_tokens(text))
        if len(s) >= 12:
            squash.append((s, v, flags))

    # 1. hand-checked venues
    hand_dblp, hand_acr = set(), set()
    for line in open(os.path.join(DATA, 'venue_aliases.tsv'), encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t')
        if len(f) not in (6, 7):
            sys.exit('venue_aliases.tsv: want 6 or 7 fields: %r' % line)
        acr, kind, ed, dblp, name, al = f[:6]
        proc = f[6] if len(f) == 7 and f[6] != '-' else (name if kind == 'journal' else '')
        v = len(venues)
        prefix = 'conf/' if kind in ('conference', 'workshop') else 'journals/'
        venues.append(dict(acronym=acr, name=name, kind=KINDS[kind], ed=parse_edition(ed),
                           dblp='' if dblp == '-' else prefix + dblp, proc=proc,
                           aliases=re.sub(r'(^|\|)[=!+%~]+', r'\1', al)))
        if kind in ('conference', 'workshop') and dblp != '-':
            hand_dblp.add(dblp)
        hand_acr.add(acr.lower())
        for a in al.split('|') + [acr]:
            flags = 0
            while a and a[0] in '=!+%~':
                flags |= {'=': A_CASE, '!': A_WHOLE, '+': A_VOLUME, '%': A_WORKSHOP,
                          '~': A_PUBLISHER}[a[0]]
                a = a[1:]
            if a == acr:
                flags |= A_ACRONYM
            add_alias(v, a, flags, hand=True)
        add_squash(v, name)
        for a in al.split('|'):
            if a[:1] not in '=!%' and len(a) >= 12:
                add_squash(v, a.lstrip('+'), A_VOLUME if a.startswith('+') else 0)

    # Journals matched by their whole letters (see step 3); shared by steps 1b, 1c and 3.
    literal = {}

    def squash_words(text):
        """The letters of the words of text, lower case: no numbers, no 'vol.'/'pp.'
        (mirrors literal_key() in ext/venue/venue.c)."""
        out = []
        for t in raw_tokens(text):
            if t.isdigit():
                continue
            w = t.lower() if t.isascii() else t
            i = vocab.index.get(w)
            if i is not None and vocab.words[i][1] == W_PAGES:
                continue
            out.append(w)
        return ''.join(out)

    by_name = {v['name'].lower(): i for i, v in enumerate(venues)}
    with open(os.path.join(DATA, 'conferences-ccfddl.tsv'), encoding='utf-8') as fh:
        ccf_acronyms = {r['title'].strip() for r in csv.DictReader(fh, delimiter='\t')}
    used_acronyms = {v['acronym'] for v in venues} | ccf_acronyms

    # the keys of the lists' journal names, so that a name of steps 1b/1c that reads like
    # another journal once fillers go ('Proceedings of the ACM on Human-Computer
    # Interaction' and 'Human-Computer Interaction') is matched by its letters
    list_keys = {}
    for fname in ('journal_abbreviations_general.csv', 'journal_abbreviations_ieee.csv',
                  'journal_abbreviations_ubc.csv'):
        with open(os.path.join(DATA, 'journals', fname), encoding='utf-8') as fh:
            for row in csv.reader(fh):
                if len(row) >= 2 and row[0].strip():
                    list_keys.setdefault(vocab.key(row[0].strip()), set()).add(row[0].strip().lower())

    def add_journal(acr, name, abbrs, dblp):
        """A journal of steps 1b and 1c: its names match as the whole venue (or the
        whole first part of a reference, ext/venue/README.md), its acronym as written
        or in capitals; a name whose words another venue already has, or that is
        generic, is matched by its letters instead (as in step 3)."""
        v = len(venues)
        venues.append(dict(acronym=acr, name=name, kind=KINDS['journal'], ed=(0, 0, 0, 0),
                           dblp='journals/' + dblp if dblp else '', proc=name,
                           aliases='|'.join(dict.fromkeys([name] + abbrs + [acr]))))
        by_name[name.lower()] = v
        used_acronyms.add(acr)
        for text in [name] + abbrs:
            k = vocab.key(text)
            other = list_keys.get(vocab.key(name), set()) - {name.lower()}
            if not k or k in seen_keys or other or (len(k) == 1 and vocab.words[k[0]][0] in GENERIC):
                x = squash_words(text)
                if len(x) >= 4:
                    literal.setdefault(x, v)
            else:
                add_alias(v, text, A_WHOLE)
        if len(acr) >= 3 and re.fullmatch(r'[A-Za-z]+', acr):
            add_alias(v, acr, A_CASE | A_ACRONYM, hand=True)
        return v

    # 1b. journals that name themselves by an acronym (MedIA, TOCHI)
    for line in open(os.path.join(DATA, 'journal_acronyms.tsv'), encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t')
        if len(f) != 5:
            sys.exit('journal_acronyms.tsv: want 5 fields: %r' % line)
        acr, dblp, name, al, _source = f
        if acr in used_acronyms or name.lower() in by_name:
            sys.exit('journal_acronyms.tsv: %s is already in the catalog' % acr)
        add_journal(acr, name, [] if al == '-' else al.split('|'), '' if dblp == '-' else dblp)

    # 1c. IEEE journals (IEEEtran's IEEEfull.bib / IEEEabrv.bib, whose @STRING names are
    # "closely based on IEEE's own internal acronyms"): an IEEE Transactions on X with the
    # code IEEE_J_C is TC ('T' + C unless C starts with T: IEEE_J_MI -> TMI), an IEEE Journal
    # of/on X is JC (IEEE_J_BHI -> JBHI).  Codes with other characters (IEEE_J_CASI_RP), an
    # acronym another venue already has (IEEE_J_CC -> TCC, the Theory of Cryptography
    # Conference) and the other titles (Letters, Magazines) keep the lists' ISO 4
    # abbreviation; every IEEE abbreviation is an alias.
    def ieee_strings(fname):
        text = open(os.path.join(DATA, 'ieee', fname), encoding='latin-1').read()
        return {k: v.replace('{', '').replace('}', '')
                for k, v in re.findall(r'@STRING\{(\w+)\s*=\s*"(.*)"\}', text)}
    ieee_full, ieee_abbr = ieee_strings('IEEEfull.bib'), ieee_strings('IEEEabrv.bib')
    ieee_extra = {}        # full name -> IEEE abbreviation, for names step 3 creates
    for key, full in ieee_full.items():
        abbr = ieee_abbr.get(key)
        code = key[len('IEEE_J_'):] if key.startswith('IEEE_J_') else ''
        title = re.sub(r'^IEEE(/\w+)?\s+', '', full)
        acr = None
        if code.isalpha() and title.startswith('Transactions on'):
            acr = code if code.startswith('T') else 'T' + code
        elif code.isalpha() and re.match(r'Journal (of|on) ', title):
            acr = code if code.startswith('J') else 'J' + code
        old = by_name.get(full.lower())
        if old is not None:                       # a hand-checked venue: one more spelling
            if abbr:
                add_alias(old, abbr, A_WHOLE)
            continue
        if acr is None or acr in used_acronyms:
            if abbr:
                ieee_extra[full] = abbr
            continue
        add_journal(acr, full, [abbr] if abbr else [], '')

    # 2. CCFDDL conferences; of two with one acronym (FSE, SEC) the higher CCF rank wins
    def name_key_ok(text):
        """A full name generic once fillers go ('Computer Graphics International'
        -> 'comput graph') is no alias: 3 words at least, or a conference word."""
        ids = vocab.key(text)
        words = {vocab.words[i][0] for i in ids}
        return len(ids) >= 3 or bool(words & {'conf', 'symposium', 'workshop', 'congress', 'meet'})

    with open(os.path.join(DATA, 'conferences-ccfddl.tsv'), encoding='utf-8') as fh:
        rows = list(csv.DictReader(fh, delimiter='\t'))
    rows.sort(key=lambda r: 'ABCN'.find(r['ccf_rank'].strip()[:1]) % 4)
    for row in rows:
        acr, name, dblp = row['title'].strip(), row['description'].strip(), row['dblp'].strip()
        if not acr or not name:      # the export's rows for types.yml carry no venue
            continue
        if dblp in hand_dblp or acr.lower() in hand_acr:
            continue
        hand_acr.add(acr.lower())
        v = len(venues)
        venues.append(dict(acronym=acr, name=name, kind=KINDS['conference'], ed=(0, 0, 0, 0),
                           dblp='conf/' + dblp if dblp else '', proc='', aliases=acr + '|' + name))
        if acr not in WORD_ACRONYMS:
            add_alias(v, acr, A_CASE | A_ACRONYM)
        # the name, also without a parenthesized acronym ('Network and Distributed
        # System Security (NDSS) Symposium') and without its leading 'Conference on'
        plain = re.sub(r'\s*\([^)]*\)', '', name)
        for text in dict.fromkeys([name, plain]):
            if name_key_ok(text):
                add_alias(v, text, 0)
        m = re.match(r'(?i)^(?:the\s+)?(?:[\w/-]+\s+){0,4}?(?:conference|symposium|workshop)\s+(?:on|of)\s+(?:the\s+)?(.*)$', plain)
        if m and len(vocab.key(m.group(1))) >= 3:
            add_alias(v, m.group(1), 0)
        add_squash(v, name)

    # 3. journals (JabRef): ISO 4 abbreviation as the acronym, whole-string match only.
    # A name whose words are all fillers ('Proceedings of the IEEE', 'Journal of
    # the ACM') or that reads like another journal once they go ('Proceedings of
    # the ACM on Human-Computer Interaction') is matched literally instead.
    seen_names = {v['name'].lower() for v in venues}
    keys_before_lists = set(seen_keys)   # names the hand table or CCF list already covers
    aliases_before_lists = len(aliases)  # their words are the ones typos are corrected to

    # Of the lists' abbreviations of one name, the one that abbreviates most words
    # (ISO 4 abbreviates every word the LTWA lists: 'IEEE/ASME Trans. Mechatron.'
    # rather than '... Mechatronics'); on a tie the earlier list.
    rows, best_abbr, all_abbr = [], {}, {}
    for fname in ('journal_abbreviations_general.csv', 'journal_abbreviations_ieee.csv',
                  'journal_abbreviations_ubc.csv'):
        with open(os.path.join(DATA, 'journals', fname), encoding='utf-8') as fh:
            for row in csv.reader(fh):
                if len(row) < 2 or not row[0].strip():
                    continue
                full, abbr = row[0].strip(), row[1].strip()
                rows.append(full)
                all_abbr.setdefault(full, []).append(abbr)
                if full in ieee_extra:
                    all_abbr[full].append(ieee_extra.pop(full))
                old = best_abbr.get(full)
                if old is None or abbr.count('.') > old.count('.'):
                    best_abbr[full] = abbr
    # A name the lists spell with a word that is a filler only in conference strings
    # ('Oral Radiology': 'Oral' as in 'CVPR 2020 (Oral)') is matched by its letters, so
    # that 'Radiology' is not read as it.
    note_words = {'oral', 'poster', 'spotlight', 'track', 'main'}
    for full in dict.fromkeys(rows):
        abbr = best_abbr[full]
        if full.lower() in by_name and venues[by_name[full.lower()]]['kind'] == KINDS['journal']:
            for a in dict.fromkeys(all_abbr[full]):   # the lists' spellings of a known journal
                add_alias(by_name[full.lower()], a, A_WHOLE)
            continue
        if full.lower() in seen_names:
            continue
        seen_names.add(full.lower())
        k = vocab.key(full)
        generic = not k or (len(k) == 1 and vocab.words[k[0]][0] in GENERIC)
        if k in keys_before_lists:
            continue
        noted = any(t.lower() in note_words for t in raw_tokens(full))
        if not generic and k not in seen_keys and not noted:
            v = len(venues)
            venues.append(dict(acronym=abbr, name=full, kind=KINDS['journal'], ed=(0, 0, 0, 0),
                               dblp='', proc=full, aliases=full if full == abbr else full + '|' + abbr))
            add_alias(v, full, A_WHOLE)
            for a in dict.fromkeys([abbr] + all_abbr[full]):   # every list's spelling
                add_alias(v, a, A_WHOLE)
            continue
        lits = [x for x in (squash_words(full), squash_words(abbr)) if len(x) >= 4]
        if not lits or all(x in literal for x in lits):
            continue
        v = len(venues)
        venues.append(dict(acronym=abbr, name=full, kind=KINDS['journal'], ed=(0, 0, 0, 0),
                           dblp='', proc=full, aliases=full if full == abbr else full + '|' + abbr))
        for x in lits:
            literal.setdefault(x, v)

    # One-edit typos ('Nneural', 'Imagng'): the words of the venue names of steps 1-2
    # (TYPO_MIN..TYPO_MAX ASCII letters), and each with one letter deleted; a deleted form
    # two different stems share is marked ambiguous (UINT32_MAX).  typo_lookup() in
    # ext/venue/venue.c looks an unknown word and its deletions up here.
    TYPO_MIN, TYPO_MAX = 5, 24
    # A word one edit from a word used by at least 3 times as many names is taken for a
    # misspelling of it and is no correction (the CCF list's 'Intellignce').
    # Only words of names of two words or more are corrected to (not acronyms: 'jasist').
    typo_uses = {}
    for a in aliases[:aliases_before_lists]:
        if len(a[1]) < 2:
            continue
        for i in set(a[1]):
            typo_uses[i] = typo_uses.get(i, 0) + 1
    forms_of, users = {}, {}
    for i, (w, cls, _val, stem) in enumerate(vocab.words):
        if cls != W_WORD or stem not in typo_uses or not (TYPO_MIN <= len(w) <= TYPO_MAX) \
           or not (w.isascii() and w.isalpha()):
            continue
        forms_of[i] = list(dict.fromkeys([(w, 0)] + [(w[:j] + w[j + 1:], 1) for j in range(len(w))]))
        for f in forms_of[i]:
            users.setdefault(f[0], set()).add(i)     # text, either kind: one edit apart
    def misspelling(i):
        stem = vocab.words[i][3]
        return any(typo_uses[vocab.words[j][3]] >= 3 * typo_uses[stem]
                   for f in forms_of[i] for j in users[f[0]] if vocab.words[j][3] != stem)
    typo = {}              # (text, kind) -> word index, or None when ambiguous
    for i in forms_of:
        if misspelling(i):
            continue
        for form in forms_of[i]:
            old = typo.setdefault(form, i)
            if old is not None and vocab.words[old][3] != vocab.words[i][3]:
                typo[form] = None
    typo_rows = sorted(typo.items())

    # edition -> year facts (editions.tsv), grouped by venue, by edition
    first_by_acr = {}
    for i, v in enumerate(venues):
        first_by_acr.setdefault(v['acronym'], i)
    editions = {}
    for line in open(os.path.join(DATA, 'editions.tsv'), encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t')
        if len(f) != 4 or f[0] not in first_by_acr:
            sys.exit('editions.tsv: want acronym (of the catalog), edition, year, source: %r' % line)
        v, nth, year = first_by_acr[f[0]], int(f[1]), int(f[2])
        if editions.setdefault(v, {}).setdefault(nth, year) != year:
            sys.exit('editions.tsv: two years for %s %d' % (f[0], nth))
    ed_rows = []
    for v in sorted(editions):
        venues[v]['eds'] = (len(ed_rows), len(editions[v]))
        ed_rows.extend(sorted(editions[v].items()))

    # index: aliases grouped by first stem, longest first
    # within a first stem: by second stem (one-word aliases last), longest first
    aliases.sort(key=lambda a: (a[1][0], a[1][1] if len(a[1]) > 1 else 1 << 32, -len(a[1]), a[0]))
    toks = []
    first = {}
    arows = []
    for i, (v, ids, flags, zcase) in enumerate(aliases):
        if len(ids) > 255:
            sys.exit('alias too long')
        first.setdefault(ids[0], [i, 0])[1] += 1
        arows.append((v, len(toks), ids[1] if len(ids) > 1 else 0xFFFFFFFF, len(ids), flags, zcase))
        toks.extend(ids)
    squash.sort(key=lambda s: (-len(s[0]), s[0]))
    sq, seen_sq = [], set()
    for s, v, fl in squash:
        if s not in seen_sq:
            seen_sq.add(s); sq.append((s, v, fl))

    def fnv(b):
        h = 2166136261
        for c in b:
            h = ((h ^ c) * 16777619) & 0xffffffff
        return h
    def open_table(hashes):
        """Open addressing (PeVenueSlot): slot = (full hash, index + 1), 0 = empty."""
        size = 1
        while size < 2 * len(hashes):
            size *= 2
        table = [(0, 0)] * size
        for i, full in enumerate(hashes):
            h = full & (size - 1)
            while table[h][1]:
                h = (h + 1) & (size - 1)
            table[h] = (full, i + 1)
        return table

    def emit_slots(o, name, table):
        o.append('const uint32_t %s_mask = %d;' % (name, len(table) - 1))
        o.append('const PeVenueSlot %s[] = {' % name)
        for i in range(0, len(table), 8):
            o.append('  ' + ','.join('{%du,%d}' % x for x in table[i:i + 8]) + ',')
        o.append('};\n')

    table = open_table([fnv(w[0].encode('utf-8')) for w in vocab.words])

    def cstr(s):
        return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

    o = []
    o.append('/* venue_catalog_generated.c: GENERATED by ext/venue/gen/gen_venues.py from ext/venue/data/ -- do not edit.')
    o.append('** Sources and licences: ext/venue/data/NOTICE.  %d venues, %d words, %d aliases. */'
             % (len(venues), len(vocab.words), len(arows)))
    o.append('#include "venue_catalog.h"\n')
    o.append('const int pe_venue_count = %d;' % len(venues))
    o.append('const PeVenue pe_venue_table[] = {')
    for v in venues:
        b, s, m, vb = v['ed']
        e0, en = v.get('eds', (0, 0))
        o.append('  {%s, %s, %s, %s, %s, %d, %d, %d, %d, %d, %d, %d},' % (
            cstr(v['acronym']), cstr(v['name']), cstr(v['aliases']), cstr(v['dblp']),
            cstr(v['proc']), v['kind'], s, m, b, vb, e0, en))
    o.append('};\n')
    o.append('const int pe_venue_edition_count = %d;' % len(ed_rows))
    o.append('const PeVenueEdition pe_venue_editions[] = {')
    for i in range(0, len(ed_rows), 8):
        o.append('  ' + ','.join('{%d,%d}' % x for x in ed_rows[i:i + 8]) + ',')
    o.append('};\n')
    # venue indexes in strcmp() order of their acronyms (ties: lower index first)
    assert len(venues) <= 65535, 'pe_venue_by_acronym holds uint16_t indexes'
    order = sorted(range(len(venues)), key=lambda i: (venues[i]['acronym'].encode('utf-8'), i))
    o.append('const uint16_t pe_venue_by_acronym[] = {')
    for i in range(0, len(order), 16):
        o.append('  ' + ','.join(str(x) for x in order[i:i + 16]) + ',')
    o.append('};\n')
    o.append('const int pe_venue_word_count = %d;' % len(vocab.words))
    o.append('const PeVenueWord pe_venue_words[] = {')
    for i, (w, cls, val, stem) in enumerate(vocab.words):
        a0, an = first.get(i, (0, 0))
        o.append('  {%s, %d, %d, %d, %d, %d, %d},' % (cstr(w), len(w.encode('utf-8')), cls, val, stem, a0, an))
    o.append('};\n')
    emit_slots(o, 'pe_venue_word_hash', table)
    o.append('const uint32_t pe_venue_alias_toks[] = {')
    for i in range(0, len(toks), 16):
        o.append('  ' + ','.join(str(x) for x in toks[i:i + 16]) + ',')
    o.append('};\n')
    o.append('const int pe_venue_alias_count = %d;' % len(arows))
    o.append('const PeVenueAlias pe_venue_aliases[] = {')
    for v, t, sec, n, fl, zc in arows:
        o.append('  {%d, %d, %du, %d, %d, %s},' % (v, t, sec, n, fl, cstr(zc) if zc else '0'))
    o.append('};\n')
    lit = sorted(literal.items(), key=lambda kv: (fnv(kv[0].encode('utf-8')), kv[0]))
    o.append('const int pe_venue_literal_count = %d;' % len(lit))
    o.append('const uint32_t pe_venue_literal_max = %d;' % max((len(z.encode('utf-8')) for z, _v in lit), default=0))
    o.append('const PeVenueSquash pe_venue_literal[] = {')
    for z, v in lit:
        o.append('  {%s, %d, %d, %du},' % (cstr(z), len(z.encode('utf-8')), v, fnv(z.encode('utf-8'))))
    o.append('};\n')
    ttable = open_table([fnv(text.encode()) ^ kind for (text, kind), _w in typo_rows])
    o.append('const PeVenueTypo pe_venue_typo[] = {')
    for (text, kind), w in typo_rows:
        o.append('  {%s, %d, %d, %s},' % (cstr(text), len(text), kind, 'UINT32_MAX' if w is None else '%du' % w))
    o.append('};\n')
    emit_slots(o, 'pe_venue_typo_hash', ttable)
    o.append('const int pe_venue_squash_count = %d;' % len(sq))
    o.append('const PeVenueSquash pe_venue_squash[] = {')
    for s, v, fl in sq:
        o.append('  {%s, %d, %d, %d},' % (cstr(s), len(s), v, fl))
    o.append('};')
    genout.finish(OUT, '\n'.join(o) + '\n', '%d venues, %d words, %d aliases' % (len(venues), len(vocab.words), len(arows)))


if __name__ == '__main__':
    main()
