#!/bin/sh
# bibtex_compile.sh: papers from Zotero, RIS and CSL-JSON written as BibTeX
# (bibtex_format with bibtex_protect, latex_escape and cite_key) compile with
# bibtex (style plain, which changes titles to sentence case) and with biber
# (biblatex) without a warning or error about the entries, and the case of
# acronyms survives ({ConvBERT}, {BERT}).  The mapping from each source's
# columns to BibTeX fields is the one the SQL below writes.
#
# pdflatex has no CJK fonts here: the document declares the CJK characters of
# the .bib as printable placeholders (\DeclareUnicodeCharacter), so what is
# checked is bibtex, biber and biblatex reading the entries, not CJK typesetting.
cd "$(dirname "$0")/../.." || exit 2
for t in pdflatex bibtex biber; do
  command -v $t >/dev/null || { echo "bibtex_compile: $t missing (make test installs it)"; echo "bibtex_compile: 0 passed, 1 failed"; exit 1; }
done
[ -f build/zotero/library.sqlite ] || /usr/bin/python3 tests/data/zotero/make_library.py build/zotero/library.sqlite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check(){   # check WHAT GOT WANT
  if [ "$2" = "$3" ]; then passed=$((passed+1))
  else failed=$((failed+1)); printf 'FAIL bibtex_compile: %s\n  want: %s\n  got:  %s\n' "$1" "$3" "$2"; fi
}
root=$(pwd)
sqlite3 -bail -cmd ".load $root/paperext" :memory: > "$tmp/refs.bib" <<SQL || { echo "bibtex_compile: 0 passed, 1 failed"; exit 1; }
CREATE TEMP TABLE p(src, btype, author, editor, title, venue_field, venue, publisher_field, publisher,
                    year, volume, number, pages, doi, arxiv, url, keywords, ckey);
-- Zotero
INSERT INTO p SELECT 'zotero',
  CASE type WHEN 'journalArticle' THEN 'article' WHEN 'conferencePaper' THEN 'inproceedings'
            WHEN 'book' THEN 'book' WHEN 'bookSection' THEN 'incollection' WHEN 'thesis' THEN 'phdthesis'
            WHEN 'report' THEN 'techreport' ELSE 'misc' END,
  author, editor, title,
  CASE WHEN type IN ('conferencePaper', 'bookSection') THEN 'booktitle' WHEN type = 'journalArticle' THEN 'journal' END, venue,
  CASE type WHEN 'thesis' THEN 'school' WHEN 'report' THEN 'institution' ELSE 'publisher' END,
  coalesce(fields ->> '$.university', fields ->> '$.institution', CASE WHEN type IN ('book', 'bookSection', 'conferencePaper') THEN fields ->> '$.publisher' END),
  year, fields ->> '$.volume', fields ->> '$.issue', fields ->> '$.pages', doi, arxiv, url, tags, citation_key
  FROM zotero_items('build/zotero/library.sqlite') WHERE key <> 'OLDCOLL1';
-- RIS
INSERT INTO p SELECT 'ris',
  CASE type WHEN 'JOUR' THEN 'article' WHEN 'CONF' THEN 'inproceedings' WHEN 'CHAP' THEN 'incollection'
            WHEN 'BOOK' THEN 'book' WHEN 'THES' THEN 'phdthesis' WHEN 'RPRT' THEN 'techreport' ELSE 'misc' END,
  author, editor, title,
  CASE type WHEN 'JOUR' THEN 'journal' WHEN 'CONF' THEN 'booktitle' WHEN 'CHAP' THEN 'booktitle' END, venue,
  CASE type WHEN 'THES' THEN 'school' WHEN 'RPRT' THEN 'institution' ELSE 'publisher' END, publisher,
  year, volume, issue, pages, doi, arxiv, url, keywords, NULL
  FROM (SELECT * FROM ris_entries(readfile('tests/data/ris/ieee.ris')) UNION ALL SELECT * FROM ris_entries(readfile('tests/data/ris/acm.ris'))
        UNION ALL SELECT * FROM ris_entries(readfile('tests/data/ris/springer.ris')) UNION ALL SELECT * FROM ris_entries(readfile('tests/data/ris/endnote.ris')));
