#!/bin/sh
# limits.sh: hostile sizes through the sqlite3 shell (issue 7).
#   sh tests/limits.sh [paperext.so]      texts of 20 MB (a few seconds)
#   LIMITS=1 sh tests/limits.sh           texts of 400 MB (near SQLITE_MAX_LENGTH
#                                         scale; a minute, a few GB of memory)
# Not in tests/sql/: the OOM test would rerun these statements once per
# allocation, and valgrind would take minutes over them.
# Each check: an SQL statement and the exact output (or error) it must give.
cd "$(dirname "$0")/.." || exit 2
SO=${1:-./paperext.so}
if [ "${LIMITS:-0}" = 1 ]; then BIG=${LIMITS_BYTES:-400000000}; else BIG=20000000; fi
pass=0; fail=0

check(){  # check 'SQL' 'expected output' [shell dot-commands]
  got=$(printf '%s\n%s\n' "${3:-}" "$1" | sqlite3 -bail -cmd ".load $SO" :memory: 2>&1 | grep -v '^ *length [0-9]*$' | sed 's/^Runtime error near line [0-9]*: //; s/^Error: near line [0-9]*: //; s/ ([0-9]*)$//')
  if [ "$got" = "$2" ]; then pass=$((pass+1)); else fail=$((fail+1)); printf 'FAIL %s\n  want: %s\n  got:  %.400s\n' "$1" "$2" "$got"; fi
}

# Texts of $BIG bytes built inside SQL: every function reads all of them.
check "WITH t(x) AS (SELECT printf('%.*c', $BIG, 'A')) SELECT length(tag_norm(x)), length(title_key(x)), arxiv_id(x), doi(x), regexp_count(x, 'A{1000}') FROM t;" \
      "$BIG|$BIG|||$((BIG/1000))"
check "WITH t(x) AS (SELECT printf('%.*c', $BIG, 'a') || ' arXiv:2002.05709 doi:10.1145/3065386') SELECT arxiv_id(x), doi(x), json_array_length(tags_parse(x)) FROM t;" \
      "2002.05709|10.1145/3065386|1"
# The table functions read such texts whole too: a line of $BIG bytes (too
# long for a title: a note, every byte kept); a BibTeX entry whose note is
# $BIG bytes.
check "WITH t(x) AS (SELECT printf('%.*c', $BIG, 'A')) SELECT (SELECT count(*) || '|' || length(note) FROM readinglist_entries(x)), (SELECT count(*) FROM bibtex_entries(x)) FROM t;" \
      "1|$BIG|0"
check "WITH t(x) AS (SELECT '@misc{big, title = {Big}, note = {' || printf('%.*c', $BIG, 'n') || '}}') SELECT key, length(json_extract(fields, '\$.note')), error FROM t, bibtex_entries(x);" \
      "big|$BIG|"
# Venue strings are short: a long one is refused, naming the limit.
check "SELECT venue_norm(printf('%.*c', $BIG, 'a'));" \
      "venue: text of $BIG bytes is over the limit of 1048576 bytes (PE_VENUE_MAX_TEXT)"
check "SELECT venue_norm(substr(replace(printf('%.*c', 1048576, 'x'), 'x', 'nips 2020 '), 1, 1048576));" "NeurIPS"
# User alias tables: 100,000 rows load in linear time and match through a
# hash; one row more, or more than 16 MiB of text, is refused naming the limit.
ROWS="WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<%d)"
check "CREATE TABLE paperext_venue_aliases(alias, acronym, name, kind);
INSERT INTO paperext_venue_aliases $(printf "$ROWS" 50000) SELECT 'Workshop on Topic ' || i, 'WT' || i, NULL, 'workshop' FROM c;
INSERT INTO paperext_venue_aliases $(printf "$ROWS" 50000) SELECT 'wt' || i || ' meeting', 'WT' || i, 'Topic ' || i, NULL FROM c;
SELECT venue_resolve('Proc. Workshop on Topic 31337, 2021') ->> 'acronym', venue_resolve('Proc. Workshop on Topic 31337, 2021') ->> 'year', venue_resolve('WT31337 meeting') ->> 'name', venue_resolve('nips2020') ->> 'acronym', (SELECT count(*) FROM paperext_venues WHERE acronym LIKE 'WT%');" \
      "WT31337|2021|Topic 31337|NeurIPS|50000"
check "CREATE TABLE paperext_venue_aliases(alias, acronym, name, kind);
INSERT INTO paperext_venue_aliases $(printf "$ROWS" 100001) SELECT 'v' || i, 'V' || i, NULL, NULL FROM c;
SELECT venue_resolve('nips2020');" \
      "paperext_venue_aliases row 100001: more than 100000 rows (PE_VENUE_USER_MAX_ROWS)"
check "CREATE TABLE paperext_venue_aliases(alias, acronym, name, kind);
INSERT INTO paperext_venue_aliases VALUES ('x', 'X', printf('%.*c', 10000000, 'n'), NULL), ('y', 'Y', printf('%.*c', $BIG, 'n'), NULL);
SELECT venue_resolve('nips2020');" \
      "paperext_venue_aliases row 2: the table's text passes 16777216 bytes (PE_VENUE_USER_MAX_BYTES)"
# Unicode folding works a chunk at a time: 60 million combining marks after
# one letter are ordered and stripped in linear time and bounded memory.
check "SELECT title_key('e' || replace(printf('%.*c', 30000000, 'x'), 'x', char(769, 803))), length(tag_norm('E' || replace(printf('%.*c', 3000000, 'x'), 'x', char(769, 803))));" \
      "e|6000000"

