-- demo.sql: what `make demo` shows (run by sql/demo.sh with paperext loaded).
.print '== paperext: a reading list in SQL'
SELECT paperext_version() AS version,
       (SELECT count(*) FROM paperext_functions) AS functions_and_tables;

.print
.print '== The sample list as readinglist_entries() reads it (tests/data/demo_list.txt)'
SELECT position, line, title, venue, tags,
       substr(replace(note, char(10), ' / '), 1, 40) AS note_starts
  FROM readinglist_entries(readfile('tests/data/demo_list.txt'));

.print
.print '== Building demo.db: sql/schema.sql, then the list and the .bib through the merging import'
.read sql/schema.sql
.system mkdir -p build/demo && cp tests/data/demo_list.txt build/demo/my-list.txt
.param set :file build/demo/my-list.txt
.read sql/import_list.sql
.param set :file tests/data/demo.bib
.read sql/import_bibtex.sql
-- end of bib import
.param clear

.print
.print '== The list edited (a typo fixed, a note extended) and imported again: two records updated, nothing added or repeated'
.system cp tests/data/papers/demo_list_edited.txt build/demo/my-list.txt
.param set :file build/demo/my-list.txt
.read sql/import_list.sql
.param clear
.mode table --wrap 100

.print
.print '== The papers (venue and year derived from what was written)'
SELECT id, title, substr(venue_raw, 1, 24) AS venue_raw, venue, year, kind, arxiv, bibtex_key
  FROM papers ORDER BY id;

.print
.print '== Worked examples (sql/queries.sql)'
.read sql/queries.sql

-- export:
.print
.print '== Papers tagged video, exported as BibTeX (sql/export_bibtex.sql)'
.param set :tag video
.read sql/export_bibtex.sql
.mode table --wrap 100
.param clear
-- end of export
