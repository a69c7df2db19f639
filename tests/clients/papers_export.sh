#!/bin/sh
# papers_export.sh: one papers database fed from every source a researcher
# has (a reading list, a .bib, RIS from five publishers, CSL-JSON, a Zotero
# library), through the merging import, then written back:
#  - importing everything again changes nothing;
#  - RIS -> db -> RIS, CSL-JSON -> db -> CSL-JSON, Zotero -> db -> .bib: the
#    title, authors, year and DOI of every record come back;
#  - the .bib of the whole database compiles with bibtex (style plain) and
#    with biber without an error, and the only warnings bibtex gives are
#    fields the sources do not have (empty publisher, journal ...);
#  - the CSL-JSON goes through pandoc --citeproc without a warning.
cd "$(dirname "$0")/../.." || exit 2
check_name=papers_export; . tests/clients/lib/check.sh
[ -f build/zotero/library.sqlite ] || /usr/bin/python3 tests/data/zotero/make_library.py build/zotero/library.sqlite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/papers.db
run(){ sqlite3 -bail -cmd '.load ./paperext' "$db" "$@" 2>&1; }
sources="tests/data/demo_list.txt tests/data/demo.bib tests/data/ris/ieee.ris tests/data/ris/acm.ris
         tests/data/ris/springer.ris tests/data/ris/scopus.ris tests/data/ris/sciencedirect.ris
         tests/data/ris/zotero.ris tests/data/csljson/pandoc.json tests/data/csljson/zotero.json"
import_all(){
  for f in $sources; do run "INSERT INTO import_text(source, text) VALUES ('$f', paperext_readfile('$f'))"; done
  run -cmd '.param set :file build/zotero/library.sqlite' < sql/import_zotero.sql >/dev/null
}
check "schema" "$(run < sql/schema.sql)" ""
check "first import" "$(import_all)" ""
check "every record kept" "$(run "SELECT (SELECT count(*) FROM records) = (SELECT sum(entries) - sum(skipped) FROM import_runs)")" "1"
check "merged across formats" "$(run "SELECT count(*) > 5 FROM papers WHERE id IN (SELECT paper_id FROM records GROUP BY paper_id HAVING count(DISTINCT format) > 1)")" "1"
import_all >/dev/null
check "second import: nothing changes" "$(run "SELECT sum(added + merged + updated) FROM import_runs WHERE id > (SELECT count(*) FROM import_runs) / 2")" "0"

# round trips: what each format holds of a record comes back through the database
run < sql/export_ris.sql > "$tmp/all.ris"
check "RIS -> db -> RIS" "$(run "SELECT count(*), sum(e.title IS NOT NULL) FROM records r
   JOIN paper_keys k ON k.paper_id = r.paper_id AND k.key = (SELECT key FROM papers_bibtex WHERE id = r.paper_id)
   JOIN ris_entries(readfile('$tmp/all.ris')) e ON e.id = k.key
  WHERE r.format = 'ris' AND e.title = (SELECT title FROM papers WHERE id = r.paper_id)")" "$(run "SELECT count(*), count(*) FROM records r WHERE r.format = 'ris' AND EXISTS (SELECT 1 FROM paper_keys k WHERE k.paper_id = r.paper_id AND k.key = (SELECT key FROM papers_bibtex WHERE id = r.paper_id))")"
check "RIS: every paper, its year, DOI and first author" "$(run "SELECT count(*) FROM papers_bibtex b JOIN papers p ON p.id = b.id
   JOIN ris_entries(readfile('$tmp/all.ris')) e ON e.id = b.key
  WHERE e.title = p.title AND e.year IS p.year AND e.doi IS p.doi
    AND (p.authors IS NULL OR (SELECT last FROM bibtex_names(e.author) LIMIT 1) = (SELECT last FROM bibtex_names(p.authors) LIMIT 1))")" "$(run "SELECT count(*) FROM papers")"
run < sql/export_csljson.sql > "$tmp/all.json"
check "CSL-JSON: every paper, its title, year and DOI" "$(run "SELECT count(*) FROM papers_bibtex b JOIN papers p ON p.id = b.id
   JOIN csljson_entries(readfile('$tmp/all.json')) e ON e.id = b.key
  WHERE e.title = p.title AND e.year IS p.year AND e.doi IS p.doi")" "$(run "SELECT count(*) FROM papers")"
