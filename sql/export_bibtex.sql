-- export_bibtex.sql: papers of a tag, or any chosen papers, as a .bib file.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :tag video' \
--     < sql/export_bibtex.sql > video.bib
--   sqlite3 papers.db -cmd '.load ./paperext' \
--     -cmd ".param set :ids \"(SELECT json_group_array(id) FROM papers WHERE venue='NeurIPS')\"" \
--     < sql/export_bibtex.sql > neurips.bib
--
-- :tag selects the papers whose tags hold the tag or a descendant of it
-- (tag_has), :ids a JSON array of paper ids (any query can make one); with
-- neither, every paper.  A paper imported from BibTeX is written back with
-- all its fields as they came; any other is written from its columns, with
-- the venue's full name (venue_name()) and a key made by cite_key() when it
-- has none ('b', 'c', ... added when two
-- papers would get the same key).
.mode list
.headers off
WITH chosen AS (
  SELECT papers.*, coalesce(bibtex_key, cite_key(authors, year, title), 'paper' || id) AS k
    FROM papers
   WHERE (:tag IS NULL OR tag_has(tags, :tag))
     AND (:ids IS NULL OR id IN (SELECT value FROM json_each(:ids)))),
numbered AS (  -- keys made for two papers alike get 'b', 'c', ...
  SELECT chosen.*, row_number() OVER (PARTITION BY k ORDER BY id) AS n FROM chosen)
SELECT bibtex_format(
         coalesce(bibtex_type, CASE kind WHEN 'journal' THEN 'article'
                                         WHEN 'preprint' THEN 'misc'
                                         ELSE 'inproceedings' END),
         k || CASE WHEN n > 1 AND n <= 26 THEN char(96 + n) WHEN n > 26 THEN '-' || n ELSE '' END,
         coalesce(bibtex_fields, json_patch('{}', json_object(
           'title', title,
           'author', authors,
           CASE kind WHEN 'journal' THEN 'journal' ELSE 'booktitle' END,
             coalesce(venue_name(venue_raw), venue_raw),
           'year', CAST(year AS TEXT),
           'doi', doi,
           'eprint', arxiv,
           'archiveprefix', CASE WHEN arxiv IS NOT NULL THEN 'arXiv' END,
           'url', url,
           'keywords', CASE WHEN tags <> '[]' THEN (SELECT group_concat(value, ', ') FROM json_each(numbered.tags)) END))))
  FROM numbered
 ORDER BY id;
