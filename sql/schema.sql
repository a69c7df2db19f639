-- schema.sql: a reading list as a database that lives for years (paperext).
--
--   sqlite3 papers.db -cmd '.load ./paperext' < sql/schema.sql
--   Python: db.executescript(open('sql/schema.sql').read())   (paperext loaded)
--
-- Every import keeps what it brought as RECORDS; PAPERS are what the records
-- say together.  Nothing an import brought is dropped: two works that share a
-- title stay two papers, one work written two ways becomes one paper with two
-- records, and every cite key, DOI and note stays in its record.
--
-- papers             one row per work.  Bibliographic columns (title, authors,
--                    year, venue_raw, doi, arxiv, url, bibtex_*) are derived
--                    from the paper's records: the best record that has a
--                    value wins (your own edits, then bibliographies with the
--                    published version before a preprint, then reading lists;
--                    the earliest record within a rank).  Curated columns
--                    (tags, status, note) belong to the paper: imports add to
--                    them and re-imports change only what they brought.
--                    An UPDATE you make to a bibliographic column is kept as
--                    the paper's 'sql' record, so it wins from then on.
-- records            one row per imported entry, with every field it came with.
-- record_keys        the index keys that find a record's possible duplicates
--                    (match_keys(): DOI, arXiv id, title, title without
--                    subtitle, halves of the title).
-- paper_keys         every cite key of every paper (a view over records).
-- import_runs        one row per import, with its counts.
-- import_log         one row per entry of each import: added, merged (into
--                    which paper, why), updated, unchanged, skipped (why).
-- paper_pairs        papers an import compared and kept apart: 'different'
--                    (kept_apart shows why) or 'unsure' (likely_duplicates).
-- not_same           pairs of records you said are different works.
--
-- Statements (the same from the sqlite3 shell, Python, Node; text passed as
-- a parameter):
--   INSERT INTO import_text(source, format, text) VALUES ('refs.bib', 'bibtex', ?);
--   INSERT INTO import_text(source, format, text, encoding) VALUES ('old.txt', 'list', ?, 'big5');
--   SELECT * FROM last_import;                       -- what the last import did
--   INSERT INTO paper_merge(keep, merge) VALUES (5, 9);
--   INSERT INTO record_split(record_id) VALUES (17);
--   INSERT INTO paper_not_same(paper_a, paper_b) VALUES (5, 9);
--   SELECT bibtex FROM papers_bibtex WHERE tag_has(tags, 'video');
--
-- Reading needs no extension: every table and view but papers_bibtex is
-- plain SQL and derived values are stored, so any sqlite3, Python or Node
-- reads the database.  Writing needs paperext (the triggers call
-- title_key(), venue_resolve(), paper_match() ... and papers_fts's tokenizer).

-- ------------------------------------------------------------- papers
CREATE TABLE IF NOT EXISTS papers(
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,          -- from the best record (see above)
  title_key     TEXT,                   -- title_key(title): equal for spellings of one title
  authors       TEXT,                   -- 'First Last and First Last' (BibTeX form, LaTeX decoded)
  year          INTEGER,                -- given, else the venue's year ('nips2020')
  venue_raw     TEXT,                   -- as written: 'nips2020', 'Advances in Neural ...'
  venue         TEXT,                   -- venue_resolve(venue_raw): 'NeurIPS' (your aliases applied)
  kind          TEXT,                   -- conference|journal|workshop|preprint
  tags          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags)='array'),
  status        TEXT CHECK (status IS NULL OR status IN ('to-read','reading','read','skipped')),
  note          TEXT,
  arxiv         TEXT,                   -- arXiv id without version: '2006.07733'
  doi           TEXT,                   -- lower case: '10.1109/cvpr.2016.90'
  url           TEXT,
  bibtex_key    TEXT,                   -- the first cite key (all of them: paper_keys)
  bibtex_type   TEXT,                   -- 'inproceedings', 'article', ...
  bibtex_fields TEXT CHECK (bibtex_fields IS NULL OR json_valid(bibtex_fields)),  -- every field of its .bib records
  source        TEXT,                   -- the sources of its records: 'list.txt; refs.bib'
  added         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  rev           INTEGER NOT NULL DEFAULT 0  -- moved by each derivation; 0: a row you inserted yourself
);
CREATE INDEX IF NOT EXISTS papers_title_key ON papers(title_key);
CREATE INDEX IF NOT EXISTS papers_doi ON papers(doi) WHERE doi IS NOT NULL;
CREATE INDEX IF NOT EXISTS papers_arxiv ON papers(arxiv) WHERE arxiv IS NOT NULL;
CREATE INDEX IF NOT EXISTS papers_venue_year ON papers(venue, year);