-- CSL-JSON
INSERT INTO p SELECT 'csljson',
  CASE type WHEN 'article-journal' THEN 'article' WHEN 'paper-conference' THEN 'inproceedings' WHEN 'chapter' THEN 'incollection'
            WHEN 'book' THEN 'book' WHEN 'thesis' THEN 'phdthesis'
            WHEN 'report' THEN CASE WHEN fields ->> '$.publisher' IS NULL THEN 'misc' ELSE 'techreport' END ELSE 'misc' END,
  author, editor, title,
  CASE type WHEN 'article-journal' THEN 'journal' WHEN 'paper-conference' THEN 'booktitle' WHEN 'chapter' THEN 'booktitle' END, venue,
  CASE type WHEN 'thesis' THEN 'school' WHEN 'report' THEN 'institution' ELSE 'publisher' END, fields ->> '$.publisher',
  year, volume, issue, page, doi, arxiv, url, keywords, id
  FROM csljson_entries(readfile('tests/data/csljson/pandoc.json'));
-- keys: the source's own, else cite_key(); made unique with a, b, ...
UPDATE p SET ckey = cite_key(author, year, title) WHERE ckey IS NULL OR ckey GLOB '*[^A-Za-z0-9:_-]*';
SELECT group_concat(bibtex_format(btype, k, json_object(
    -- plain.bst takes a book's author or its editor, not both
    'author', author, 'editor', CASE WHEN btype = 'book' AND author IS NOT NULL THEN NULL ELSE editor END,
    'title', bibtex_protect(latex_escape(title)),
    coalesce(venue_field, 'venue-unused'), CASE WHEN venue_field IS NOT NULL THEN latex_escape(venue) END,
    publisher_field, latex_escape(publisher),
    'year', year, 'volume', volume,
    -- plain.bst wants a volume with a number; without one, biblatex's issue
    CASE WHEN volume IS NULL THEN 'issue' ELSE 'number' END, number,
    'pages', replace(pages, '-', '--'),
    'doi', doi, 'eprint', arxiv, 'archiveprefix', CASE WHEN arxiv IS NOT NULL THEN 'arXiv' END,
    'url', url,
    'keywords', (SELECT group_concat(latex_escape(value), ', ') FROM json_each(keywords)))), char(10))
  FROM (SELECT *, ckey || CASE WHEN n > 1 THEN char(95 + n) ELSE '' END AS k
          FROM (SELECT *, row_number() OVER (PARTITION BY ckey ORDER BY rowid) AS n FROM p));
SQL
entries=$(grep -c '^@' "$tmp/refs.bib")
check "entries written" "$entries" "26"
# the CJK characters of the .bib, printable placeholders for pdflatex
/usr/bin/python3 -c "
import sys
t = open(sys.argv[1], encoding='utf-8').read()
print(''.join('\\\\DeclareUnicodeCharacter{%04X}{?}\n' % ord(c) for c in sorted(set(t)) if ord(c) >= 0x2E80))
" "$tmp/refs.bib" > "$tmp/cjk.tex"
cat > "$tmp/plain.tex" <<'TEX'
\documentclass{article}
\usepackage[utf8]{inputenc}
\input{cjk.tex}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
TEX
cat > "$tmp/biber.tex" <<'TEX'
\documentclass{article}
\usepackage[utf8]{inputenc}
\input{cjk.tex}
\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
TEX
cd "$tmp" || exit 2
latex_run(){ pdflatex -interaction=nonstopmode -halt-on-error "$1" >/dev/null 2>&1; }
latex_run plain; bibtex plain >/dev/null 2>&1; rc=$?; latex_run plain; latex_run plain; lrc=$?
check "bibtex ran" "$rc" "0"
check "pdflatex with the bibtex bibliography" "$lrc" "0"
check "bibtex: no warnings or errors" "$(grep -E 'Warning--|error message|I was expecting|I.m skipping' plain.blg)" ""
check "bibtex: every entry in the bibliography" "$(grep -c '^\\bibitem' plain.bbl)" "$entries"
check "bibtex: the acronyms keep their case" "$(grep -c '{ConvBERT}: Improving {BERT}' plain.bbl)" "1"
check "bibtex: escaped specials reach LaTeX" "$(grep -c 'Doubleday, Page \\& Company' plain.bbl)" "2"
check "latex: no warnings" "$(grep -E 'LaTeX Warning|Package .* Warning' plain.log)" ""
latex_run biber; biber biber > biber.out 2>&1; rc=$?; latex_run biber; latex_run biber; lrc=$?
check "biber ran" "$rc" "0"
check "biber: no warnings or errors" "$(grep -E 'WARN|ERROR' biber.out)" ""
check "pdflatex with biblatex" "$lrc" "0"
check "biblatex: every entry" "$(grep -c '\\entry{' biber.bbl)" "$entries"
check "biblatex: no warnings" "$(grep -E 'LaTeX Warning|Package biblatex Warning' biber.log)" ""
echo "bibtex_compile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
