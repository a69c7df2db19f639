#!/bin/sh
# bibtex_files.sh: BibTeX over whole files, through the sqlite3 shell (for
# readfile()).  Part of `make test`; the corpus part skips, saying so, when
# Debian's texlive-bibtex-extra or libbtparse-dev is absent.
#
#  1. fixtures: tests/data/bibtex/*.bib (dblp-, arXiv-, Google-Scholar-,
#     Zotero/Better-BibTeX-shaped) give exactly the rows and diagnostics of
#     their .expected files, and survive a bibtex_format round trip;
#  2. corpus: every .bib file texlive-bibtex-extra installs gives the same
#     entries as btparse (build/btparse_count, tests/btparse/): the same
#     count, the same field values, the same undefined macros.  What differs
#     is by design, and each difference has its test in tests/sql/bibtex.test:
#       - months: jan..dec are macros in BibTeX's styles ('macros'); btparse
#         knows none, so its month values are empty and it warns about them;
#       - a field given twice: we keep the first and warn (duplicate_field,
#         'dups'); btparse keeps both, silently;
#       - bytes that are not UTF-8: read as Latin-1 with a warning (encoding,
#         'latin1'); btparse passes the bytes on;
#       - an entry with a key and no fields (@index{mineral}): BibTeX reads it
#         ('keys'); btparse reports "found '}', expected ','" and its error
#         recovery loses the entries around it, so its count is compared on
#         the entries it parsed without error;
#     and no other kind of diagnostic may appear on the corpus;
#  3. round trip over a real bibliography: every entry of the largest corpus
#     file (TUGboat's, 3.8 MB) formatted with bibtex_format and parsed again
#     gives the same type, key and fields.
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sql(){ sqlite3 -batch -cmd ".load ./paperext" -cmd ".nullvalue NULL" :memory: "$@"; }
ok(){ pass=$((pass+1)); }
ko(){ fail=$((fail+1)); echo "FAIL $*"; }

# --- 1. fixtures
FIXTURE_QUERY="
SELECT key, type, year, venue, doi, arxiv, url, title,
       (SELECT group_concat(display, '; ') FROM bibtex_names(author)),
       cite_key(author, year, title), length(fields), inherited, error
  FROM bibtex_entries(readfile(:f));
SELECT 'diagnostic', line, col, severity, kind, key, message
  FROM bibtex_diagnostics(readfile(:f));"
ROUND_TRIP="
SELECT (SELECT count(*) FROM bibtex_entries(readfile(:f)) WHERE error IS NULL) || ' entries, '
    || count(*) || ' round trips'
  FROM bibtex_entries(readfile(:f)) x, bibtex_entries(bibtex_format(x.type, x.key, x.fields)) y
 WHERE x.error IS NULL AND y.error IS NULL
   AND y.type = x.type AND y.key = x.key AND y.fields = x.fields;"
for f in tests/data/bibtex/*.bib; do
  want=${f%.bib}.expected
  sql -cmd ".parameter set :f '$f'" "$FIXTURE_QUERY" > "$tmp/got" 2>&1
  if [ -f "$want" ] && cmp -s "$want" "$tmp/got"; then ok
  else ko "$f: rows differ from $want"; diff "$want" "$tmp/got" | head -20; fi
  rt=$(sql -cmd ".parameter set :f '$f'" "$ROUND_TRIP")
  n=${rt%% entries*}; m=${rt#*, }; m=${m%% round*}
  if [ -n "$n" ] && [ "$n" = "$m" ] && [ "$n" -gt 0 ]; then ok; else ko "$f: round trip: $rt"; fi
done

# --- 2. the corpus against btparse
files=""
if dpkg-query -W -f='${Status}' texlive-bibtex-extra 2>/dev/null | grep -q 'ok installed'; then
  files=$(dpkg -L texlive-bibtex-extra | grep '\.bib$')
fi
if [ -z "$files" ]; then
  echo "skipped: corpus test (Debian package texlive-bibtex-extra is not installed)"
elif [ ! -x build/btparse_count ]; then
  echo "skipped: corpus test (build/btparse_count not built: libbtparse-dev is not installed)"
else
  months="jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
  for f in $files; do
    name=$(basename "$f")
    # btparse: field values, then its counts; its warnings
    build/btparse_count -v "$f" > "$tmp/btv" 2>"$tmp/bterr"
    set -- $(grep -a '^#count ' "$tmp/btv")
    bt_all=$2 bt_ok=$(($2-$3))
    # field values, months aside, each (key, field) once, bytes as UTF-8
    grep -av '^#count ' "$tmp/btv" | awk -F'\t' '$2 != "month" && !seen[$1 "\t" $2]++' > "$tmp/bt"
    if ! iconv -f utf-8 -t utf-8 "$f" >/dev/null 2>&1; then
      iconv -f latin1 -t utf-8 "$tmp/bt" > "$tmp/bt8" && mv "$tmp/bt8" "$tmp/bt"
    fi
    bt_undef=$(grep -a 'undefined macro' "$tmp/bterr" | grep -Eaiv "macro \"($months)\"" | wc -l)
    # ours: values; then counts, undefined macros and any diagnostic kind
    # not explained above
    sql -separator "$(printf '\t')" -cmd ".parameter set :f '$f'" \
      "SELECT x.key, j.key, j.value FROM bibtex_entries(readfile(:f)) x, json_each(x.fields) j
        WHERE j.key <> 'month'" | awk -F'\t' '!seen[$1 "\t" $2]++' > "$tmp/our"
    set -- $(sql -separator ' ' -cmd ".parameter set :f '$f'" \
      "SELECT count(*), sum(error IS NULL AND fields <> '{}') FROM bibtex_entries(readfile(:f));
       SELECT count(*) FROM bibtex_diagnostics(readfile(:f)) WHERE kind = 'undefined_macro';
       SELECT ifnull(group_concat(DISTINCT kind), '-') FROM bibtex_diagnostics(readfile(:f))
        WHERE kind NOT IN ('undefined_macro', 'duplicate_field', 'encoding');")
    our_all=$1 our_ok=$2 our_undef=$3 other=$4
    if [ "$bt_all" = "$our_all" ] || [ "$bt_ok" = "$our_ok" ]; then ok
    else ko "$name: btparse $bt_all entries ($bt_ok without error), ours $our_all ($our_ok)"; fi
    if cmp -s "$tmp/bt" "$tmp/our"; then ok
    else ko "$name: field values differ from btparse's"; diff "$tmp/bt" "$tmp/our" | head -6; fi
    if [ "$bt_undef" = "$our_undef" ]; then ok
    else ko "$name: btparse warns of $bt_undef undefined macros, we of $our_undef"; fi
    if [ "$other" = "-" ]; then ok; else ko "$name: unexplained diagnostics: $other"; fi
  done
  # --- 3. round trip over the largest corpus file
  big=$(ls -S $files | head -1)
  rt=$(sql -cmd ".parameter set :f '$big'" "$ROUND_TRIP")
  n=${rt%% entries*}; m=${rt#*, }; m=${m%% round*}
  if [ "$n" = "$m" ] && [ "$n" -gt 1000 ]; then ok; echo "round trip $(basename "$big"): $rt"
  else ko "round trip $big: $rt"; fi
fi
echo "bibtex-files: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
