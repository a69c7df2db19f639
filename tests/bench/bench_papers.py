"""bench_papers.py: the papers database's import at scale (make bench).

Imports 10,000 .bib entries (i) into an empty database, (ii) into one that
already holds 100,000 papers, and (iii) as the floor, the same entries by a
plain INSERT into the one-table schema of before issue 12
(tests/bench/schema_before_12.sql: its triggers derive title key, venue and
year and feed the full-text index).  CPU time of this process, best of 3,
each run on a fresh copy of the database.  Targets: (ii)/(i) <= 2,
(ii)/(iii) <= 3."""
import os, shutil, sqlite3, sys, time

ext, work = sys.argv[1], sys.argv[2]
new_bib, big_bib = os.path.join(work, 'new10k.bib'), os.path.join(work, 'base100k.bib')

def connect(path):
    db = sqlite3.connect(path, isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(ext)
    return db

def fresh(path, schema):
    if os.path.exists(path): os.remove(path)
    db = connect(path)
    db.executescript(open(schema, encoding='utf-8').read())
    return db

text_new = open(new_bib, encoding='utf-8').read()
base = os.path.join(work, 'base100k.db')
if not os.path.exists(base):
    print('bench: building the database of 100,000 papers (once, kept in %s)' % base)
    db = fresh(base + '.tmp', 'sql/schema.sql')
    db.execute("INSERT INTO import_text(source, format, text) VALUES ('base.bib', 'bibtex', ?)",
               (open(big_bib, encoding='utf-8').read(),))
    n = db.execute('SELECT count(*) FROM papers').fetchone()[0]
    db.close()
    os.rename(base + '.tmp', base)
    print('bench: %d papers' % n)

def timed(setup, stmt, params):
    best = None
    for _ in range(3):
        db = setup()
        t = time.process_time()
        db.execute(stmt, params)
        dt = time.process_time() - t
        db.close()
        best = dt if best is None else min(best, dt)
    return best

IMPORT = "INSERT INTO import_text(source, format, text) VALUES ('new.bib', 'bibtex', ?)"
PLAIN = """INSERT INTO papers(title, authors, year, venue_raw, doi, bibtex_key, bibtex_type, bibtex_fields, source)
           SELECT latex_to_unicode(title), latex_to_unicode(author), year, venue, lower(doi), key, type, fields, 'new.bib'
             FROM bibtex_entries(?)"""
empty_db = os.path.join(work, 'empty.db')
def setup_empty(): return fresh(empty_db, 'sql/schema.sql')
def setup_big():
    shutil.copyfile(base, os.path.join(work, 'big.db'))
    return connect(os.path.join(work, 'big.db'))
def setup_plain(): return fresh(os.path.join(work, 'plain.db'), 'tests/bench/schema_before_12.sql')

t_empty = timed(setup_empty, IMPORT, (text_new,))
t_big = timed(setup_big, IMPORT, (text_new,))
t_plain = timed(setup_plain, PLAIN, (text_new,))
db = setup_big(); db.execute(IMPORT, (text_new,))
added, merged = db.execute("SELECT added, merged FROM import_summary ORDER BY run DESC LIMIT 1").fetchone()
db.close()
print('%-52s %8s %10s' % ('10,000 .bib entries', 'CPU s', 'entries/s'))
for what, t in (('import into an empty database', t_empty), ('import into 100,000 papers', t_big),
                ('floor: plain INSERT, schema before issue 12', t_plain)):
    print('%-52s %8.2f %10.0f' % (what, t, 10000 / t))
print('ratio 100k / empty: %.2f (target <= 2)' % (t_big / t_empty))
print('ratio 100k / plain INSERT: %.2f (target <= 3)' % (t_big / t_plain))
print('into 100,000 papers: %d added, %d merged' % (added, merged))
