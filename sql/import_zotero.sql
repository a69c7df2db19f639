-- import_zotero.sql: import a Zotero library, merging with what is there.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :file ~/Zotero/zotero.sqlite' \
--     < sql/import_zotero.sql
--
-- The same statement from any client: the INSERT below, with :file bound.
-- zotero_items() reads the library read-only, from one snapshot that
-- includes Zotero's WAL; it never writes to it (Zotero may be running).
-- Every regular item is a record (locator: library/item key) with every
-- field (fields: the item's type, fields and creators), its citation key,
-- its tags and its collections as tags ('Vision/Self-supervised' ->
-- 'vision/self-supervised'), its child notes as the note.  Importing the
-- library again changes what changed in Zotero.
.bail on
.headers on
INSERT INTO import_rows(source, format, seq, line, cite_key, entry_type, title, authors, year,
                        venue_raw, kind, doi, arxiv, url, tags, status, note, fields, meta, error)
  SELECT :file, 'zotero', row_number() OVER (ORDER BY library_id, key), NULL, citation_key,
         CASE type WHEN 'journalArticle' THEN 'article' WHEN 'conferencePaper' THEN 'inproceedings'
                   WHEN 'bookSection' THEN 'incollection' WHEN 'book' THEN 'book'
                   WHEN 'thesis' THEN 'phdthesis' WHEN 'report' THEN 'techreport' ELSE 'misc' END,
         title, author, year, venue, CASE WHEN type = 'preprint' THEN 'preprint' END,
         doi, arxiv, url,
         (SELECT tags_union(t) FROM (SELECT tags AS t UNION ALL SELECT collections)),
         NULL, notes,
         json_object('zotero', json_object('library_id', library_id, 'key', key, 'type', type,
                                           'fields', json(fields), 'creators', json(creators))),
         json_object('locator', library_id || '/' || key, 'volume', fields ->> '$.volume',
                     'number', fields ->> '$.issue', 'pages', fields ->> '$.pages',
                     'edition', fields ->> '$.edition'),
         NULL
    FROM zotero_items(:file);

SELECT source, entries, added, merged, updated, unchanged, skipped
  FROM import_summary WHERE run = (SELECT max(id) FROM import_runs);

SELECT action, paper_id, reason, cite_key, title FROM last_import WHERE action <> 'unchanged';
.headers off