# Deep nesting: a million brackets or braces (linear, not quadratic).
check "SELECT tag_norm(printf('%.*c', 1000000, '[') || 'Deep' || printf('%.*c', 1000000, ']')), length(tag_norm(printf('%.*c', 1000000, '[') || 'x' || printf('%.*c', 999999, ']')));" \
      "deep|2000000"
check "SELECT tag_norm(replace(printf('%.*c', 300000, 'x'), 'x', '[(【') || 'Mixed' || replace(printf('%.*c', 300000, 'x'), 'x', '】)]'));" "mixed"
check "SELECT title_key(printf('%.*c', 1000000, '{') || 'Deep Title' || printf('%.*c', 1000000, '}')), length(title_key(printf('%.*c', 1000000, '(') || 'x'));" \
      "deep title|1"
# Openers without closers are read once, not once per opener (issue 13:
# 100,001 '【' took minutes in tags_parse, tag_each and tag_has); a list of
# venue lines reads ahead once, not once per line.
check "WITH t(x) AS (SELECT replace(printf('%.*c', 1000000, 'x'), 'x', '【')) SELECT length(tags_parse(x)), (SELECT count(*) FROM tag_each(x)), tag_has(x, 'a') FROM t;" \
      "1000004|1|0"
check "WITH t(x) AS (SELECT replace(printf('%.*c', 200000, 'x'), 'x', 'NeurIPS 2020' || char(10))) SELECT (SELECT count(*) FROM readinglist_entries(x)), (SELECT count(*) FROM readinglist_diagnostics(x)) FROM t;" \
      "0|200001"
# A million distinct tags in one string.
check "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<1000000) SELECT json_array_length(tags_parse(group_concat('#t' || i, ' '))), json_array_length(tags_parse(group_concat('t' || i, ','))) FROM c;" \
      "1000000|1000000"

# PCRE2's limits: each error names the limit and its value.
check "SELECT regexp_like(printf('%.*c', 40, 'a') || '!', '^(\\w+\\s?)*\$');" \
      "regexp: match limit of 10000000 steps exceeded (the pattern backtracks too much) in '^(\\w+\\s?)*\$'"
check "SELECT regexp_like('a', printf('%.*c', 300, '(') || 'a' || printf('%.*c', 300, ')'));" \
      "regexp: parentheses are too deeply nested at offset 251 (PCRE2's limit: 250 nested parentheses) in '$(printf '%.200s' "$(printf '%0300d' 0 | tr 0 '(')")...' (601 bytes)"
check "SELECT regexp_like('a', replace(printf('%.*c', 400000, 'x'), 'x', '(?:a)'));" \
      "regexp: regular expression is too large at offset 1999999 (PCRE2's limit: a compiled pattern of 65536 code units, link size 2) in '$(printf '(?:a)%.0s' $(seq 40))...' (2000000 bytes)"
check "SELECT length(regexp_replace(printf('%.*c', $BIG, 'a'), 'a', 'bb'));" "$((BIG*2))"

# Never truncated: a result over SQLITE_LIMIT_LENGTH is an error, not a cut.
LIM=".limit length 1000000"
TOOBIG="string or blob too big"
check "SELECT length(regexp_replace(printf('%.*c', 600000, 'a'), 'a', 'bb'));" "$TOOBIG" "$LIM"
check "SELECT length(title_key(replace(printf('%.*c', 400000, 'x'), 'x', 'β')));" "$TOOBIG" "$LIM"
check "SELECT length(tag_norm(replace(printf('%.*c', 100000, 'x'), 'x', char(65018))));" "$TOOBIG" "$LIM"
check "SELECT length(tags_parse(group_concat(v, ','))) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<200000) SELECT 't' || i AS v FROM c);" "$TOOBIG" "$LIM"
check "SELECT length(doi_url('10.1234/' || replace(printf('%.*c', 400000, 'x'), 'x', '%')));" "$TOOBIG" "$LIM"
check "SELECT length(regexp_replace(printf('%.*c', 999000, 'a'), 'a', 'b'));" "999000" "$LIM"

# RIS, CSL-JSON and the BibTeX writers on texts of $BIG bytes: a RIS abstract
# of $BIG bytes on continuation lines; CSL-JSON nested a million deep (an
# error at its line and column, not a stack overflow), and an item whose title
# is $BIG bytes; case protection, escaping and keys of such a title.
check "WITH t(x) AS (SELECT 'TY  - JOUR' || char(10) || 'AB  - ' || replace(printf('%.*c', $BIG/10, 'x'), 'x', 'abstract' || char(10) || ' ') || char(10) || 'ER  - ') SELECT count(*), length(abstract) > $BIG/2 FROM t, ris_entries(x);" \
      "1|1"
check "SELECT line, col, kind FROM csljson_diagnostics(printf('%.*c', 1000000, '['));" "1|503|syntax"
check "WITH t(x) AS (SELECT '[{\"id\":\"a\",\"type\":\"book\",\"title\":\"' || printf('%.*c', $BIG, 'T') || '\"}]') SELECT length(title), length(csljson_item(fields)) > $BIG FROM t, csljson_entries(x);" \
      "$BIG|1"
check "WITH t(x) AS (SELECT replace(printf('%.*c', $BIG/10, 'x'), 'x', 'ConvBERT &') ) SELECT length(bibtex_protect(x)) - length(x), length(latex_escape(x)) - length(x), cite_key(NULL, 2020, x) FROM t;" \
      "$(( BIG/10*2 ))|$(( BIG/10 ))|convbert2020convbert"

echo "limits: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