run < sql/export_bibtex.sql > "$tmp/refs.bib"
check "Zotero -> db -> .bib: every item's title and DOI" "$(run "SELECT count(*) FROM zotero_items('build/zotero/library.sqlite') z
   WHERE EXISTS (SELECT 1 FROM records r JOIN papers_bibtex b ON b.id = r.paper_id
                   JOIN bibtex_entries(readfile('$tmp/refs.bib')) e ON e.key = b.key
                  WHERE r.format = 'zotero' AND r.locator = z.library_id || '/' || z.key
                    AND latex_to_unicode(e.title) = (SELECT title FROM papers WHERE id = r.paper_id)
                    AND e.doi IS (SELECT doi FROM papers WHERE id = r.paper_id))")" "$(run "SELECT count(*) FROM zotero_items('build/zotero/library.sqlite')")"
check ".bib: every cite key a paper had is in ids" "$(run "SELECT count(*) FROM paper_keys k JOIN papers_bibtex b ON b.id = k.paper_id
  WHERE k.key <> b.key AND instr(b.bibtex, k.key) = 0")" "0"

# the .bib compiles (CJK characters declared as placeholders: pdflatex has no CJK fonts here)
/usr/bin/python3 -c "
import sys
t = open(sys.argv[1], encoding='utf-8').read()
print(''.join('\\\\DeclareUnicodeCharacter{%04X}{?}\n' % ord(c) for c in sorted(set(t)) if ord(c) >= 0x2E80))
" "$tmp/refs.bib" > "$tmp/cjk.tex"
printf '\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\input{cjk.tex}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n' > "$tmp/plain.tex"
printf '\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\input{cjk.tex}\n\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n' > "$tmp/biber.tex"
entries=$(grep -c '^@' "$tmp/refs.bib")
(
  cd "$tmp" || exit 2
  latex(){ pdflatex -interaction=nonstopmode -halt-on-error "$1" >/dev/null 2>&1; }
  latex plain; bibtex plain >/dev/null 2>&1; echo "bibtex=$?" > rc; latex plain; latex plain; echo "latex=$?" >> rc
  latex biber; biber biber > biber.out 2>&1; echo "biber=$?" >> rc; latex biber; latex biber; echo "biblatex=$?" >> rc
)
check "bibtex, pdflatex, biber, pdflatex+biblatex" "$(cat "$tmp/rc" | tr '\n' ' ')" "bibtex=0 latex=0 biber=0 biblatex=0 "
check "bibtex: no error, and no warning but a field the sources lack" \
  "$(grep -E 'Warning--|error message|I was expecting|skipping' "$tmp/plain.blg" | grep -vE '^Warning--empty (publisher|journal|booktitle|institution|school|year|address|author)( and editor)? in ')" ""
check "bibtex: every entry" "$(grep -c '^\\bibitem' "$tmp/plain.bbl")" "$entries"
check "biber: no error or warning" "$(grep -E 'WARN|ERROR' "$tmp/biber.out")" ""
check "biblatex: every entry" "$(grep -c '\\entry{' "$tmp/biber.bbl")" "$entries"
check "latex: no undefined citation or encoding problem" "$(grep -E 'Citation .* undefined|Unicode character|inputenc Error' "$tmp/plain.log" "$tmp/biber.log")" ""
if command -v pandoc >/dev/null 2>&1; then
  printf -- '---\nnocite: "@*"\n---\n' > "$tmp/doc.md"
  out=$(cd "$tmp" && pandoc --citeproc --bibliography all.json -t plain doc.md 2>&1 >/dev/null)
  check "pandoc --citeproc: no warning" "$out" ""
  # the bibliography as plain text: one paragraph per item
  check "pandoc: every item in the bibliography" \
    "$(cd "$tmp" && pandoc --citeproc --bibliography all.json -t plain --wrap=none doc.md 2>/dev/null | grep -c .)" \
    "$(run "SELECT count(*) FROM papers")"
fi
check_done
