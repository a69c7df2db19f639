"""bench_papers.py: the papers database's import at scale (make bench).

Imports 10,000 .bib entries (i) into an empty database and (ii) into one
that already holds 100,000 papers; as the floor, (iii) the same entries by a
plain INSERT into the one-table schema of before issue 12
(tests/bench/schema_before_12.sql: its triggers derive title key, venue and
year and feed the full-text index), into an empty database and (iv) into one
of that schema holding the same 100,000 papers.  CPU time of this process
(user + system), best of 3, each run on a fresh copy of the database.
Targets: (ii)/(i) <= 2; (ii) within 3x of the plain INSERT."""
import hashlib, os, shutil, sqlite3, sys, time

ext, work = sys.argv[1], sys.argv[2]
new_bib, big_bib = os.path.join(work, 'new10k.bib'), os.path.join(work, 'base100k.bib')

IMPORT = "INSERT INTO import_text(source, format, text) VALUES (?, 'bibtex', ?)"
PLAIN = """INSERT INTO papers(title, authors, year, venue_raw, doi, bibtex_key, bibtex_type, bibtex_fields, source)
           SELECT latex_to_unicode(title), latex_to_unicode(author), year, venue, lower(doi), key, type, fields, ?
             FROM bibtex_entries(?)"""

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

def base(name, schema, stmt):
    """The database of 100,000 papers of a schema, made once (again when the schema changes)."""
    h = hashlib.sha1(open(schema, 'rb').read()).hexdigest()[:12]
    path = os.path.join(work, 'base100k-%s-%s.db' % (name, h))
    if not os.path.exists(path):
        print('bench: building the database of 100,000 papers, %s (once, kept in %s)' % (name, path))
        db = fresh(path + '.tmp', schema)
        db.execute(stmt, ('base.bib', open(big_bib, encoding='utf-8').read()))
        print('bench: %d papers' % db.execute('SELECT count(*) FROM papers').fetchone()[0])
        db.close()
        os.rename(path + '.tmp', path)
    return path

base_new = base('records', 'sql/schema.sql', IMPORT)
base_old = base('plain', 'tests/bench/schema_before_12.sql', PLAIN)
text_new = open(new_bib, encoding='utf-8').read()

def copy_of(path):
    def setup():
        shutil.copyfile(path, os.path.join(work, 'run.db'))
        return connect(os.path.join(work, 'run.db'))
    return setup

def empty(schema):
    return lambda: fresh(os.path.join(work, 'run.db'), schema)

def timed(setup, stmt):
    best = None
    for _ in range(3):
        db = setup()
        t = time.process_time()
        db.execute(stmt, ('new.bib', text_new))
        dt = time.process_time() - t
        db.close()
        best = dt if best is None else min(best, dt)
    return best

t_empty = timed(empty('sql/schema.sql'), IMPORT)
t_big = timed(copy_of(base_new), IMPORT)
t_plain = timed(empty('tests/bench/schema_before_12.sql'), PLAIN)
t_plain_big = timed(copy_of(base_old), PLAIN)
db = copy_of(base_new)(); db.execute(IMPORT, ('new.bib', text_new))
added, merged = db.execute("SELECT added, merged FROM import_summary ORDER BY run DESC LIMIT 1").fetchone()
db.close()
print('%-58s %8s %10s' % ('10,000 .bib entries', 'CPU s', 'entries/s'))
for what, t in (('import into an empty database', t_empty),
                ('import into 100,000 papers', t_big),
                ('floor: plain INSERT, schema before #12, empty database', t_plain),
                ('floor: plain INSERT, schema before #12, 100,000 papers', t_plain_big)):
    print('%-58s %8.2f %10.0f' % (what, t, 10000 / t))
print('ratio 100k / empty: %.2f (target <= 2)' % (t_big / t_empty))
print('ratio 100k / plain INSERT into 100k: %.2f (target <= 3)' % (t_big / t_plain_big))
print('ratio 100k / plain INSERT into an empty database: %.2f' % (t_big / t_plain))
print('into 100,000 papers: %d added, %d merged' % (added, merged))
