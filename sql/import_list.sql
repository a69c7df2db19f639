-- import_list.sql: import a plain-text or Markdown reading list into papers.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :file my-list.txt' \
--     < sql/import_list.sql
--
-- Needs sql/schema.sql applied and the extension loaded.  Each entry of
-- readinglist_entries() goes through paper_import, so a paper already in
-- the database (same DOI, arXiv id or title key) is updated, not added
-- twice.  The venue text of the entry ('nips2020') is kept in venue_raw;
-- the triggers derive venue, year and kind from it.  Prints what was read
-- and the parser's warnings (invalid UTF-8, text that belongs to no entry).
CREATE TEMP TABLE IF NOT EXISTS import_count(n);
DELETE FROM temp.import_count;
INSERT INTO temp.import_count SELECT count(*) FROM papers;

INSERT INTO paper_import(title, venue_raw, tags, status, note, arxiv, doi, url, source)
  SELECT title, venue, tags, status, note, arxiv, doi, url, :file || ':' || line
    FROM readinglist_entries(readfile(:file))
   WHERE title IS NOT NULL;

SELECT :file AS list,
       (SELECT count(*) FROM readinglist_entries(readfile(:file)) WHERE title IS NOT NULL) AS entries,
       (SELECT count(*) FROM papers) - (SELECT n FROM temp.import_count) AS new_papers,
       (SELECT count(*) FROM papers) AS papers;

SELECT line, col, kind, message AS warning
  FROM readinglist_diagnostics(readfile(:file)) WHERE severity <> 'info';
