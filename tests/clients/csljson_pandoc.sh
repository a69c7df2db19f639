#!/bin/sh
# csljson_pandoc.sh: papers written as CSL-JSON (csljson_item, csljson_array)
# from CSL-JSON, Zotero and RIS sources are read by pandoc --citeproc (its
# built-in Chicago author-date style): every item is cited and listed, with no
# warning, names in the right order (Chinese names family first), dates
# and containers where the style puts them.
cd "$(dirname "$0")/../.." || exit 2
command -v pandoc >/dev/null || { echo "csljson_pandoc: pandoc missing (make test installs it)"; echo "csljson_pandoc: 0 passed, 1 failed"; exit 1; }
[ -f build/zotero/library.sqlite ] || /usr/bin/python3 tests/data/zotero/make_library.py build/zotero/library.sqlite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check(){   # check WHAT GOT WANT
  if [ "$2" = "$3" ]; then passed=$((passed+1))
  else failed=$((failed+1)); printf 'FAIL csljson_pandoc: %s\n  want: %s\n  got:  %s\n' "$1" "$3" "$2"; fi
}
sqlite3 -bail -cmd '.load ./paperext' :memory: > "$tmp/refs.json" <<'SQL' || { echo "csljson_pandoc: 0 passed, 1 failed"; exit 1; }
SELECT csljson_array(item) FROM (
  -- CSL-JSON as read
  SELECT csljson_item(fields) AS item FROM csljson_entries(readfile('tests/data/csljson/pandoc.json'))
  UNION ALL
  -- Zotero items: BibTeX author lists and ISO dates are made CSL by csljson_item
  SELECT csljson_item(json_object('id', coalesce(citation_key, key), 'type', type, 'title', title,
           'author', author, 'editor', editor, 'issued', date, 'container-title', venue,
           'publisher', coalesce(fields ->> '$.publisher', fields ->> '$.university', fields ->> '$.institution'),
           'page', fields ->> '$.pages', 'volume', fields ->> '$.volume', 'issue', fields ->> '$.issue',
           'DOI', doi, 'URL', url))
    FROM zotero_items('build/zotero/library.sqlite') WHERE key IN ('MOCO0001', 'CNKI0001', 'THESIS01', 'TRICKS01')
  UNION ALL
  -- RIS records
  SELECT csljson_item(json_object('id', 'ris' || rowid, 'type', type, 'title', title, 'author', author,
           'issued', date, 'container-title', venue, 'page', pages, 'volume', volume, 'DOI', doi))
    FROM ris_entries(readfile('tests/data/ris/acm.ris'))
);
SQL
ids=$(sqlite3 -cmd '.load ./paperext' :memory: "SELECT group_concat('@' || id, '; ') FROM csljson_entries(readfile('$tmp/refs.json'))")
check "items written" "$(sqlite3 -cmd '.load ./paperext' :memory: "SELECT count(*) FROM csljson_entries(readfile('$tmp/refs.json'))")" "10"
check "written as CSL (no diagnostics)" "$(sqlite3 -cmd '.load ./paperext' :memory: "SELECT count(*) FROM csljson_diagnostics(readfile('$tmp/refs.json'))")" "0"
printf 'Cited: [%s].\n' "$ids" > "$tmp/doc.md"
pandoc --citeproc --bibliography "$tmp/refs.json" -t plain --wrap=none "$tmp/doc.md" > "$tmp/out.txt" 2> "$tmp/err.txt"
check "pandoc ran" "$?" "0"
check "pandoc: no warnings" "$(cat "$tmp/err.txt")" ""
check "every item listed" "$(grep -c . "$tmp/out.txt")" "11"
check "particles" "$(grep -c '^Maaten, Laurens van der, and Geoffrey Hinton. 2008. “Visualizing Data Using t-SNE.” Journal of Machine Learning Research 9: 2579–2605.' "$tmp/out.txt")" "1"
check "a Chinese author list, family names first" "$(grep -c '^张三, 王小明, and 欧阳修远. 2020. “信息茧房研究综述.” 新闻界, no. 3: 12–20.' "$tmp/out.txt")" "1"
check "a Chinese thesis" "$(grep -c '^李四. 2021. “基于深度学习的视频理解方法研究.”' "$tmp/out.txt")" "1"
check "editors of a book section" "$(grep -c 'edited by Grégoire Montavon, Geneviève B. Orr, and Klaus-Robert Müller' "$tmp/out.txt")" "1"
check "a Zotero date and DOI" "$(grep -c '^He, Kaiming, Haoqi Fan, Yuxin Wu, Saining Xie, and Ross Girshick. 2020. “Momentum Contrast .*https://doi.org/10.1109/cvpr42600.2020.00975.$' "$tmp/out.txt")" "1"
check "a RIS record" "$(grep -c '^Chen, Tianqi, and Carlos Guestrin. 2016. “XGBoost: A Scalable Tree Boosting System.” In Proceedings of the 22nd ACM SIGKDD' "$tmp/out.txt")" "1"
echo "csljson_pandoc: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
