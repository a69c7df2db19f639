-- import_list.sql: import a plain-text or Markdown reading list.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :file my-list.txt' \
--     < sql/import_list.sql
--   ... -cmd '.param set :encoding big5' ...     for a list that is not UTF-8
--
-- The same statement from any client (Python, Node: the text as a parameter):
--   INSERT INTO import_text(source, format, text) VALUES ('my-list.txt', 'list', ?);
-- Needs sql/schema.sql applied and the extension loaded.  Every entry
-- becomes a record; a record joins the paper it is (same DOI or arXiv id,
-- same or similar title with venue and year, see ext/merge/README.md) or
-- becomes a paper.  Importing the list again changes only what you changed
-- in it.  Prints the summary, what each changed entry did, and the parser's
-- warnings.  A file that cannot be read, or text that is not UTF-8 (unless
-- :encoding names its encoding), stops the import before anything is written.
.bail on
.headers on
INSERT INTO import_text(source, format, text, encoding)
  VALUES (:file, 'list', paperext_readfile(:file), :encoding);

SELECT source, entries, added, merged, updated, unchanged, skipped
  FROM import_summary WHERE run = (SELECT max(id) FROM import_runs);

SELECT line, action, paper_id, reason, title FROM last_import WHERE action <> 'unchanged';

SELECT line, col, kind, message AS warning
  FROM readinglist_diagnostics(CASE WHEN :encoding IS NULL THEN text_utf8(paperext_readfile(:file), :file)
                                    ELSE text_decode(paperext_readfile(:file), :encoding) END)
 WHERE severity <> 'info';
.headers off
