# reference.sh: sourced by tests/clients/cluster.sh and libsql.sh.  The
# import a Python or Node user runs, the questions they ask
# (tests/clients/lib/questions.tsv: a name, a tab, one SELECT), and the
# answers a local file gives, to compare another engine's with.
# The caller sets $tmp (a scratch directory) and defines ok and bad.

# The import statement: sql/schema.sql's import_text, the same for every
# format (list, bibtex).  Its parameters are ?1 the source name, ?2 the
# format, ?3 the file's text, bound as a value (a cluster node or a library
# cannot readfile() the user's file).
import_sql(){ echo 'INSERT INTO import_text(source, format, text) VALUES (?, ?, ?)'; }

QUESTIONS=tests/clients/lib/questions.tsv
TAB=$(printf '\t')
LOCAL_DB="$tmp/local.db"
local_sql(){ sqlite3 -batch "$LOCAL_DB" -cmd '.load ./paperext' "$@"; }

# local_import FORMAT SOURCE FILE: the import on the local file, the text
# bound by the sqlite3 shell (.param set ?3 readfile(...)).
local_import(){
  sqlite3 -batch "$LOCAL_DB" -cmd '.load ./paperext' -cmd ".param set ?1 '$2'" \
    -cmd ".param set ?2 '$1'" -cmd ".param set ?3 \"readfile('$3')\"" "$(import_sql)"
}

# local_reference: sql/schema.sql and the demo list and .bib imported into
# the local file; its answers into $tmp/local/.
local_reference(){
  rm -f "$LOCAL_DB"
  local_sql < sql/schema.sql &&
  local_import list demo_list.txt tests/data/demo_list.txt &&
  local_import bibtex demo.bib tests/data/demo.bib || bad "the local reference import failed"
  local_answers
  while IFS="$TAB" read -r name q; do   # every question has rows to compare
    if [ -s "$tmp/local/$name" ] && ! grep -q '^Error' "$tmp/local/$name"; then ok
    else bad "the local file gives no rows for '$name': $(head -2 "$tmp/local/$name")"; fi
  done < "$QUESTIONS"
}
local_answers(){
  mkdir -p "$tmp/local"
  while IFS="$TAB" read -r name q; do local_sql "$q" > "$tmp/local/$name" 2>&1; done < "$QUESTIONS"
}

# same_answers DIR WHEN: every answer in DIR/<name> is the local file's
same_answers(){
  while IFS="$TAB" read -r name q; do
    if cmp -s "$tmp/local/$name" "$1/$name"; then ok
    else bad "$2: '$name' differs from the local file's answer:"; diff "$tmp/local/$name" "$1/$name" | head -8; fi
  done < "$QUESTIONS"
}