-- ------------------------------------------------------------ records
CREATE TABLE IF NOT EXISTS records(
  id          INTEGER PRIMARY KEY,
  paper_id    INTEGER NOT NULL,         -- the paper it belongs to
  source      TEXT NOT NULL,            -- the file (as you named it), or 'sql' for your edits
  format      TEXT NOT NULL,            -- list, bibtex, ris, csljson, zotero, sql
  line        INTEGER,                  -- where it starts in the source
  cite_key    TEXT,                     -- its citation key (a .bib entry's, Zotero's)
  locator     TEXT,                     -- what names it in its source: a .bib key, a Zotero item
  entry_type  TEXT,                     -- article, inproceedings, book, phdthesis, ...
  title       TEXT,
  title_key   TEXT,
  authors     TEXT,
  year        INTEGER,
  venue_raw   TEXT,
  venue       TEXT,
  kind        TEXT,
  doi         TEXT,
  arxiv       TEXT,
  url         TEXT,
  tags        TEXT NOT NULL DEFAULT '[]',
  status      TEXT,
  note        TEXT,
  fields      TEXT,                     -- JSON: every field as it came
  meta        TEXT,                     -- JSON: its locator, and what paper_match reads (volume, pages ...)
  content     TEXT,                     -- content_hash() of what it brought: equal means unchanged
  how         TEXT,                     -- why it joined its paper: 'new', 'same DOI', ...
  seen_run    INTEGER,                  -- the last import that saw it
  added       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS records_paper ON records(paper_id);
CREATE UNIQUE INDEX IF NOT EXISTS records_source_locator ON records(source, locator) WHERE locator IS NOT NULL;
-- (only records without a locator are found by title: a list's)
CREATE INDEX IF NOT EXISTS records_source_title ON records(source, title_key) WHERE locator IS NULL;

-- A key of more than 64 records (a title's first two words, 'a:deep
-- learning') finds no candidates: the other keys of a record still do (its
-- DOI, arXiv id, title halves, and the title with the year, 'y:'), and no
-- import compares a record with thousands.  Of the candidates, a record is
-- compared with the 16 papers whose keys in common are the rarest (a key of
-- n records weighs 1/n: a shared DOI or title before a shared first two words).
CREATE TABLE IF NOT EXISTS record_keys(
  key        INTEGER NOT NULL,          -- key_hash() of a match_keys() key
  record_id  INTEGER NOT NULL,
  PRIMARY KEY (key, record_id)
) WITHOUT ROWID;
-- (a new record's rows go at the end of this index: record ids grow)
CREATE INDEX IF NOT EXISTS record_keys_record ON record_keys(record_id);

-- A record as paper_match() reads it.
CREATE VIEW IF NOT EXISTS record_as_match AS
  SELECT id, paper_id, json_object('title', title, 'authors', coalesce(meta ->> 'authors', authors),
             'year', year, 'type', entry_type, 'kind', kind, 'venue', venue, 'doi', doi, 'arxiv', arxiv,
             'edition', meta ->> 'edition', 'volume', meta ->> 'volume', 'number', meta ->> 'number',
             'pages', meta ->> 'pages', 'source', source, 'key', cite_key) AS m
    FROM records;

CREATE VIEW IF NOT EXISTS paper_keys AS
  SELECT cite_key AS key, paper_id, id AS record_id, source
    FROM records WHERE cite_key IS NOT NULL;

CREATE TABLE IF NOT EXISTS not_same(
  record_a INTEGER NOT NULL,
  record_b INTEGER NOT NULL,
  added    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (record_a, record_b)
) WITHOUT ROWID;

-- What imports decided about papers they compared but did not merge:
-- 'different' (a guard kept them apart: the reason says which) or
-- 'unsure' (nothing told; likely_duplicates lists these).  paper_a < paper_b.
CREATE TABLE IF NOT EXISTS paper_pairs(
  paper_a  INTEGER NOT NULL,
  paper_b  INTEGER NOT NULL,
  verdict  TEXT NOT NULL,
  score    REAL,
  reason   TEXT,
  found    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (paper_a, paper_b)
) WITHOUT ROWID;

-- ------------------------------------------------------ import journal
CREATE TABLE IF NOT EXISTS import_runs(
  id        INTEGER PRIMARY KEY,
  source    TEXT NOT NULL,
  format    TEXT NOT NULL,
  started   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  entries   INTEGER, added INTEGER, merged INTEGER, updated INTEGER,
  unchanged INTEGER, skipped INTEGER
);

CREATE TABLE IF NOT EXISTS import_log(
  run_id    INTEGER NOT NULL,
  seq       INTEGER NOT NULL,           -- the entry's place in the source
  line      INTEGER,
  cite_key  TEXT,
  title     TEXT,
  action    TEXT NOT NULL,              -- added, merged, updated, unchanged, skipped
  paper_id  INTEGER,
  record_id INTEGER,
  reason    TEXT,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

CREATE VIEW IF NOT EXISTS last_import AS
  SELECT l.seq, l.line, l.cite_key, l.title, l.action, l.paper_id, l.reason
    FROM import_log l WHERE l.run_id = (SELECT max(id) FROM import_runs)
   ORDER BY l.seq;

CREATE VIEW IF NOT EXISTS import_summary AS
  SELECT id AS run, source, format, started, entries, added, merged, updated, unchanged, skipped
    FROM import_runs ORDER BY id;

-- ---------------------------------------------- your own venue spellings
CREATE TABLE IF NOT EXISTS paperext_venue_aliases(
  alias   TEXT,                         -- a spelling to recognize ('DLRS workshop'); NULL: the acronym
  acronym TEXT NOT NULL,                -- what papers.venue becomes
  name    TEXT,                         -- NULL: the catalog's name
  kind    TEXT                          -- NULL: the catalog's kind
);

-- ----------------------------------------------------- full-text search
-- SELECT rowid, highlight(papers_fts, 1, '[', ']') FROM papers_fts
--  WHERE papers_fts MATCH fts_query('記憶體');
CREATE VIRTUAL TABLE IF NOT EXISTS papers_fts USING fts5(
  title, note, content='papers', content_rowid='id', tokenize='paperext fold 1'
);

CREATE TRIGGER IF NOT EXISTS papers_fts_insert AFTER INSERT ON papers BEGIN
  INSERT INTO papers_fts(rowid, title, note) VALUES (NEW.id, NEW.title, NEW.note);
END;
CREATE TRIGGER IF NOT EXISTS papers_fts_delete AFTER DELETE ON papers BEGIN
  INSERT INTO papers_fts(papers_fts, rowid, title, note) VALUES ('delete', OLD.id, OLD.title, OLD.note);
END;
CREATE TRIGGER IF NOT EXISTS papers_fts_update AFTER UPDATE OF title, note ON papers
  WHEN NEW.title IS NOT OLD.title OR NEW.note IS NOT OLD.note BEGIN
  INSERT INTO papers_fts(papers_fts, rowid, title, note) VALUES ('delete', OLD.id, OLD.title, OLD.note);
  INSERT INTO papers_fts(rowid, title, note) VALUES (NEW.id, NEW.title, NEW.note);
END;

-- `updated` moves only when something really changed.
CREATE TRIGGER IF NOT EXISTS papers_touch AFTER UPDATE ON papers
  WHEN NEW.updated IS OLD.updated AND (
       NEW.title IS NOT OLD.title OR NEW.authors IS NOT OLD.authors OR NEW.year IS NOT OLD.year
    OR NEW.venue_raw IS NOT OLD.venue_raw OR NEW.venue IS NOT OLD.venue OR NEW.kind IS NOT OLD.kind
    OR NEW.tags IS NOT OLD.tags OR NEW.status IS NOT OLD.status OR NEW.note IS NOT OLD.note
    OR NEW.arxiv IS NOT OLD.arxiv OR NEW.doi IS NOT OLD.doi OR NEW.url IS NOT OLD.url
    OR NEW.bibtex_key IS NOT OLD.bibtex_key OR NEW.bibtex_type IS NOT OLD.bibtex_type
    OR NEW.bibtex_fields IS NOT OLD.bibtex_fields) BEGIN
  UPDATE papers SET updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;

-- ------------------------------------------------- deriving a paper
-- INSERT INTO paper_rederive VALUES (id): the bibliographic columns again
-- from the paper's records.
-- Rank: your edits (sql) 0, bibliographies 1 (a preprint 2), lists 3; the
-- venue and year come from a record whose venue is not a preprint's first
-- (a list that names the conference beats the arXiv entry of the paper).
CREATE VIEW IF NOT EXISTS record_rank AS
  SELECT r.*, CASE WHEN r.format = 'sql' THEN 0 WHEN r.format = 'list' THEN 3
                   WHEN r.kind = 'preprint' THEN 2 ELSE 1 END AS rank
    FROM records r;

CREATE VIEW IF NOT EXISTS paper_rederive AS SELECT NULL AS paper_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS paper_rederive_run INSTEAD OF INSERT ON paper_rederive
  WHEN NEW.paper_id IS NOT NULL BEGIN
  -- (each column is written; papers_touch and the index triggers act only
  -- where a value changed)
  UPDATE papers SET
      title = (SELECT title FROM record_rank WHERE paper_id = NEW.paper_id AND title IS NOT NULL ORDER BY rank, id LIMIT 1),
      authors = (SELECT authors FROM record_rank WHERE paper_id = NEW.paper_id AND authors IS NOT NULL ORDER BY rank, id LIMIT 1),
      year = (SELECT year FROM record_rank WHERE paper_id = NEW.paper_id AND year IS NOT NULL ORDER BY kind IS 'preprint', rank, id LIMIT 1),
      venue_raw = (SELECT venue_raw FROM record_rank WHERE paper_id = NEW.paper_id AND venue_raw IS NOT NULL ORDER BY kind IS 'preprint', rank, id LIMIT 1),
      venue = (SELECT venue FROM record_rank WHERE paper_id = NEW.paper_id AND venue_raw IS NOT NULL ORDER BY kind IS 'preprint', rank, id LIMIT 1),
      kind = (SELECT kind FROM record_rank WHERE paper_id = NEW.paper_id AND venue_raw IS NOT NULL ORDER BY kind IS 'preprint', rank, id LIMIT 1),
      arxiv = (SELECT arxiv FROM record_rank WHERE paper_id = NEW.paper_id AND arxiv IS NOT NULL ORDER BY rank, id LIMIT 1),
      doi = (SELECT doi FROM record_rank WHERE paper_id = NEW.paper_id AND doi IS NOT NULL ORDER BY rank, id LIMIT 1),
      url = (SELECT url FROM record_rank WHERE paper_id = NEW.paper_id AND url IS NOT NULL ORDER BY rank, id LIMIT 1),
      bibtex_key = (SELECT cite_key FROM record_rank WHERE paper_id = NEW.paper_id AND cite_key IS NOT NULL ORDER BY rank, id LIMIT 1),
      bibtex_type = (SELECT entry_type FROM record_rank WHERE paper_id = NEW.paper_id AND entry_type IS NOT NULL ORDER BY rank, id LIMIT 1),
      -- the fields of its best .bib record, and those it lacks from other .bib
      -- records of the same version (same entry type and venue: not the
      -- journal of its arXiv entry)
      bibtex_fields = (SELECT nullif(json_group_object(key, value), '{}') FROM (
         SELECT key, value, min(o) AS o FROM (
           SELECT j.key, j.value, (r.rank*1000000000 + r.id)*10000 + j.id AS o
             FROM record_rank r, json_each(r.fields) j,
                  (SELECT entry_type, venue FROM record_rank WHERE paper_id = NEW.paper_id
                      AND format = 'bibtex' ORDER BY rank, id LIMIT 1) AS best
            WHERE r.paper_id = NEW.paper_id AND r.format = 'bibtex'
              AND r.entry_type IS best.entry_type AND r.venue IS best.venue)
          GROUP BY key ORDER BY o)),
      source = (SELECT group_concat(source, '; ') FROM (SELECT DISTINCT source FROM records
         WHERE paper_id = NEW.paper_id AND format <> 'sql' ORDER BY id)),
      rev = rev + 1
   WHERE id = NEW.paper_id;
  UPDATE papers SET title_key = title_key(title)
   WHERE id = NEW.paper_id AND title_key IS NOT title_key(title);
END;

-- ----------------------------------------------- a record comes in
-- The import is a chain of views whose INSTEAD OF triggers pass one entry
-- along (a view's NEW columns carry what was computed once); each step
-- inserts one row with VALUES and the next trigger's WHEN says whether it
-- runs, so no step writes its rows to a temporary table first.

-- record_put: store one record; NEW.id NULL makes a new one, a given id
-- rewrites that record.  Its venue is read here, once.
CREATE VIEW IF NOT EXISTS record_put AS
  SELECT id, paper_id, source, format, line, cite_key, entry_type, title, authors, year,
         venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, how, seen_run
    FROM records WHERE 0;
CREATE TRIGGER IF NOT EXISTS record_put_run INSTEAD OF INSERT ON record_put BEGIN
  INSERT INTO record_store VALUES (NEW.id, NEW.paper_id, NEW.source, NEW.format, NEW.line,
      NEW.cite_key, NEW.entry_type, NEW.title, NEW.authors, NEW.year, NEW.venue_raw, NEW.kind,
      NEW.doi, NEW.arxiv, NEW.url, NEW.tags, NEW.status, NEW.note, NEW.fields, NEW.meta, NEW.how, NEW.seen_run,
      -- (without aliases of yours the catalog's answer is the same, and cheaper)
      CASE WHEN EXISTS (SELECT 1 FROM paperext_venue_aliases)
           THEN venue_resolve(NEW.venue_raw) ELSE venue_parse(NEW.venue_raw) END);
END;

-- A title of more than 64 records (an 'Editorial' every year) finds no
-- candidates by itself: from the 65th on, its records are also found by the
-- title with the year ('y:'), the first 64 keyed when the 65th comes.
-- record_title_year(n, record_id, key): a record stored, n the records of
-- its title's key ('t:' || title_key, match_keys' key of the whole title)
-- up to 66.  (Each step inserts with VALUES or reads other tables only:
-- an INSERT ... SELECT that reads its own table copies its rows first.)
CREATE VIEW IF NOT EXISTS record_title_year AS SELECT NULL AS n, NULL AS record_id, NULL AS key WHERE 0;
CREATE TRIGGER IF NOT EXISTS record_title_year_run INSTEAD OF INSERT ON record_title_year
  WHEN NEW.n > 64 BEGIN
  INSERT OR IGNORE INTO record_keys(key, record_id)
    SELECT key_hash('y:' || year || ':' || title_key), id FROM records
     WHERE id = NEW.record_id AND year IS NOT NULL;
  INSERT INTO record_title_year_all VALUES (NEW.n = 65, NEW.key);
END;
CREATE VIEW IF NOT EXISTS record_title_year_all AS SELECT NULL AS go, NULL AS key WHERE 0;
CREATE TRIGGER IF NOT EXISTS record_title_year_all_run INSTEAD OF INSERT ON record_title_year_all
  WHEN NEW.go BEGIN
  INSERT OR IGNORE INTO record_keys(key, record_id)
    SELECT key_hash('y:' || r.year || ':' || r.title_key), r.id
      FROM record_keys t JOIN records r ON r.id = t.record_id
     WHERE t.key = NEW.key AND r.year IS NOT NULL;
END;

-- record_store: record_put with the venue (vj: venue_resolve's JSON).
CREATE VIEW IF NOT EXISTS record_store AS
  SELECT id, paper_id, source, format, line, cite_key, entry_type, title, authors, year,
         venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, how, seen_run, NULL AS vj
    FROM records WHERE 0;
CREATE TRIGGER IF NOT EXISTS record_store_run INSTEAD OF INSERT ON record_store BEGIN
  -- a record rewritten: its old keys go
  DELETE FROM record_keys WHERE NEW.id IS NOT NULL AND record_id = NEW.id;
  INSERT OR REPLACE INTO records(id, paper_id, source, format, line, cite_key, locator, entry_type, title,
      title_key, authors, year, venue_raw, venue, kind, doi, arxiv, url, tags, status, note,
      fields, meta, content, how, seen_run, added)
    VALUES (NEW.id, NEW.paper_id, NEW.source, NEW.format, NEW.line, NEW.cite_key, NEW.meta ->> 'locator',
           NEW.entry_type,
           NEW.title, title_key(NEW.title), NEW.authors,
           coalesce(NEW.year, NEW.vj ->> 'year'), NEW.venue_raw, NEW.vj ->> 'acronym',
           coalesce(NEW.vj ->> 'kind', NEW.kind),
           NEW.doi, NEW.arxiv, NEW.url, coalesce(NEW.tags, '[]'), NEW.status, NEW.note, NEW.fields, NEW.meta,
           content_hash(json_array(NEW.cite_key, NEW.entry_type, NEW.title, NEW.authors, NEW.year,
                      NEW.venue_raw, NEW.doi, NEW.arxiv, NEW.url, coalesce(NEW.tags, '[]'), NEW.status,
                      NEW.note, NEW.fields, NEW.meta)),
           NEW.how, NEW.seen_run,
           coalesce((SELECT added FROM records WHERE id = NEW.id), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
  INSERT OR IGNORE INTO record_keys(key, record_id)
    SELECT key_hash(k.value), coalesce(NEW.id, (SELECT max(id) FROM records))
      FROM json_each(match_keys(NEW.title, NEW.doi, NEW.arxiv)) AS k;
  INSERT INTO record_title_year VALUES (
      (SELECT count(*) FROM (SELECT 1 FROM record_keys WHERE key = (SELECT key_hash('t:' || title_key)
          FROM records WHERE id = coalesce(NEW.id, (SELECT max(id) FROM records))) LIMIT 66)),
      coalesce(NEW.id, (SELECT max(id) FROM records)),
      (SELECT key_hash('t:' || title_key) FROM records WHERE id = coalesce(NEW.id, (SELECT max(id) FROM records))));
END;

-- import_finish: a run's counts, from its log.
CREATE VIEW IF NOT EXISTS import_finish AS SELECT NULL AS run_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS import_finish_run INSTEAD OF INSERT ON import_finish BEGIN
  UPDATE import_runs SET
      entries = (SELECT count(*) FROM import_log WHERE run_id = import_runs.id),
      added = (SELECT count(*) FROM import_log WHERE run_id = import_runs.id AND action = 'added'),
      merged = (SELECT count(*) FROM import_log WHERE run_id = import_runs.id AND action = 'merged'),
      updated = (SELECT count(*) FROM import_log WHERE run_id = import_runs.id AND action = 'updated'),
      unchanged = (SELECT count(*) FROM import_log WHERE run_id = import_runs.id AND action = 'unchanged'),
      skipped = (SELECT count(*) FROM import_log WHERE run_id = import_runs.id AND action = 'skipped')
    WHERE id = NEW.run_id;
END;

-- import_text: the one statement of every import of a text.
--   format: 'list' (plain text or Markdown), 'bibtex', 'ris' or 'csljson';
--   NULL: from the source's name (.bib, .ris, .json; else a list).
--   encoding: NULL for UTF-8 (the import stops, naming the likely encoding,
--   if the text is not), or the name of the text's encoding ('big5', 'gbk',
--   'shift_jis', 'latin1').
-- The whole import is one statement: it happens entirely or not at all.
CREATE VIEW IF NOT EXISTS import_text AS
  SELECT NULL AS source, NULL AS format, NULL AS text, NULL AS encoding WHERE 0;
CREATE TRIGGER IF NOT EXISTS import_text_run INSTEAD OF INSERT ON import_text BEGIN
  SELECT CASE WHEN NEW.source IS NULL THEN RAISE(ABORT, 'import_text: give the source (a file name)')
              WHEN NEW.text IS NULL THEN RAISE(ABORT, 'import_text: the text is NULL (readfile() gives NULL for a file it cannot read; paperext_readfile() says why)') END;
  INSERT INTO import_runs(source, format)
    VALUES (NEW.source, coalesce(NEW.format, CASE WHEN NEW.source LIKE '%.bib' THEN 'bibtex'
                                                  WHEN NEW.source LIKE '%.ris' THEN 'ris'
                                                  WHEN NEW.source LIKE '%.json' THEN 'csljson'
                                                  ELSE 'list' END));
  SELECT CASE WHEN (SELECT format FROM import_runs WHERE id = (SELECT max(id) FROM import_runs))
                   NOT IN ('list', 'bibtex', 'ris', 'csljson')
              THEN RAISE(ABORT, 'import_text: format must be list, bibtex, ris or csljson (a Zotero library: import_rows, see sql/import_zotero.sql)') END;
  -- (the readers of the other formats are given NULL: no rows, nothing read)
  INSERT INTO import_entry(run_id, seq, source, format, line, cite_key, entry_type, title, authors,
                           year, venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, error)
    SELECT (SELECT max(id) FROM import_runs), row_number() OVER (), NEW.source, 'bibtex', line, key, type,
           latex_to_unicode(title), latex_to_unicode(author),
           CASE WHEN typeof(year) = 'integer' THEN year END, venue, NULL,
           doi, arxiv, url, tags_parse(json_extract(fields, '$.keywords')), NULL, NULL, fields,
           -- (json_patch drops the null members)
           json_patch('{}', json_object('locator', key,
                       'authors', nullif(json_extract(fields, '$.author'), latex_to_unicode(author)),
                       'edition', json_extract(fields, '$.edition'), 'volume', json_extract(fields, '$.volume'),
                       'number', json_extract(fields, '$.number'), 'pages', json_extract(fields, '$.pages'))),
           coalesce(error, CASE WHEN title IS NULL THEN 'no title' END)
      FROM bibtex_entries(CASE WHEN (SELECT format FROM import_runs WHERE id = (SELECT max(id) FROM import_runs)) = 'bibtex'
                               THEN CASE WHEN NEW.encoding IS NULL THEN text_utf8(NEW.text, NEW.source)
                                         ELSE text_decode(NEW.text, NEW.encoding) END END)
    UNION ALL
    SELECT (SELECT max(id) FROM import_runs), row_number() OVER (), NEW.source, 'list', line, NULL, NULL,
           title, NULL, NULL, venue, NULL, doi, arxiv, url, tags, status, note, NULL, NULL, NULL
      FROM readinglist_entries(CASE WHEN (SELECT format FROM import_runs WHERE id = (SELECT max(id) FROM import_runs)) = 'list'
                                    THEN CASE WHEN NEW.encoding IS NULL THEN text_utf8(NEW.text, NEW.source)
                                              ELSE text_decode(NEW.text, NEW.encoding) END END)
     WHERE title IS NOT NULL
    UNION ALL
    -- RIS: the ID when it reads as a key; TY as a BibTeX entry type
    SELECT (SELECT max(id) FROM import_runs), row_number() OVER (), NEW.source, 'ris', line,
           CASE WHEN id GLOB '[A-Za-z]*' AND id NOT GLOB '*[ ,{}]*' THEN id END,
           CASE type WHEN 'JOUR' THEN 'article' WHEN 'EJOUR' THEN 'article' WHEN 'CONF' THEN 'inproceedings'
                     WHEN 'CPAPER' THEN 'inproceedings' WHEN 'CHAP' THEN 'incollection'
                     WHEN 'BOOK' THEN 'book' WHEN 'EBOOK' THEN 'book' WHEN 'EDBOOK' THEN 'book'
                     WHEN 'THES' THEN 'phdthesis' WHEN 'RPRT' THEN 'techreport' ELSE 'misc' END,
           title, nullif(author, ''), year, nullif(venue, ''), NULL, nullif(doi, ''), nullif(arxiv, ''),
           nullif(url, ''), tags_parse(keywords), NULL, nullif(note, ''),
           json_object('type', type, 'tags', json(fields)),
           json_object('locator', nullif(id, ''), 'volume', nullif(volume, ''), 'number', nullif(issue, ''),
                       'pages', nullif(pages, '')),
           CASE WHEN title IS NULL OR title = '' THEN 'no title' END
      FROM ris_entries(CASE WHEN (SELECT format FROM import_runs WHERE id = (SELECT max(id) FROM import_runs)) = 'ris'
                            THEN CASE WHEN NEW.encoding IS NULL THEN text_utf8(NEW.text, NEW.source)
                                      ELSE text_decode(NEW.text, NEW.encoding) END END)
    UNION ALL
    -- CSL-JSON: the id as the cite key unless it is a URI (Zotero's are)
    SELECT (SELECT max(id) FROM import_runs), row_number() OVER (), NEW.source, 'csljson', line,
           CASE WHEN id NOT LIKE '%://%' THEN id END,
           -- (CSL's article is a work not in a journal: a preprint)
           CASE type WHEN 'article-journal' THEN 'article' WHEN 'article-magazine' THEN 'article'
                     WHEN 'article-newspaper' THEN 'article'
                     WHEN 'paper-conference' THEN 'inproceedings' WHEN 'chapter' THEN 'incollection'
                     WHEN 'book' THEN 'book' WHEN 'thesis' THEN 'phdthesis' WHEN 'report' THEN 'techreport'
                     ELSE 'misc' END,
           title, nullif(author, ''), year, nullif(venue, ''), NULL, nullif(doi, ''), nullif(arxiv, ''),
           nullif(url, ''), tags_parse(keywords), NULL, nullif(note, ''), json(fields),
           json_object('locator', id, 'volume', nullif(volume, ''), 'number', nullif(issue, ''),
                       'pages', nullif(page, '')),
           CASE WHEN title IS NULL OR title = '' THEN 'no title' END
      FROM csljson_entries(CASE WHEN (SELECT format FROM import_runs WHERE id = (SELECT max(id) FROM import_runs)) = 'csljson'
                                THEN CASE WHEN NEW.encoding IS NULL THEN text_utf8(NEW.text, NEW.source)
                                          ELSE text_decode(NEW.text, NEW.encoding) END END);
  INSERT INTO import_finish VALUES ((SELECT max(id) FROM import_runs));
END;

-- import_rows: entries made by a query, for a source read by a table that
-- reads files itself (zotero_items is direct-only, so no trigger may call it):
--   INSERT INTO import_rows SELECT 'zotero.sqlite', 'zotero', row_number() OVER (), ...
--     FROM zotero_items('zotero.sqlite');     (sql/import_zotero.sql)
-- The row with seq 1 starts a run; every row is an entry of it.
CREATE VIEW IF NOT EXISTS import_rows AS
  SELECT NULL AS source, NULL AS format, NULL AS seq, NULL AS line, NULL AS cite_key,
         NULL AS entry_type, NULL AS title, NULL AS authors, NULL AS year, NULL AS venue_raw,
         NULL AS kind, NULL AS doi, NULL AS arxiv, NULL AS url, NULL AS tags, NULL AS status,
         NULL AS note, NULL AS fields, NULL AS meta, NULL AS error WHERE 0;
CREATE TRIGGER IF NOT EXISTS import_rows_run INSTEAD OF INSERT ON import_rows BEGIN
  INSERT INTO import_runs(source, format) SELECT NEW.source, NEW.format WHERE NEW.seq = 1;
  INSERT INTO import_entry VALUES ((SELECT max(id) FROM import_runs), NEW.seq, NEW.source, NEW.format,
      NEW.line, NEW.cite_key, NEW.entry_type, NEW.title, NEW.authors, NEW.year, NEW.venue_raw,
      NEW.kind, NEW.doi, NEW.arxiv, NEW.url, NEW.tags, NEW.status, NEW.note, NEW.fields, NEW.meta,
      coalesce(NEW.error, CASE WHEN NEW.title IS NULL OR NEW.title = '' THEN 'no title' END));
  INSERT INTO import_finish VALUES ((SELECT max(id) FROM import_runs));
END;

-- import_entry: one entry of an import.  It is the same record as one of
-- the source's earlier imports (same cite key; for a list, the same title,
-- else a similar one not matched yet in this run), or a new record.
CREATE VIEW IF NOT EXISTS import_entry AS
  SELECT NULL AS run_id, NULL AS seq, NULL AS source, NULL AS format, NULL AS line,
         NULL AS cite_key, NULL AS entry_type, NULL AS title, NULL AS authors, NULL AS year,
         NULL AS venue_raw, NULL AS kind, NULL AS doi, NULL AS arxiv, NULL AS url, NULL AS tags,
         NULL AS status, NULL AS note, NULL AS fields, NULL AS meta, NULL AS error WHERE 0;
CREATE TRIGGER IF NOT EXISTS import_entry_run INSTEAD OF INSERT ON import_entry BEGIN
  INSERT INTO import_log(run_id, seq, line, cite_key, title, action, reason)
    SELECT NEW.run_id, NEW.seq, NEW.line, NEW.cite_key, NEW.title, 'skipped', NEW.error
     WHERE NEW.error IS NOT NULL;
  INSERT INTO import_record VALUES (NEW.error IS NULL, NEW.run_id, NEW.seq, NEW.source, NEW.format,
      NEW.line, NEW.cite_key, NEW.entry_type, NEW.title, NEW.authors, NEW.year, NEW.venue_raw,
      NEW.kind, lower(NEW.doi), NEW.arxiv, NEW.url, NEW.tags, NEW.status, NEW.note, NEW.fields, NEW.meta,
      CASE WHEN NEW.error IS NOT NULL THEN NULL
           WHEN NEW.meta ->> 'locator' IS NOT NULL THEN
             (SELECT id FROM records WHERE source = NEW.source AND locator = NEW.meta ->> 'locator')
           ELSE coalesce(
             (SELECT id FROM records
               WHERE source = NEW.source AND locator IS NULL AND format = NEW.format
                 AND title_key = title_key(NEW.title) AND seen_run IS NOT NEW.run_id
               ORDER BY id LIMIT 1),
             (SELECT c.id FROM (SELECT r.id, r.title
                                  FROM (SELECT key_hash(j.value) AS key,
                                               (SELECT count(*) FROM (SELECT 1 FROM record_keys
                                                 WHERE key = key_hash(j.value) LIMIT 65)) AS n
                                          FROM json_each(match_keys(NEW.title, NULL, NULL)) j) kc
                                  -- CROSS: the keys' few records first, never every record of the source
                                  CROSS JOIN record_keys k ON k.key = kc.key
                                  CROSS JOIN records r ON r.id = k.record_id
                                 WHERE kc.n <= 64 AND r.source = NEW.source AND r.locator IS NULL
                                   AND r.format = NEW.format AND r.seen_run IS NOT NEW.run_id
                                 -- the 16 with the rarest keys in common (a key of n records weighs 1/n)
                                 GROUP BY r.id ORDER BY sum(1.0 / kc.n) DESC, r.id LIMIT 16) c
               WHERE title_same(c.title, NEW.title)
               ORDER BY title_similarity(c.title, NEW.title) DESC, c.id LIMIT 1)) END);
END;

-- import_record: an entry with its earlier self (existing) or none.
CREATE VIEW IF NOT EXISTS import_record AS
  SELECT NULL AS go, NULL AS run_id, NULL AS seq, NULL AS source, NULL AS format, NULL AS line,
         NULL AS cite_key, NULL AS entry_type, NULL AS title, NULL AS authors, NULL AS year,
         NULL AS venue_raw, NULL AS kind, NULL AS doi, NULL AS arxiv, NULL AS url, NULL AS tags,
         NULL AS status, NULL AS note, NULL AS fields, NULL AS meta, NULL AS existing WHERE 0;
CREATE TRIGGER IF NOT EXISTS import_record_run INSTEAD OF INSERT ON import_record WHEN NEW.go BEGIN
  -- the same as before: nothing changes (only the line it is on now)
  INSERT INTO import_log(run_id, seq, line, cite_key, title, action, paper_id, record_id)
    SELECT NEW.run_id, NEW.seq, NEW.line, NEW.cite_key, NEW.title, 'unchanged', r.paper_id, r.id
      FROM records r
     WHERE r.id = NEW.existing
       AND r.content = content_hash(json_array(NEW.cite_key, NEW.entry_type, NEW.title, NEW.authors,
                                  NEW.year, NEW.venue_raw, NEW.doi, NEW.arxiv, NEW.url, coalesce(NEW.tags, '[]'),
                                  NEW.status, NEW.note, NEW.fields, NEW.meta));
  UPDATE records SET seen_run = NEW.run_id, line = NEW.line
   WHERE id = NEW.existing
     AND EXISTS (SELECT 1 FROM import_log WHERE run_id = NEW.run_id AND seq = NEW.seq);
  -- changed since: the record is rewritten, the paper follows
  INSERT INTO record_update VALUES (
      NEW.existing IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_log WHERE run_id = NEW.run_id AND seq = NEW.seq),
      NEW.run_id, NEW.seq, NEW.existing, (SELECT paper_id FROM records WHERE id = NEW.existing),
      NEW.source, NEW.format, NEW.line, NEW.cite_key, NEW.entry_type, NEW.title, NEW.authors,
      NEW.year, NEW.venue_raw, NEW.kind, NEW.doi, NEW.arxiv, NEW.url, NEW.tags, NEW.status,
      NEW.note, NEW.fields, NEW.meta);
  -- new: a record of its own, in the paper it matches or in a new one
  INSERT INTO record_new VALUES (NEW.existing IS NULL, NEW.run_id, NEW.seq, NEW.source, NEW.format,
      NEW.line, NEW.cite_key, NEW.entry_type, NEW.title, NEW.authors, NEW.year, NEW.venue_raw,
      NEW.kind, NEW.doi, NEW.arxiv, NEW.url, NEW.tags, NEW.status, NEW.note, NEW.fields, NEW.meta);
END;

-- record_new: stored first (as paper 0), then compared with the records its
-- keys find; it joins the paper one of them is SAME as (and none DIFFERENT),
-- the best score first; else a new paper.  The papers it did not join go to
-- paper_pairs, and so do DIFFERENT ones (with the guard's reason).
CREATE VIEW IF NOT EXISTS record_new AS
  SELECT NULL AS go, NULL AS run_id, NULL AS seq, NULL AS source, NULL AS format, NULL AS line,
         NULL AS cite_key, NULL AS entry_type, NULL AS title, NULL AS authors, NULL AS year,
         NULL AS venue_raw, NULL AS kind, NULL AS doi, NULL AS arxiv, NULL AS url, NULL AS tags,
         NULL AS status, NULL AS note, NULL AS fields, NULL AS meta WHERE 0;
CREATE TRIGGER IF NOT EXISTS record_new_run INSTEAD OF INSERT ON record_new WHEN NEW.go BEGIN
  INSERT INTO record_put(id, paper_id, source, format, line, cite_key, entry_type, title, authors,
                         year, venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, how, seen_run)
    VALUES (NULL, 0, NEW.source, NEW.format, NEW.line, NEW.cite_key, NEW.entry_type, NEW.title,
            NEW.authors, NEW.year, NEW.venue_raw, NEW.kind, NEW.doi, NEW.arxiv, NEW.url, NEW.tags,
            NEW.status, NEW.note, NEW.fields, NEW.meta, NULL, NEW.run_id);
  -- compared with the records its keys lead to, if any
  INSERT INTO record_match VALUES (EXISTS (
      SELECT 1 FROM record_keys kn JOIN record_keys ko ON ko.key = kn.key AND ko.record_id <> kn.record_id
       WHERE kn.record_id = (SELECT max(id) FROM records)), (SELECT max(id) FROM records));
  -- a new paper when it matched none (or had nothing to compare with)
  INSERT INTO paper_new VALUES ((SELECT paper_id FROM records WHERE id = (SELECT max(id) FROM records)) = 0,
                                (SELECT max(id) FROM records));
  -- what it brings to a paper it joined
  INSERT INTO paper_join VALUES ((SELECT how FROM records WHERE id = (SELECT max(id) FROM records)) <> 'new',
                                 (SELECT paper_id FROM records WHERE id = (SELECT max(id) FROM records)),
                                 NEW.tags, NEW.note, NEW.status);
  INSERT INTO import_log(run_id, seq, line, cite_key, title, action, paper_id, record_id, reason)
    SELECT NEW.run_id, NEW.seq, NEW.line, NEW.cite_key, NEW.title,
           CASE WHEN how = 'new' THEN 'added' ELSE 'merged' END, paper_id, id,
           CASE WHEN how = 'new' THEN NULL ELSE how END
      FROM records WHERE id = (SELECT max(id) FROM records);
END;

-- record_match: the verdicts, one per record of each paper the new record's
-- keys lead to; the record joins the best paper (match_best) or a new one,
-- and the papers it did not join go to paper_pairs (a pair keeps its first reason;
-- an unsure pair becomes different when a later record finds a guard).
CREATE VIEW IF NOT EXISTS record_match AS SELECT NULL AS go, NULL AS record_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS record_match_run INSTEAD OF INSERT ON record_match WHEN NEW.go BEGIN
  DELETE FROM match_scratch;
  -- (LIMIT -1 keeps paper_match from being called once per use of its result)
  INSERT INTO match_scratch(paper_id, record_id, verdict, score, reason)
    SELECT m.paper_id, m.record_id, m.v ->> 'verdict', m.v ->> 'score', m.v ->> 'reason'
      FROM (SELECT o.paper_id, o.id AS record_id, paper_match(n.m, o.m) AS v
              FROM record_as_match n,
                   (SELECT r.paper_id, sum(1.0 / kc.n) AS w
                      FROM (SELECT kn.key, (SELECT count(*) FROM (SELECT 1 FROM record_keys
                                              WHERE key = kn.key LIMIT 65)) AS n
                              FROM record_keys kn WHERE kn.record_id = NEW.record_id) AS kc
                      JOIN record_keys ko ON ko.key = kc.key AND ko.record_id <> NEW.record_id
                      JOIN records r ON r.id = ko.record_id
                     WHERE kc.n <= 64 AND r.paper_id <> 0
                     -- the 16 papers with the rarest keys in common (a key of n records weighs 1/n)
                     GROUP BY r.paper_id ORDER BY w DESC, r.paper_id LIMIT 16) AS p
              JOIN record_as_match o ON o.paper_id = p.paper_id
             WHERE n.id = NEW.record_id LIMIT -1) AS m;
  UPDATE records SET (paper_id, how) =
      (SELECT paper_id, reason FROM match_best UNION ALL SELECT 0, NULL LIMIT 1)
    WHERE id = NEW.record_id;
  INSERT INTO paper_new VALUES ((SELECT paper_id FROM records WHERE id = NEW.record_id) = 0, NEW.record_id);
  INSERT INTO paper_pairs(paper_a, paper_b, verdict, score, reason)
    SELECT min(c.paper_id, r.paper_id), max(c.paper_id, r.paper_id), c.verdict, c.score, c.reason
      FROM records r,
           (SELECT paper_id, CASE WHEN sum(verdict = 'different') THEN 'different' ELSE 'unsure' END AS verdict,
                   max(CASE WHEN verdict = 'different' THEN 2 ELSE score END) AS strongest, score, reason
              FROM match_scratch GROUP BY paper_id) AS c
     WHERE r.id = NEW.record_id AND c.paper_id <> r.paper_id
    ON CONFLICT(paper_a, paper_b) DO UPDATE SET verdict = excluded.verdict, score = excluded.score,
       reason = excluded.reason
     WHERE paper_pairs.verdict = 'unsure' AND excluded.verdict = 'different';
END;

-- paper_join: what a record brings to the paper it joined: its tags, a note
-- not there yet (one that holds the paper's note whole replaces it), its
-- status; then the paper is derived again from its records.
CREATE VIEW IF NOT EXISTS paper_join AS
  SELECT NULL AS go, NULL AS paper_id, NULL AS tags, NULL AS note, NULL AS status WHERE 0;
CREATE TRIGGER IF NOT EXISTS paper_join_run INSTEAD OF INSERT ON paper_join WHEN NEW.go BEGIN
  UPDATE papers SET
      tags = (SELECT tags_union(t) FROM (SELECT papers.tags AS t UNION ALL SELECT coalesce(NEW.tags, '[]'))),
      note = CASE WHEN NEW.note IS NULL OR instr(coalesce(papers.note, ''), NEW.note) THEN papers.note
                  WHEN papers.note IS NULL OR instr(NEW.note, papers.note) THEN NEW.note
                  ELSE papers.note || char(10) || char(10) || NEW.note END,
      status = coalesce(NEW.status, papers.status)
    WHERE id = NEW.paper_id;
  INSERT INTO paper_rederive VALUES (NEW.paper_id);
END;

-- paper_new: a paper made from one record (its values are the paper's:
-- what paper_rederive derives from a single record).
CREATE VIEW IF NOT EXISTS paper_new AS SELECT NULL AS go, NULL AS record_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS paper_new_run INSTEAD OF INSERT ON paper_new WHEN NEW.go BEGIN
  INSERT INTO papers(title, title_key, authors, year, venue_raw, venue, kind, tags, status, note,
                     arxiv, doi, url, bibtex_key, bibtex_type, bibtex_fields, source, rev)
    SELECT title, title_key, authors, year, venue_raw, venue, kind, tags, status, note, arxiv, doi, url,
           cite_key, entry_type, CASE WHEN format = 'bibtex' THEN fields END, source, 1
      FROM records WHERE id = NEW.record_id;
  UPDATE records SET paper_id = (SELECT max(id) FROM papers), how = 'new'
   WHERE id = NEW.record_id;
END;

-- Scratch of record_new: the verdicts for the record being imported.
CREATE TABLE IF NOT EXISTS match_scratch(
  paper_id INTEGER, record_id INTEGER, verdict TEXT, score REAL, reason TEXT
);
-- The paper to join: a SAME verdict, no DIFFERENT one from its other
-- records; the best score, then the oldest paper.
CREATE VIEW IF NOT EXISTS match_best AS
  SELECT paper_id, max(score) AS score, reason
    FROM match_scratch
   WHERE verdict = 'same'
     AND NOT EXISTS (SELECT 1 FROM match_scratch d WHERE d.paper_id = match_scratch.paper_id
                                                    AND d.verdict = 'different')
   GROUP BY paper_id
   ORDER BY score DESC, paper_id
   LIMIT 1;

-- record_update: a record whose source changed it.  Its paper takes the
-- change: tags it added or removed (a tag another record gives stays), a
-- note it changed (replaced where the paper's note holds the old text, else
-- kept as it is: the new text is in the record), a status it changed.
CREATE VIEW IF NOT EXISTS record_update AS
  SELECT NULL AS go, NULL AS run_id, NULL AS seq, NULL AS record_id, NULL AS paper_id, NULL AS source,
         NULL AS format, NULL AS line, NULL AS cite_key, NULL AS entry_type, NULL AS title,
         NULL AS authors, NULL AS year, NULL AS venue_raw, NULL AS kind, NULL AS doi, NULL AS arxiv,
         NULL AS url, NULL AS tags, NULL AS status, NULL AS note, NULL AS fields, NULL AS meta WHERE 0;
CREATE TRIGGER IF NOT EXISTS record_update_run INSTEAD OF INSERT ON record_update WHEN NEW.go BEGIN
  INSERT INTO import_log(run_id, seq, line, cite_key, title, action, paper_id, record_id, reason)
    SELECT NEW.run_id, NEW.seq, NEW.line, NEW.cite_key, NEW.title, 'updated', NEW.paper_id, r.id,
           trim(CASE WHEN r.title IS NOT NEW.title THEN 'title, ' ELSE '' END
             || CASE WHEN r.note IS NOT NEW.note THEN
                       CASE WHEN r.note IS NOT NULL AND p.note IS NOT NULL AND NOT instr(p.note, r.note)
                            THEN 'note (the paper''s note was edited since: kept; the new note is in record ' || r.id || '), '
                            ELSE 'note, ' END ELSE '' END
             || CASE WHEN r.tags IS NOT coalesce(NEW.tags, '[]') THEN 'tags, ' ELSE '' END
             || CASE WHEN r.status IS NOT NEW.status THEN 'status, ' ELSE '' END
             || CASE WHEN r.entry_type IS NOT NEW.entry_type OR r.authors IS NOT NEW.authors
                       OR (NEW.year IS NOT NULL AND r.year IS NOT NEW.year) OR r.venue_raw IS NOT NEW.venue_raw
                       OR r.doi IS NOT NEW.doi OR r.arxiv IS NOT NEW.arxiv OR r.url IS NOT NEW.url
                       OR r.fields IS NOT NEW.fields OR r.meta IS NOT NEW.meta
                     THEN 'fields, ' ELSE '' END, ', ')
      FROM records r, papers p WHERE r.id = NEW.record_id AND p.id = NEW.paper_id;
  UPDATE papers SET
      tags = (SELECT coalesce(tags_union(json_array(t.value)), '[]') FROM (
                SELECT value FROM json_each(papers.tags)
                 WHERE value NOT IN (SELECT value FROM json_each(r.tags)
                                      WHERE value NOT IN (SELECT value FROM json_each(coalesce(NEW.tags, '[]'))))
                    OR value IN (SELECT j.value FROM records o, json_each(o.tags) j
                                  WHERE o.paper_id = NEW.paper_id AND o.id <> r.id)
                UNION ALL
                SELECT value FROM json_each(coalesce(NEW.tags, '[]'))) AS t),
      note = CASE WHEN r.note IS NEW.note THEN papers.note
                  WHEN r.note IS NULL THEN CASE WHEN papers.note IS NULL THEN NEW.note
                                                ELSE papers.note || char(10) || char(10) || NEW.note END
                  WHEN papers.note IS NULL OR NOT instr(papers.note, r.note) THEN papers.note
                  WHEN NEW.note IS NULL THEN nullif(trim(replace(papers.note, r.note, ''), char(10)), '')
                  ELSE replace(papers.note, r.note, NEW.note) END,
      status = CASE WHEN papers.status IS r.status THEN NEW.status ELSE papers.status END
    FROM records r
   WHERE papers.id = NEW.paper_id AND r.id = NEW.record_id;
  INSERT INTO record_put(id, paper_id, source, format, line, cite_key, entry_type, title, authors,
                         year, venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, how, seen_run)
    VALUES (NEW.record_id, NEW.paper_id, NEW.source, NEW.format, NEW.line, NEW.cite_key,
            NEW.entry_type, NEW.title, NEW.authors, NEW.year, NEW.venue_raw, NEW.kind, NEW.doi, NEW.arxiv,
            NEW.url, NEW.tags, NEW.status, NEW.note, NEW.fields, NEW.meta,
            (SELECT how FROM records WHERE id = NEW.record_id), NEW.run_id);
  INSERT INTO paper_rederive(paper_id) VALUES (NEW.paper_id);
END;

-- ------------------------------------------ papers you write yourself
-- A paper you INSERT (rev 0) gets a record of its own (source 'sql'); an
-- UPDATE of a bibliographic column (one that does not come from a
-- derivation) is written into that record, so it wins over the imports.
CREATE TRIGGER IF NOT EXISTS papers_by_hand AFTER INSERT ON papers WHEN NEW.rev = 0 BEGIN
  INSERT INTO record_put(id, paper_id, source, format, line, cite_key, entry_type, title, authors,
                         year, venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, how, seen_run)
    VALUES (NULL, NEW.id, 'sql', 'sql', NULL, NEW.bibtex_key, NEW.bibtex_type, NEW.title, NEW.authors,
            NEW.year, NEW.venue_raw, NEW.kind, lower(NEW.doi), NEW.arxiv, NEW.url, NEW.tags, NULL, NULL,
            NEW.bibtex_fields, NULL, 'new', NULL);
  UPDATE papers SET rev = 1 WHERE id = NEW.id;
  INSERT INTO paper_rederive(paper_id) VALUES (NEW.id);
END;

CREATE TRIGGER IF NOT EXISTS papers_edit AFTER UPDATE ON papers
  WHEN NEW.rev = OLD.rev AND (NEW.title IS NOT OLD.title OR NEW.authors IS NOT OLD.authors
    OR NEW.year IS NOT OLD.year OR NEW.venue_raw IS NOT OLD.venue_raw OR NEW.doi IS NOT OLD.doi
    OR NEW.arxiv IS NOT OLD.arxiv OR NEW.url IS NOT OLD.url OR NEW.bibtex_key IS NOT OLD.bibtex_key
    OR NEW.bibtex_type IS NOT OLD.bibtex_type) BEGIN
  INSERT INTO record_put(id, paper_id, source, format, line, cite_key, entry_type, title, authors,
                         year, venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, how, seen_run)
    SELECT s.id, NEW.id, 'sql', 'sql', NULL,
           CASE WHEN NEW.bibtex_key IS NOT OLD.bibtex_key THEN NEW.bibtex_key ELSE s.cite_key END,
           CASE WHEN NEW.bibtex_type IS NOT OLD.bibtex_type THEN NEW.bibtex_type ELSE s.entry_type END,
           CASE WHEN NEW.title IS NOT OLD.title THEN NEW.title ELSE s.title END,
           CASE WHEN NEW.authors IS NOT OLD.authors THEN NEW.authors ELSE s.authors END,
           CASE WHEN NEW.year IS NOT OLD.year THEN NEW.year ELSE s.year END,
           CASE WHEN NEW.venue_raw IS NOT OLD.venue_raw THEN NEW.venue_raw ELSE s.venue_raw END,
           s.kind,
           CASE WHEN NEW.doi IS NOT OLD.doi THEN lower(NEW.doi) ELSE s.doi END,
           CASE WHEN NEW.arxiv IS NOT OLD.arxiv THEN NEW.arxiv ELSE s.arxiv END,
           CASE WHEN NEW.url IS NOT OLD.url THEN NEW.url ELSE s.url END,
           '[]', NULL, NULL, s.fields, s.meta, coalesce(s.how, 'your edit'), NULL
      FROM (SELECT NULL AS x) LEFT JOIN records s ON s.paper_id = NEW.id AND s.format = 'sql';
  INSERT INTO paper_rederive(paper_id) VALUES (NEW.id);
END;

-- ------------------------------------------------ when it is unclear
-- Pairs of papers that may be one work: what an import could not decide,
-- and papers that share a title key, a DOI or an arXiv id (papers you
-- added yourself, or merged records split apart), less the pairs you said
-- are different works.
CREATE VIEW IF NOT EXISTS likely_duplicates AS
  SELECT c.id_a, c.id_b, group_concat(c.same, '; ') AS same, a.title AS title_a,
         b.title AS title_b, max(c.score) AS score
    FROM (SELECT paper_a AS id_a, paper_b AS id_b, reason AS same, score
            FROM paper_pairs WHERE verdict = 'unsure'
          UNION ALL
          SELECT a.id, b.id, 'same title key', NULL
            FROM papers a JOIN papers b ON b.title_key = a.title_key AND a.id < b.id
          UNION ALL
          SELECT a.id, b.id, 'same DOI', NULL FROM papers a JOIN papers b ON b.doi = a.doi AND a.id < b.id
          UNION ALL
          SELECT a.id, b.id, 'same arXiv id', NULL
            FROM papers a JOIN papers b ON b.arxiv = a.arxiv AND a.id < b.id) AS c
    JOIN papers a ON a.id = c.id_a JOIN papers b ON b.id = c.id_b
   WHERE NOT EXISTS (SELECT 1 FROM paper_pairs d
                      WHERE d.paper_a = c.id_a AND d.paper_b = c.id_b AND d.verdict = 'different')
     AND NOT EXISTS (SELECT 1 FROM not_same n, records ra, records rb
                      WHERE ra.paper_id = c.id_a AND rb.paper_id = c.id_b
                        AND n.record_a = min(ra.id, rb.id) AND n.record_b = max(ra.id, rb.id))
   GROUP BY c.id_a, c.id_b
   ORDER BY c.id_a, c.id_b;
CREATE VIEW IF NOT EXISTS duplicates AS SELECT * FROM likely_duplicates;

-- Papers an import kept apart though they look alike, and why.
CREATE VIEW IF NOT EXISTS kept_apart AS
  SELECT d.paper_a AS id_a, d.paper_b AS id_b, d.reason, a.title AS title_a, b.title AS title_b
    FROM paper_pairs d JOIN papers a ON a.id = d.paper_a JOIN papers b ON b.id = d.paper_b
   WHERE d.verdict = 'different'
   ORDER BY d.paper_a, d.paper_b;

-- paper_merge(keep, merge): the records of paper `merge` join paper `keep`
-- (its tags, note and status too), and `merge` is gone.
CREATE VIEW IF NOT EXISTS paper_merge AS SELECT NULL AS keep, NULL AS merge WHERE 0;
CREATE TRIGGER IF NOT EXISTS paper_merge_run INSTEAD OF INSERT ON paper_merge BEGIN
  SELECT CASE WHEN (SELECT count(*) FROM papers WHERE id IN (NEW.keep, NEW.merge)) < 2
                OR NEW.keep = NEW.merge
              THEN RAISE(ABORT, 'paper_merge: keep and merge must be two papers') END;
  UPDATE papers SET
      tags = (SELECT tags_union(t) FROM (SELECT papers.tags AS t UNION ALL SELECT m.tags)),
      note = CASE WHEN m.note IS NULL OR instr(coalesce(papers.note, ''), m.note) THEN papers.note
                  WHEN papers.note IS NULL THEN m.note
                  ELSE papers.note || char(10) || char(10) || m.note END,
      status = coalesce(papers.status, m.status)
    FROM papers m WHERE papers.id = NEW.keep AND m.id = NEW.merge;
  UPDATE records SET paper_id = NEW.keep, how = 'merged by you' WHERE paper_id = NEW.merge;
  DELETE FROM papers WHERE id = NEW.merge;
  DELETE FROM paper_pairs WHERE paper_a IN (NEW.keep, NEW.merge) AND paper_b IN (NEW.keep, NEW.merge);
  UPDATE OR REPLACE paper_pairs SET paper_a = min(NEW.keep, paper_b), paper_b = max(NEW.keep, paper_b)
   WHERE paper_a = NEW.merge;
  UPDATE OR REPLACE paper_pairs SET paper_a = min(NEW.keep, paper_a), paper_b = max(NEW.keep, paper_a)
   WHERE paper_b = NEW.merge;
  INSERT INTO paper_rederive(paper_id) VALUES (NEW.keep);
END;

-- record_split(record_id): the record leaves its paper for a paper of its
-- own, remembered as not the same work as the records it leaves.
CREATE VIEW IF NOT EXISTS record_split AS SELECT NULL AS record_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS record_split_run INSTEAD OF INSERT ON record_split BEGIN
  SELECT CASE WHEN (SELECT count(*) FROM records WHERE paper_id =
                     (SELECT paper_id FROM records WHERE id = NEW.record_id)) < 2
              THEN RAISE(ABORT, 'record_split: the record is not one of several records of a paper') END;
  INSERT OR IGNORE INTO not_same(record_a, record_b)
    SELECT min(NEW.record_id, o.id), max(NEW.record_id, o.id)
      FROM records r JOIN records o ON o.paper_id = r.paper_id AND o.id <> r.id
     WHERE r.id = NEW.record_id;
  INSERT INTO papers(title, tags, status, note, rev)
    SELECT title, tags, status, note, 1 FROM records WHERE id = NEW.record_id;
  INSERT INTO paper_rederive(paper_id) SELECT paper_id FROM records WHERE id = NEW.record_id;
  UPDATE records SET paper_id = (SELECT max(id) FROM papers), how = 'split by you'
   WHERE id = NEW.record_id;
  INSERT INTO paper_rederive(paper_id) VALUES ((SELECT max(id) FROM papers));
END;

-- paper_not_same(paper_a, paper_b): remembered; they leave duplicates, and
-- no later import merges their records.
CREATE VIEW IF NOT EXISTS paper_not_same AS SELECT NULL AS paper_a, NULL AS paper_b WHERE 0;
CREATE TRIGGER IF NOT EXISTS paper_not_same_run INSTEAD OF INSERT ON paper_not_same BEGIN
  INSERT OR IGNORE INTO not_same(record_a, record_b)
    SELECT min(a.id, b.id), max(a.id, b.id)
      FROM records a, records b WHERE a.paper_id = NEW.paper_a AND b.paper_id = NEW.paper_b;
  INSERT OR REPLACE INTO paper_pairs(paper_a, paper_b, verdict, score, reason)
    VALUES (min(NEW.paper_a, NEW.paper_b), max(NEW.paper_a, NEW.paper_b), 'different', NULL,
            'you said they are not the same');
END;

-- ------------------------------------------ your venue aliases change
-- A change to paperext_venue_aliases derives every record's and paper's
-- venue again.
CREATE VIEW IF NOT EXISTS paperext_venue_rederive AS SELECT 1 AS x WHERE 0;
CREATE TRIGGER IF NOT EXISTS paperext_venue_rederive_run INSTEAD OF INSERT ON paperext_venue_rederive BEGIN
  -- inside the statement that changed the table: read it now
  SELECT venue_aliases_reload();
  UPDATE records SET venue = v.r ->> 'acronym', kind = v.r ->> 'kind'
    FROM (SELECT id AS rid, venue_resolve(venue_raw) AS r FROM records WHERE venue_raw IS NOT NULL) AS v
   WHERE records.id = v.rid AND (records.venue IS NOT v.r ->> 'acronym' OR records.kind IS NOT v.r ->> 'kind');
  INSERT INTO paper_rederive(paper_id) SELECT id FROM papers;
END;
CREATE TRIGGER IF NOT EXISTS paperext_venue_aliases_insert AFTER INSERT ON paperext_venue_aliases BEGIN
  INSERT INTO paperext_venue_rederive VALUES (1);
END;
CREATE TRIGGER IF NOT EXISTS paperext_venue_aliases_update AFTER UPDATE ON paperext_venue_aliases BEGIN
  INSERT INTO paperext_venue_rederive VALUES (1);
END;
CREATE TRIGGER IF NOT EXISTS paperext_venue_aliases_delete AFTER DELETE ON paperext_venue_aliases BEGIN
  INSERT INTO paperext_venue_rederive VALUES (1);
END;

-- ---------------------------------------- the old one-row import view
-- INSERT INTO paper_import(title, ...) VALUES (...): one record through the
-- same merging import, from source (default 'paper_import'), format 'sql'
-- entries of a run of their own.
CREATE VIEW IF NOT EXISTS paper_import AS
  SELECT title, authors, year, venue_raw, kind, tags, status, note, arxiv, doi, url,
         bibtex_key, bibtex_type, bibtex_fields, source
    FROM papers WHERE 0;
CREATE TRIGGER IF NOT EXISTS paper_import_merge INSTEAD OF INSERT ON paper_import BEGIN
  INSERT INTO import_runs(source, format) VALUES (coalesce(NEW.source, 'paper_import'), 'record');
  INSERT INTO import_entry(run_id, seq, source, format, line, cite_key, entry_type, title, authors,
                           year, venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, error)
    VALUES ((SELECT max(id) FROM import_runs), 1, coalesce(NEW.source, 'paper_import'), 'record',
            NULL, NEW.bibtex_key, NEW.bibtex_type, NEW.title, NEW.authors, NEW.year, NEW.venue_raw,
            NEW.kind, NEW.doi, NEW.arxiv, NEW.url, NEW.tags, NEW.status, NEW.note, NEW.bibtex_fields,
            json_object('locator', NEW.bibtex_key, 'authors', json_extract(NEW.bibtex_fields, '$.author')),
            CASE WHEN NEW.title IS NULL THEN 'no title' END);
  INSERT INTO import_finish VALUES ((SELECT max(id) FROM import_runs));
END;

-- ---------------------------------------------------------------- views
-- Plain SQL, so any sqlite3 reads them.

-- Papers still to read: marked to-read or reading, or with no status at all.
CREATE VIEW IF NOT EXISTS to_read AS
  SELECT id, title, venue, year, status, tags, note IS NULL AS no_note
    FROM papers
   WHERE status IS NULL OR status IN ('to-read', 'reading')
   ORDER BY year DESC, venue, id;

-- Papers per venue and year (the canonical venue, else the text as written).
CREATE VIEW IF NOT EXISTS by_venue AS
  SELECT coalesce(venue, venue_raw) AS venue, year, count(*) AS papers,
         sum(note IS NOT NULL) AS with_notes
    FROM papers
   GROUP BY 1, 2
   ORDER BY papers DESC, venue, year;

CREATE VIEW IF NOT EXISTS tag_counts AS
  SELECT t.value AS tag, count(*) AS papers
    FROM papers, json_each(papers.tags) AS t
   GROUP BY t.value
   ORDER BY papers DESC, tag;

-- ------------------------------------------------------------- export
-- papers_bibtex: each paper as a BibTeX entry (needs paperext).
--   SELECT bibtex FROM papers_bibtex WHERE tag_has(tags, 'video');
-- A paper from a .bib is written with every field it came with; any other
-- from its columns: the title case-protected (bibtex_protect) and LaTeX's
-- specials escaped (latex_escape), the proceedings' title or the venue's
-- full name, a key made by cite_key().  Keys are unique over the whole database: a key two papers
-- would share gets 'b', 'c', ... (a key a .bib gave keeps it first).  The
-- paper's other cite keys are in biblatex's `ids`, its tags in `keywords`.
CREATE VIEW IF NOT EXISTS papers_bibtex AS
  SELECT id, tags, venue, year, key,
         bibtex_format(
           coalesce(bibtex_type, CASE kind WHEN 'journal' THEN 'article'
                                           WHEN 'preprint' THEN 'misc'
                                           ELSE 'inproceedings' END),
           key,
           json_set(coalesce(bibtex_fields, json_object(
                      'title', bibtex_protect(latex_escape(title)),
                      'author', authors,
                      CASE kind WHEN 'journal' THEN 'journal' ELSE 'booktitle' END,
                        latex_escape(coalesce(venue_proceedings(venue_raw), venue_name(venue_raw), venue_raw)),
                      'year', CAST(year AS TEXT),
                      'doi', doi,
                      'eprint', arxiv,
                      'archiveprefix', CASE WHEN arxiv IS NOT NULL THEN 'arXiv' END,
                      'url', url,
                      -- (BibTeX sorts by author; without authors, by this)
                      'key', CASE WHEN authors IS NULL THEN title END)),
                    '$.ids', (SELECT group_concat(k.key, ',') FROM paper_keys k
                               WHERE k.paper_id = n.id AND k.key IS NOT n.key),
                    '$.keywords', CASE WHEN tags <> '[]'
                                    THEN (SELECT group_concat(latex_escape(value), ', ') FROM json_each(n.tags)) END)) AS bibtex
    FROM (SELECT c.*, c.k || CASE WHEN c.n > 1 AND c.n <= 26 THEN char(96 + c.n)
                                  WHEN c.n > 26 THEN '-' || c.n ELSE '' END AS key
            FROM (SELECT p.*, row_number() OVER (PARTITION BY p.k ORDER BY p.bibtex_key IS NULL, p.id) AS n
                    FROM (SELECT papers.*, coalesce(bibtex_key, cite_key(authors, year, title), 'paper' || id) AS k
                            FROM papers) AS p) AS c) AS n;

-- papers_csljson: each paper as a CSL-JSON item (needs paperext), id the
-- paper's BibTeX key, for pandoc --citeproc and citeproc-js:
--   SELECT csljson_array(item) FROM papers_csljson WHERE tag_has(tags, 'video');
CREATE VIEW IF NOT EXISTS papers_csljson AS
  SELECT b.id, b.tags, b.key,
         csljson_item(json_object(
           'id', b.key, 'type', coalesce(CASE p.bibtex_type WHEN 'article' THEN 'article-journal' ELSE p.bibtex_type END,
                                        CASE p.kind WHEN 'journal' THEN 'article-journal'
                                                                  WHEN 'preprint' THEN 'article'
                                                                  ELSE 'paper-conference' END),
           'title', p.title, 'author', p.authors, 'issued', p.year,
           'container-title', coalesce(venue_proceedings(p.venue_raw), venue_name(p.venue_raw), p.venue_raw),
           'volume', json_extract(p.bibtex_fields, '$.volume'), 'issue', json_extract(p.bibtex_fields, '$.number'),
           'page', json_extract(p.bibtex_fields, '$.pages'),
           'DOI', p.doi, 'URL', coalesce(p.url, CASE WHEN p.arxiv IS NOT NULL THEN 'https://arxiv.org/abs/' || p.arxiv END),
           'keyword', CASE WHEN p.tags <> '[]' THEN (SELECT group_concat(value, ', ') FROM json_each(p.tags)) END)) AS item
    FROM papers_bibtex b JOIN papers p ON p.id = b.id;

-- papers_ris: each paper as a RIS record (needs paperext): authors as
-- 'Last, First, Jr', keywords one KW line each.
--   SELECT group_concat(ris, '') FROM papers_ris WHERE tag_has(tags, 'video');
CREATE VIEW IF NOT EXISTS papers_ris AS
  SELECT b.id, b.tags, b.key,
         ris_format(CASE p.bibtex_type WHEN 'article' THEN 'JOUR' WHEN 'inproceedings' THEN 'CONF'
                                       WHEN 'conference' THEN 'CONF' WHEN 'incollection' THEN 'CHAP'
                                       WHEN 'inbook' THEN 'CHAP' WHEN 'book' THEN 'BOOK'
                                       WHEN 'phdthesis' THEN 'THES' WHEN 'mastersthesis' THEN 'THES'
                                       WHEN 'techreport' THEN 'RPRT'
                                       ELSE CASE p.kind WHEN 'journal' THEN 'JOUR' WHEN 'preprint' THEN 'GEN'
                                                        WHEN 'conference' THEN 'CONF' ELSE 'GEN' END END,
           json_object(
             'ID', b.key, 'TI', p.title,
             'AU', (SELECT json_group_array(trim(coalesce(nullif(von, '') || ' ', '') || last
                                                 || coalesce(', ' || nullif(first, ''), '')
                                                 || coalesce(', ' || nullif(jr, ''), '')))
                      FROM bibtex_names(p.authors) WHERE NOT others),
             'PY', p.year,
             CASE WHEN p.kind = 'journal' THEN 'JO' ELSE 'T2' END,
               coalesce(venue_proceedings(p.venue_raw), venue_name(p.venue_raw), p.venue_raw),
             'VL', json_extract(p.bibtex_fields, '$.volume'), 'IS', json_extract(p.bibtex_fields, '$.number'),
             'SP', json_extract(p.bibtex_fields, '$.pages'),
             'DO', p.doi, 'UR', coalesce(p.url, CASE WHEN p.arxiv IS NOT NULL THEN 'https://arxiv.org/abs/' || p.arxiv END),
             'KW', CASE WHEN p.tags <> '[]' THEN json(p.tags) END)) AS ris
    FROM papers_bibtex b JOIN papers p ON p.id = b.id;
