-- import_bibtex.sql: import a BibTeX file, merging with what is there.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :file refs.bib' \
--     < sql/import_bibtex.sql
--
-- The same statement from any client (Python, Node: the text as a parameter):
--   INSERT INTO import_text(source, format, text) VALUES ('refs.bib', 'bibtex', ?);
-- Needs sql/schema.sql applied and the extension loaded.  Every entry is a
-- record with all its fields and its key; a record joins the paper it is
-- (a list's entry for it, the arXiv version of a published one) or becomes
-- a paper; two works that share a title stay two papers.  Title and
-- authors are stored with LaTeX decoded, 'keywords' become tags.  Prints the
-- summary, what each changed entry did, and the parse errors (an entry that
-- cannot be read is skipped, and said).
.bail on
.headers on
INSERT INTO import_text(source, format, text, encoding)
  VALUES (:file, 'bibtex', paperext_readfile(:file), :encoding);

SELECT source, entries, added, merged, updated, unchanged, skipped
  FROM import_summary WHERE run = (SELECT max(id) FROM import_runs);

SELECT line, action, paper_id, reason, cite_key, title FROM last_import WHERE action <> 'unchanged';
.headers off
