#!/bin/sh
# sqlite3_shell.sh: the scripts of sql/ in the sqlite3 shell, as a user runs
# them: schema, import of a list and a .bib (merging), re-import (nothing
# changes), the list edited and imported again, a missing file, the worked
# queries, export of a tag to BibTeX, and the database read back by a plain
# sqlite3 without the extension.
#
# They use every module of paperext; in a build where some module is not
# merged yet, the test says which and skips (0 passed, 0 failed).
cd "$(dirname "$0")/../.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/papers.db"
have=" $(sqlite3 :memory: '.load ./paperext' "SELECT group_concat(name, ' ') FROM paperext_functions") "
missing=""
for f in title_key venue_norm venue_year venue_kind venue_name tags_union tags_parse tag_has latex_to_unicode \
         cite_key bibtex_entries bibtex_diagnostics bibtex_format title_same title_similarity \
         regexp regexp_substr fts_query paperext; do
  case $have in *" $f "*) ;; *) missing="$missing $f" ;; esac
done
if [ -n "$missing" ]; then
  echo "shell: skipped, this build lacks:$missing"
  echo "shell: 0 passed, 0 failed"
  exit 0
fi

passed=0 failed=0
check(){   # check WHAT GOT WANT
  if [ "$2" = "$3" ]; then passed=$((passed+1))
  else failed=$((failed+1)); printf 'FAIL shell: %s\n  want: %s\n  got:  %s\n' "$1" "$3" "$2"; fi
}
run(){ sqlite3 -bail -cmd '.load ./paperext' "$db" "$@" 2>&1; }
runp(){ sqlite3 -bail "$db" "$@" 2>&1; }   # plain: no extension

check "schema" "$(run < sql/schema.sql)" ""
cp tests/data/demo_list.txt "$tmp/list.txt"
check "import list" "$(run -cmd ".param set :file $tmp/list.txt" < sql/import_list.sql | sed -n 1,2p | sed "s#$tmp/##")" \
"source|entries|added|merged|updated|unchanged|skipped
list.txt|9|9|0|0|0|0"
check "venue and year derived" "$(run "SELECT DISTINCT venue_raw, venue, year, kind FROM papers")" \
  "nips2020|NeurIPS|2020|conference"
check "import bib" "$(run -cmd '.param set :file tests/data/demo.bib' < sql/import_bibtex.sql)" \
"source|entries|added|merged|updated|unchanged|skipped
tests/data/demo.bib|7|3|4|0|0|0
line|action|paper_id|reason|cite_key|title
5|merged|5|title, same venue and year|DBLP:conf/nips/GrillSATRBDPGAP20|Bootstrap Your Own Latent - A New Approach to Self-Supervised Learning
19|merged|2|same title|jabri2020space|Space-Time Correspondence as a Contrastive Random Walk
26|merged|9|title, same venue and year|chuang2020debiased|Debiased Contrastive Learning
35|added|10||chen2021exploring|Exploring Simple Siamese Representation Learning
43|added|11||he2016deep|Deep Residual Learning for Image Recognition
52|added|12||dosovitskiy2021image|An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale
60|merged|6|title, same venue and year|caron2020unsupervised|Unsupervised Learning of Visual Features by Contrasting Cluster Assignments"
check "merged, not added" "$(run "SELECT id, bibtex_key, arxiv, authors IS NOT NULL, source FROM papers WHERE id IN (2, 5, 9) ORDER BY id" | sed "s#$tmp/##")" \
"2|jabri2020space|2006.14613|1|list.txt; tests/data/demo.bib
5|DBLP:conf/nips/GrillSATRBDPGAP20|2006.07733|1|list.txt; tests/data/demo.bib
9|chuang2020debiased|2007.00224|1|list.txt; tests/data/demo.bib"
check "the bibliography's title, the list's note" "$(run "SELECT title, substr(note, 1, 16) FROM papers WHERE id = 5")" \
  "Bootstrap Your Own Latent - A New Approach to Self-Supervised Learning|不用negative pair,"
