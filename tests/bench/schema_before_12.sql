-- schema_before_12.sql: sql/schema.sql as it was before issue 12 (one table,
-- a merging INSERT view), kept as the floor of tests/bench/bench_papers.sh.
-- schema.sql: a reading list as a database (paperext).
--
--   sqlite3 papers.db -cmd '.load ./paperext' < sql/schema.sql
--
-- papers          one row per paper; what came in is kept as written (title,
--                 venue_raw, note, bibtex_fields), derived columns are stored
--                 (title_key, venue, kind, year when the venue text gives it)
--                 and kept current by triggers.
-- paperext_venue_aliases  your own venue spellings (alias, acronym, name,
--                 kind): venue_resolve() applies them over the catalog, and
--                 the triggers below derive papers.venue/kind/year again
--                 when this table changes.
-- papers_fts      FTS5 index over title and note with the paperext tokenizer
--                 (Chinese searchable by any substring; 'fold 1': Traditional
--                 and Simplified forms match), kept current by triggers
--                 (external content: it stores no second copy of the text).
-- paper_import    a view to INSERT into: a paper already known by DOI, arXiv
--                 id or title key is updated (fields it lacks are filled,
--                 tags merged, a new note appended), any other is added.
-- to_read, by_venue, tag_counts, duplicates: views.
--
-- Reading needs no extension: every table and view is plain SQL (views use
-- only built-in functions, derived values are stored), so any sqlite3, Python
-- or Node can read the database.  Only papers_fts needs the extension (its
-- tokenizer), and so does writing to papers (the triggers call title_key(),
-- venue_resolve(), ... and update papers_fts): load paperext to write.
CREATE TABLE IF NOT EXISTS papers(
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,          -- as written (typos included)
  title_key     TEXT,                   -- title_key(title): equal for spellings of one title
  authors       TEXT,                   -- 'First Last and First Last' (BibTeX form)
  year          INTEGER,                -- given, else venue_year(venue_raw)
  venue_raw     TEXT,                   -- as written: 'nips2020', 'Advances in Neural ...'
  venue         TEXT,                   -- venue_resolve(venue_raw): 'NeurIPS' (your aliases applied)
  kind          TEXT,                   -- venue_kind(venue_raw): conference|journal|workshop|preprint
  tags          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags)='array'),
  status        TEXT CHECK (status IS NULL OR status IN ('to-read','reading','read','skipped')),
  note          TEXT,
  arxiv         TEXT,                   -- arXiv id without version: '2006.07733'
  doi           TEXT,                   -- lower case: '10.1109/cvpr.2016.90'
  url           TEXT,
  bibtex_key    TEXT,
  bibtex_type   TEXT,                   -- 'inproceedings', 'article', ...
  bibtex_fields TEXT CHECK (bibtex_fields IS NULL OR json_valid(bibtex_fields)),  -- every field, as imported
  source        TEXT,                   -- where it came from: 'list.txt:12', 'refs.bib:40'
  added         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS papers_title_key ON papers(title_key);
CREATE INDEX IF NOT EXISTS papers_doi ON papers(doi);
CREATE INDEX IF NOT EXISTS papers_arxiv ON papers(arxiv);
CREATE INDEX IF NOT EXISTS papers_venue_year ON papers(venue, year);

-- Full-text search: SELECT rowid, highlight(papers_fts, 1, '[', ']') FROM papers_fts
--   WHERE papers_fts MATCH fts_query('記憶體');
CREATE VIRTUAL TABLE IF NOT EXISTS papers_fts USING fts5(
  title, note, content='papers', content_rowid='id', tokenize='paperext fold 1'
);

-- Derived columns.  The UPDATE of the insert trigger sets only derived
-- columns, which fire no other trigger.
-- The venue is read by venue_resolve(), which applies paperext_venue_aliases.
CREATE TABLE IF NOT EXISTS paperext_venue_aliases(
  alias   TEXT,                         -- a spelling to recognize ('DLRS workshop'); NULL: the acronym
  acronym TEXT NOT NULL,                -- what papers.venue becomes
  name    TEXT,                         -- NULL: the catalog's name
  kind    TEXT                          -- NULL: the catalog's kind
);

CREATE TRIGGER IF NOT EXISTS papers_derive_insert AFTER INSERT ON papers BEGIN
  UPDATE papers SET
    title_key = title_key(NEW.title),
    venue = v.r ->> 'acronym',
    kind = coalesce(v.r ->> 'kind', NEW.kind),
    year = coalesce(NEW.year, v.r ->> 'year')
  FROM (SELECT venue_resolve(NEW.venue_raw) AS r) AS v
  WHERE id = NEW.id;
END;

CREATE TRIGGER IF NOT EXISTS papers_derive_update AFTER UPDATE OF title, venue_raw ON papers BEGIN
  UPDATE papers SET
    title_key = title_key(NEW.title),
    venue = v.r ->> 'acronym',
    kind = coalesce(v.r ->> 'kind', NEW.kind),
    year = coalesce(NEW.year, v.r ->> 'year')
  FROM (SELECT venue_resolve(NEW.venue_raw) AS r) AS v
  WHERE id = NEW.id;
END;

-- A change to your venue aliases derives every paper's venue again (the
-- kind only where the venue gives one: a given kind stays).
CREATE VIEW IF NOT EXISTS paperext_venue_rederive AS SELECT 1 AS x WHERE 0;
CREATE TRIGGER IF NOT EXISTS paperext_venue_rederive_run INSTEAD OF INSERT ON paperext_venue_rederive BEGIN
  UPDATE papers SET
    venue = v.r ->> 'acronym',
    kind = coalesce(v.r ->> 'kind', papers.kind)
  FROM (SELECT id AS pid, venue_resolve(venue_raw) AS r FROM papers WHERE venue_raw IS NOT NULL) AS v
  WHERE papers.id = v.pid AND (papers.venue IS NOT v.r ->> 'acronym' OR papers.kind IS NOT coalesce(v.r ->> 'kind', papers.kind));
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

