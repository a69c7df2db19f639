#!/bin/sh
# sqlite_utils.sh: paperext from sqlite-utils (Debian package) with
# --load-extension: import a list into a database file, query it, read it
# back as JSON and CSV.
cd "$(dirname "$0")/../.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check_name=sqlite-utils; . tests/clients/lib/check.sh
ext="--load-extension=./paperext.so"
db="$tmp/papers.db"

# import: the list's text as a :parameter
out=$(sqlite-utils query "$db" "CREATE TABLE papers AS SELECT * FROM readinglist_entries(:text)" \
        -p text "$(cat tests/data/rl_cvpr2021_zh_hans.txt)" $ext 2>&1)
check "import" "$out" '[{"rows_affected": -1}]'
check "rows" "$(sqlite-utils rows "$db" papers -c position -c title --csv $ext 2>&1 | tr -d "\r" | head -3)" \
"position,title
1,Exploring Simple Siamese Representation Learning
2,Pre-Trained Image Processing Transformer"

# query: venue per paper, notes holding a formula, the caption's tag
check "venues" "$(sqlite-utils query "$db" "SELECT venue, count(*) AS n FROM papers GROUP BY venue ORDER BY venue" --csv $ext 2>&1 | tr -d "\r")" \
"venue,n
CVPR 2021,3
ICCV 2021,1
cvpr2021,1"
check "formula" "$(sqlite-utils query "$db" "SELECT position FROM papers WHERE instr(note, '\\frac')" $ext 2>&1)" \
'[{"position": 1}]'
check "caption tag" "$(sqlite-utils query "$db" "SELECT tags FROM papers WHERE position = 3" $ext 2>&1)" \
'[{"tags": "[\"\u56fe\"]"}]'
check "line kind" "$(sqlite-utils memory "SELECT readinglist_line_kind(:l) AS k" -p l ',其中D是' $ext 2>&1)" \
'[{"k": "resumes a sentence"}]'

# the database file needs no extension to be read back
check "plain read" "$(sqlite-utils query "$db" "SELECT count(*) AS n FROM papers" 2>&1)" '[{"n": 5}]'
check_done
