-- export_ris.sql: papers of a tag, or any chosen papers, as RIS (for
-- EndNote, Mendeley, Zotero's import).
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :tag video' \
--     < sql/export_ris.sql > video.ris
--
-- The same from any client:
--   SELECT group_concat(ris, '') FROM papers_ris WHERE tag_has(tags, ?);
-- :tag and :ids as in export_bibtex.sql.
.mode list
.headers off
.separator ''
SELECT group_concat(ris, '') FROM (SELECT ris FROM papers_ris
 WHERE (:tag IS NULL OR tag_has(tags, :tag))
   AND (:ids IS NULL OR id IN (SELECT value FROM json_each(:ids)))
 ORDER BY id);
