-- import_bibtex.sql: import a BibTeX file into papers, merging with what is there.
--
--   sqlite3 papers.db -cmd '.load ./paperext' -cmd '.param set :file refs.bib' \
--     < sql/import_bibtex.sql
--
-- Needs sql/schema.sql applied and the extension loaded.  Each entry of
-- bibtex_entries() goes through paper_import: a paper already known by DOI,
-- arXiv id or title key (e.g. from a reading list) gets its authors, year,
-- BibTeX key and fields filled in; any other paper is added.  Title and
-- authors are stored with LaTeX decoded; every field as written stays in
-- bibtex_fields (sql/export_bibtex.sql writes it back).  'keywords' become
-- tags.  Entries the parser could not read are listed, not imported.
CREATE TEMP TABLE IF NOT EXISTS import_count(n);
DELETE FROM temp.import_count;
INSERT INTO temp.import_count SELECT count(*) FROM papers;

INSERT INTO paper_import(title, authors, year, venue_raw, tags, arxiv, doi, url,
                         bibtex_key, bibtex_type, bibtex_fields, source)
  SELECT latex_to_unicode(title), latex_to_unicode(author),
         CASE WHEN typeof(year) = 'integer' THEN year END,
         venue, tags_parse(json_extract(fields, '$.keywords')),
         arxiv, doi, url, key, type, fields, :file || ':' || line
    FROM bibtex_entries(readfile(:file))
   WHERE error IS NULL AND title IS NOT NULL;

SELECT :file AS bibliography,
       (SELECT count(*) FROM bibtex_entries(readfile(:file))) AS entries,
       (SELECT count(*) FROM papers) - (SELECT n FROM temp.import_count) AS new_papers,
       (SELECT count(*) FROM papers) AS papers;

SELECT line, col, kind, message AS problem
  FROM bibtex_diagnostics(readfile(:file)) WHERE severity = 'error';
