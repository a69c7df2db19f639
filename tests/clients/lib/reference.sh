# reference.sh: sourced by tests/clients/cluster.sh and libsql.sh.  The
# import a Python or Node user runs, the questions they ask
# (tests/clients/lib/questions.tsv: a name, a tab, one SELECT), and the
# answers a local file gives, to compare another engine's with.
# The caller sets $tmp (a scratch directory) and defines ok and bad.

# The import statement of a format (list, bibtex).  Its parameters are
# ?1 the source name, ?2 the format, ?3 the file's text, bound as a value
# (a cluster node or a library cannot readfile() the user's file).  Today:
# the statements of sql/import_list.sql and sql/import_bibtex.sql, with
# readfile(:file) as ?3.  When sql/schema.sql has the import_text view, the
# body becomes one line:
#   echo 'INSERT INTO import_text(source, format, text) VALUES (?, ?, ?)'
import_sql(){
  case $1 in
    list) echo "INSERT INTO paper_import(title, venue_raw, tags, status, note, arxiv, doi, url, source)
  SELECT title, venue, tags, status, note, arxiv, doi, url, ?1 || ':' || line
    FROM readinglist_entries(?3) WHERE title IS NOT NULL" ;;
    bibtex) echo "INSERT INTO paper_import(title, authors, year, venue_raw, tags, arxiv, doi, url,
                         bibtex_key, bibtex_type, bibtex_fields, source)
  SELECT latex_to_unicode(title), latex_to_unicode(author),
         CASE WHEN typeof(year) = 'integer' THEN year END,
         venue, tags_parse(json_extract(fields, '\$.keywords')),
         arxiv, doi, url, key, type, fields, ?1 || ':' || line
    FROM bibtex_entries(?3) WHERE error IS NULL AND title IS NOT NULL" ;;
  esac
}

QUESTIONS=tests/clients/lib/questions.tsv
TAB=$(printf '\t')
LOCAL_DB="$tmp/local.db"
local_sql(){ sqlite3 -batch "$LOCAL_DB" -cmd '.load ./paperext' "$@"; }

# local_import FORMAT SOURCE FILE: the import on the local file, the text
# bound by the sqlite3 shell (.param set ?3 readfile(...)).
local_import(){
  sqlite3 -batch "$LOCAL_DB" -cmd '.load ./paperext' -cmd ".param set ?1 '$2'" \
    -cmd ".param set ?2 '$1'" -cmd ".param set ?3 \"readfile('$3')\"" "$(import_sql "$1")"
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