check "every record kept" "$(run "SELECT format, count(*) FROM records GROUP BY format ORDER BY format")" "bibtex|7
list|9"
check "re-import changes nothing" "$(run -cmd ".param set :file $tmp/list.txt" < sql/import_list.sql | sed -n 2p | sed "s#$tmp/##"; \
                                     run -cmd '.param set :file tests/data/demo.bib' < sql/import_bibtex.sql | sed -n 2p)" \
"list.txt|9|0|0|0|9|0
tests/data/demo.bib|7|0|0|0|7|0"
cp tests/data/papers/demo_list_edited.txt "$tmp/list.txt"
check "the edited list updates two records" "$(run -cmd ".param set :file $tmp/list.txt" < sql/import_list.sql | sed -n 2,5p | sed "s#$tmp/##")" \
"list.txt|9|0|0|2|7|0
line|action|paper_id|reason|title
13|updated|5|note|Bootstrap Your Own Latent: A New Approach to Self-Supervised Learning
23|updated|6|title|Unsupervised Learning of Visual Features by Contrasting Cluster Assignments"
check "notes not repeated" "$(run "SELECT count(*) FROM papers WHERE note LIKE '%不用negative pair%不用negative pair%'")" "0"
check "a missing file stops the script" "$(run -cmd '.param set :file no/such/list.txt' < sql/import_list.sql; echo "exit $?")" \
"Runtime error near line 18: paperext_readfile: cannot read 'no/such/list.txt': No such file or directory
exit 1"

out=$(run -cmd '.mode list' < sql/queries.sql)
check "query 1: self-supervised video, no notes" "$(echo "$out" | sed -n '/^1\./,/^2\./p' | sed '1d;$d' | cut -d'|' -f1)" "2
3
4"
check "query 2: 記憶體 in notes" "$(echo "$out" | sed -n '/^2\./,/^3\./p' | sed '1d;$d' | cut -d'|' -f1 | sort)" "5
7"
check "query 3: formulas" "$(echo "$out" | sed -n '/^3\./,/^4\./p' | sed '1d;$d' | cut -d'|' -f1,3)" "5|\\xi
7|_{simple}"
check "query 4: per venue and year" "$(echo "$out" | sed -n '/^4\./,/^5\./p' | sed '1d;$d')" "NeurIPS|2020|9|4
CVPR|2016|1|0
CVPR|2021|1|0
ICLR|2021|1|0"

check "export a tag" "$(run -cmd '.param set :tag video' < sql/export_bibtex.sql > "$tmp/video.bib"; \
  run "SELECT count(*), group_concat(key, ' ') FROM bibtex_entries(readfile('$tmp/video.bib'))")" \
  "4|selfsupervised2020learning jabri2020space selfsupervised2020cotraining cyclecontrast2020selfsupervised"
check "export round trip" "$(run "SELECT count(*) FROM bibtex_diagnostics(readfile('$tmp/video.bib')) WHERE severity = 'error'")" "0"

# A paper added by hand gets a record of its own; the duplicates view shows it.
run "INSERT INTO papers(title) VALUES ('Supervised contrastive learning')" >/dev/null
check "duplicates view" "$(run "SELECT id_a, id_b, same FROM duplicates")" "8|13|same title key"

# Read back without the extension: every table and view but the index.
for t in papers records record_keys paper_keys import_runs import_log last_import import_summary paper_pairs not_same \
         likely_duplicates kept_apart paper_import to_read by_venue tag_counts duplicates papers_fts_data papers_fts_idx papers_fts_docsize papers_fts_config; do
  check "plain sqlite3 reads $t" "$(runp "SELECT count(*) >= 0 FROM $t")" "1"
done
check "plain sqlite3: the index needs the tokenizer" "$(runp "SELECT count(*) FROM papers_fts" | sed 's/^Error: //; s/^.*no such tokenizer.*$/no such tokenizer/')" "no such tokenizer"
check "plain sqlite3 cannot write" "$(runp "UPDATE papers SET title = 'x' WHERE id = 1" | grep -c 'no such')" "1"
echo "shell: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