CREATE TRIGGER IF NOT EXISTS papers_touch AFTER UPDATE OF
    title, authors, year, venue_raw, tags, status, note, arxiv, doi, url,
    bibtex_key, bibtex_type, bibtex_fields ON papers
  WHEN NEW.updated IS OLD.updated BEGIN
  UPDATE papers SET updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;

-- The full-text index follows title and note.
CREATE TRIGGER IF NOT EXISTS papers_fts_insert AFTER INSERT ON papers BEGIN
  INSERT INTO papers_fts(rowid, title, note) VALUES (NEW.id, NEW.title, NEW.note);
END;

CREATE TRIGGER IF NOT EXISTS papers_fts_delete AFTER DELETE ON papers BEGIN
  INSERT INTO papers_fts(papers_fts, rowid, title, note) VALUES ('delete', OLD.id, OLD.title, OLD.note);
END;

CREATE TRIGGER IF NOT EXISTS papers_fts_update AFTER UPDATE OF title, note ON papers BEGIN
  INSERT INTO papers_fts(papers_fts, rowid, title, note) VALUES ('delete', OLD.id, OLD.title, OLD.note);
  INSERT INTO papers_fts(rowid, title, note) VALUES (NEW.id, NEW.title, NEW.note);
END;

-- Merging import: INSERT INTO paper_import(title, ...) VALUES (...).
-- A paper is the same when its DOI, its arXiv id or its title key matches
-- (in that order).  Then: what the paper lacks is filled in, tags are
-- merged, a status given wins, a new note is appended after a blank line
-- (a note already there is not repeated); the title stays as first written.
CREATE VIEW IF NOT EXISTS paper_import AS
  SELECT title, authors, year, venue_raw, kind, tags, status, note, arxiv, doi, url,
         bibtex_key, bibtex_type, bibtex_fields, source
    FROM papers WHERE 0;

CREATE TRIGGER IF NOT EXISTS paper_import_merge INSTEAD OF INSERT ON paper_import BEGIN
  UPDATE papers SET
    authors = coalesce(authors, NEW.authors),
    year = coalesce(year, NEW.year),
    venue_raw = coalesce(venue_raw, NEW.venue_raw),
    kind = coalesce(kind, NEW.kind),
    tags = CASE WHEN NEW.tags IS NULL OR NEW.tags = '[]' THEN tags
                ELSE coalesce((SELECT tags_union(t) FROM (SELECT papers.tags AS t UNION ALL SELECT NEW.tags)),
                              tags) END,
    status = coalesce(NEW.status, status),
    note = CASE WHEN NEW.note IS NULL OR instr(coalesce(note, ''), NEW.note) THEN note
                WHEN note IS NULL THEN NEW.note
                ELSE note || char(10) || char(10) || NEW.note END,
    arxiv = coalesce(arxiv, NEW.arxiv),
    doi = coalesce(doi, lower(NEW.doi)),
    url = coalesce(url, NEW.url),
    bibtex_key = coalesce(bibtex_key, NEW.bibtex_key),
    bibtex_type = coalesce(bibtex_type, NEW.bibtex_type),
    bibtex_fields = coalesce(bibtex_fields, NEW.bibtex_fields),
    source = CASE WHEN NEW.source IS NULL OR instr(coalesce(source, ''), NEW.source) THEN source
                  ELSE coalesce(source || '; ', '') || NEW.source END
  WHERE id = (SELECT p.id FROM papers p
               WHERE (NEW.doi IS NOT NULL AND p.doi = lower(NEW.doi))
                  OR (NEW.arxiv IS NOT NULL AND p.arxiv = NEW.arxiv)
                  OR p.title_key = title_key(NEW.title)
               ORDER BY p.doi IS lower(NEW.doi) DESC, p.arxiv IS NEW.arxiv DESC, p.id
               LIMIT 1);
  INSERT INTO papers(title, authors, year, venue_raw, kind, tags, status, note, arxiv, doi, url,
                     bibtex_key, bibtex_type, bibtex_fields, source)
    SELECT NEW.title, NEW.authors, NEW.year, NEW.venue_raw, NEW.kind, coalesce(NEW.tags, '[]'),
           NEW.status, NEW.note, NEW.arxiv, lower(NEW.doi), NEW.url,
           NEW.bibtex_key, NEW.bibtex_type, NEW.bibtex_fields, NEW.source
     WHERE NOT EXISTS (SELECT 1 FROM papers p
                        WHERE (NEW.doi IS NOT NULL AND p.doi = lower(NEW.doi))
                           OR (NEW.arxiv IS NOT NULL AND p.arxiv = NEW.arxiv)
                           OR p.title_key = title_key(NEW.title));
END;

-- Views: plain SQL only, so any sqlite3 reads them.

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

-- Pairs of papers that look like one: same title key, DOI or arXiv id.
CREATE VIEW IF NOT EXISTS duplicates AS
  SELECT a.id AS id_a, b.id AS id_b, 'title' AS same, a.title AS title_a, b.title AS title_b
    FROM papers a JOIN papers b ON b.title_key = a.title_key AND a.id < b.id
  UNION ALL
  SELECT a.id, b.id, 'doi', a.title, b.title
    FROM papers a JOIN papers b ON b.doi = a.doi AND a.id < b.id
  UNION ALL
  SELECT a.id, b.id, 'arxiv', a.title, b.title
    FROM papers a JOIN papers b ON b.arxiv = a.arxiv AND a.id < b.id;
