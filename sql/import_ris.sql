-- import_ris.sql: import a RIS file (IEEE Xplore, ACM DL, Springer,
-- ScienceDirect, Scopus, Zotero, EndNote), merging with what is there.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :file refs.ris' \
--     < sql/import_ris.sql
--   ... -cmd '.param set :encoding latin1' ...   for a file that is not UTF-8
--
-- The same statement from any client (the text as a parameter):
--   INSERT INTO import_text(source, format, text) VALUES ('refs.ris', 'ris', ?);
-- Every record is kept with all its tags (fields), its TY as a BibTeX entry
-- type (JOUR article, CONF inproceedings, CHAP incollection, BOOK book, THES
-- phdthesis, RPRT techreport, others misc), KW as tags, N1 as the note, the
-- ID as its cite key when it reads as one.  Prints the summary, what each
-- changed record did, and the reader's problems.
.bail on
.headers on
INSERT INTO import_text(source, format, text, encoding)
  VALUES (:file, 'ris', paperext_readfile(:file), :encoding);

SELECT source, entries, added, merged, updated, unchanged, skipped
  FROM import_summary WHERE run = (SELECT max(id) FROM import_runs);

SELECT line, action, paper_id, reason, title FROM last_import WHERE action <> 'unchanged';

SELECT line, col, kind, message AS problem
  FROM ris_diagnostics(CASE WHEN :encoding IS NULL THEN text_utf8(paperext_readfile(:file), :file)
                            ELSE text_decode(paperext_readfile(:file), :encoding) END)
 WHERE severity <> 'info';
.headers off
