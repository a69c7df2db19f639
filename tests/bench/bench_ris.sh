#!/bin/sh
# bench_ris.sh: reading speed of ris_entries (make bench; BENCH_ONLY=ris).
#
# A 50 MB RIS file made by gen_ris.py (fixed seed; the shapes of IEEE, ACM,
# Springer, Scopus and EndNote exports) is loaded into a table once; then,
# side by side in one run, best of 3, CPU seconds (user+sys):
#   floor        count(*) over instr() scans: instr(t, 'ER  - ') over the text
#   count        SELECT count(*) FROM ris_entries(t)
#   columns      every column of every record
#   diagnostics  SELECT count(*) FROM ris_diagnostics(t)
# and the peer Debian packages: bibutils' ris2xml (a C RIS reader writing MODS
# XML) on the same file.  Growth with size: callgrind's instruction counts of
# count(*) at 2 and 8 MB (4x the text should be about 4x the instructions).
cd "$(dirname "$0")/../.." || exit 2
tmp=${TMPDIR:-/tmp}/paperext-bench-ris.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 tests/bench/gen_ris.py 50 "$tmp/big.ris" || exit 1
mb=$(awk -v b="$(wc -c < "$tmp/big.ris")" 'BEGIN{printf "%.2f", b/1048576}')
best(){
  for i in 1 2 3; do
    printf '.load ./paperext\nCREATE TABLE doc AS SELECT CAST(readfile(%s) AS TEXT) AS t;\n.timer on\n%s\n' \
      "'$tmp/big.ris'" "$1" | sqlite3 :memory: | grep '^Run Time' | tail -1 | awk '{print $6+$8}'
  done | sort -n | head -1
}
floor=$(best "SELECT instr(t, 'ER  - zzzq') FROM doc;")
count=$(best "SELECT count(*) FROM ris_entries((SELECT t FROM doc));")
cols=$(best "SELECT sum(length(id) + length(type) + length(title) + length(author) + length(editor) + year + length(date) + length(venue) + length(volume) + length(issue) + length(pages) + length(doi) + length(arxiv) + length(url) + length(keywords) + length(abstract) + length(note) + length(publisher) + length(fields) + line + offset) FROM ris_entries((SELECT t FROM doc));")
diag=$(best "SELECT count(*) FROM ris_diagnostics((SELECT t FROM doc));")
rows=$(printf ".load ./paperext\nSELECT count(*), count(doi), sum(json_array_length(keywords)) FROM ris_entries(CAST(readfile('%s') AS TEXT));\n" "$tmp/big.ris" | sqlite3 :memory:)
echo "RIS file of $mb MB (records|with DOI|keywords: $rows), best of 3:"
printf '  %-36s %8s %9s %8s\n' "query" "seconds" "MB/s" "ratio"
for x in "instr() scan floor:$floor" "count(*) ris_entries:$count" "every column ris_entries:$cols" "count(*) ris_diagnostics:$diag"; do
  name=${x%%:*}; t=${x##*:}
  awk -v n="$name" -v t="$t" -v mb="$mb" -v f="$floor" \
    'BEGIN{printf "  %-36s %8.3f %9.1f %8.2f\n", n, t, (t>0? mb/t : 0), (f>0? t/f : 0)}'
done
if command -v ris2xml >/dev/null; then
  peer=$(for i in 1 2 3; do /usr/bin/time -f '%U %S' ris2xml -i utf8 "$tmp/big.ris" 2>&1 >/dev/null | tail -1 | awk '{print $1+$2}'; done | sort -n | head -1)
  awk -v t="$peer" -v mb="$mb" -v f="$floor" -v c="$cols" \
    'BEGIN{printf "  %-36s %8.3f %9.1f %8.2f   (every column ris_entries is %.1fx faster)\n", "peer: bibutils ris2xml (to MODS XML)", t, mb/t, t/f, t/c}'
else
  echo "  peer: bibutils' ris2xml not installed (apt-get install bibutils)"
fi
if command -v valgrind >/dev/null; then
  /usr/bin/python3 tests/bench/gen_ris.py 2 "$tmp/s2.ris" && /usr/bin/python3 tests/bench/gen_ris.py 8 "$tmp/s8.ris"
  ir(){
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" sqlite3 :memory: \
      ".load ./paperext" "SELECT count(*) FROM ris_entries(CAST(readfile('$1') AS TEXT))" >/dev/null 2>"$tmp/cg.err"
    grep -E 'Collected' "$tmp/cg.err" | awk '{print $NF}' | tr -d ','
  }
  i2=$(ir "$tmp/s2.ris"); i8=$(ir "$tmp/s8.ris")
  awk -v a="$i2" -v b="$i8" 'BEGIN{printf "  growth: count(*) at 2 MB %d instructions, at 8 MB %d: x%.2f for x4 the text\n", a, b, b/a}'
fi
