-- import_csljson.sql: import a CSL-JSON file (Zotero's "CSL JSON", pandoc,
-- citation.js), merging with what is there.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :file refs.json' \
--     < sql/import_csljson.sql
--
-- The same statement from any client (the text as a parameter):
--   INSERT INTO import_text(source, format, text) VALUES ('refs.json', 'csljson', ?);
-- Every item is kept with all its fields; its type as a BibTeX entry type
-- (article-journal article, paper-conference inproceedings, chapter
-- incollection, book, thesis phdthesis, report techreport, others misc), its
-- id as the cite key unless it is a URI, keyword as tags, note as the note.
.bail on
.headers on
INSERT INTO import_text(source, format, text, encoding)
  VALUES (:file, 'csljson', paperext_readfile(:file), :encoding);

SELECT source, entries, added, merged, updated, unchanged, skipped
  FROM import_summary WHERE run = (SELECT max(id) FROM import_runs);

SELECT line, action, paper_id, reason, title FROM last_import WHERE action <> 'unchanged';

SELECT line, col, kind, message AS problem
  FROM csljson_diagnostics(CASE WHEN :encoding IS NULL THEN text_utf8(paperext_readfile(:file), :file)
                                ELSE text_decode(paperext_readfile(:file), :encoding) END)
 WHERE severity <> 'info';
.headers off
