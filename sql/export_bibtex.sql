-- export_bibtex.sql: papers of a tag, or any chosen papers, as a .bib file.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :tag video' \
--     < sql/export_bibtex.sql > video.bib
--   sqlite3 papers.db -cmd '.load ./paperext' \
--     -cmd ".param set :ids \"(SELECT json_group_array(id) FROM papers WHERE venue='NeurIPS')\"" \
--     < sql/export_bibtex.sql > neurips.bib
--
-- The same from any client:
--   SELECT group_concat(bibtex, char(10)) FROM papers_bibtex WHERE tag_has(tags, ?);
-- :tag selects the papers whose tags hold the tag or a descendant of it
-- (tag_has), :ids a JSON array of paper ids (any query can make one); with
-- neither, every paper.  See the view papers_bibtex in sql/schema.sql: a
-- paper from a .bib keeps all its fields, its other cite keys go to `ids`,
-- its tags to `keywords`, and keys are unique.
.mode list
.headers off
SELECT bibtex FROM papers_bibtex
 WHERE (:tag IS NULL OR tag_has(tags, :tag))
   AND (:ids IS NULL OR id IN (SELECT value FROM json_each(:ids)))
 ORDER BY id;
