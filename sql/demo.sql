-- demo.sql: what `make demo` shows (run by sql/demo.sh with paperext loaded).
.print 'paperext' 
SELECT paperext_version() AS version;
.print 'What paperext registers'
SELECT kind, count(*) AS n FROM paperext_functions GROUP BY kind ORDER BY kind;
