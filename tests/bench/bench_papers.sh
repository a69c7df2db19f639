#!/bin/sh
# bench_papers.sh: the papers database's import at scale (bench_papers.py).
# Generated bibliographies (gen_papers.py) are kept in build/bench/papers/.
cd "$(dirname "$0")/../.." || exit 2
B=build/bench/papers
mkdir -p "$B"
[ -f "$B/base100k.bib" ] || /usr/bin/python3 tests/bench/gen_papers.py "$B/base100k.bib" 100000 1 || exit 1
[ -f "$B/new10k.bib" ] || /usr/bin/python3 tests/bench/gen_papers.py "$B/new10k.bib" 10000 2 || exit 1
/usr/bin/python3 tests/bench/bench_papers.py ./paperext.so "$B" || exit 1

# Growth: instructions (callgrind, the whole sqlite3 process) of importing
# n and 4n entries into an empty database; linear work gives about 4.
command -v valgrind >/dev/null || { echo "growth: valgrind missing, skipped"; exit 0; }
count(){ # count N: instructions of importing N generated entries
  [ -f "$B/grow$1.bib" ] || /usr/bin/python3 tests/bench/gen_papers.py "$B/grow$1.bib" "$1" 3 >/dev/null || return 1
  rm -f "$B/grow.db" "$B/cg.out"
  valgrind --tool=callgrind --callgrind-out-file="$B/cg.out" sqlite3 -batch "$B/grow.db" \
    -cmd '.load ./paperext' -cmd '.read sql/schema.sql' \
    "INSERT INTO import_text(source, format, text) VALUES ('g.bib', 'bibtex', CAST(readfile('$B/grow$1.bib') AS TEXT))" \
    >/dev/null 2>&1 || return 1
  sed -n 's/^summary: //p' "$B/cg.out"
}
a=$(count 1000) && b=$(count 4000) || { echo "growth: callgrind run failed"; exit 1; }
echo "growth: import of 1,000 entries $a instructions, of 4,000 $b: x$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", b/a}') for x4 the entries"
