-- export_csljson.sql: papers of a tag, or any chosen papers, as CSL-JSON
-- (pandoc --citeproc --bibliography refs.json, citeproc-js, Quarto).
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :tag video' \
--     < sql/export_csljson.sql > video.json
--
-- The same from any client:
--   SELECT csljson_array(item) FROM papers_csljson WHERE tag_has(tags, ?);
-- :tag and :ids as in export_bibtex.sql; ids are the papers' BibTeX keys, so
-- [@key] cites the same paper in pandoc and \cite{key} in LaTeX.
.mode list
.headers off
SELECT csljson_array(item) FROM (SELECT item FROM papers_csljson
 WHERE (:tag IS NULL OR tag_has(tags, :tag))
   AND (:ids IS NULL OR id IN (SELECT value FROM json_each(:ids)))
 ORDER BY id);
