-- queries.sql: everyday questions about a reading list, as worked examples.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.mode table' < sql/queries.sql
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :word 注意力' < sql/queries.sql
--
-- Parameters (optional): :word, the word to look for in notes (default
-- 記憶體); :venue and :year, the conference of the first question (default
-- NeurIPS 2020).

.print '1. Self-supervised video papers of NeurIPS 2020 that still have no notes'
-- venue and year were derived from whatever the list wrote ('nips2020');
-- tag_has() also matches sub-tags ('self-supervised/contrastive').
SELECT id, title, tags
  FROM papers
 WHERE venue = coalesce(:venue, 'NeurIPS') AND year = coalesce(:year, 2020)
   AND tag_has(tags, 'self-supervised')
   AND (tag_has(tags, 'video') OR title REGEXP '(?i)\bvideo')
   AND note IS NULL
 ORDER BY id;

.print '2. Notes that mention a Chinese word (full-text search, any substring)'
-- The paperext tokenizer indexes each Han character, so 記憶體 is found
-- inside 記憶體需求; fold 1 also finds it when written 记忆体.
SELECT p.id, p.title,
       snippet(papers_fts, 1, '[', ']', '…', 12) AS where_in_note
  FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid
 WHERE papers_fts MATCH fts_query(coalesce(:word, '記憶體'))
 ORDER BY rank;

.print '3. Notes holding a formula (a LaTeX command, or a sub/superscript in braces)'
SELECT id, title, regexp_substr(note, '\\[A-Za-z]+(\{[^}]*\})?|[_^]\{[^}]*\}') AS first_formula_part
  FROM papers
 WHERE note REGEXP '\\[A-Za-z]+|[_^]\{'
 ORDER BY id;

.print '4. Papers per venue and year'
SELECT * FROM by_venue;

.print '5. Likely duplicates: what the imports could not decide, for you to merge or keep apart'
-- INSERT INTO paper_merge(keep, merge) VALUES (a, b), or
-- INSERT INTO paper_not_same(paper_a, paper_b) VALUES (a, b).
SELECT id_a, id_b, same AS why, title_a, title_b FROM likely_duplicates;

.print '   ... and alike papers the imports kept apart, with the reason'
SELECT id_a, id_b, reason, title_a FROM kept_apart;

.print '   ... and how each paper came together: its records'
SELECT paper_id, format, source, cite_key, how FROM records
 WHERE paper_id IN (SELECT paper_id FROM records GROUP BY paper_id HAVING count(*) > 1)
 ORDER BY paper_id, id;

.print '6. Tags'
SELECT * FROM tag_counts;
