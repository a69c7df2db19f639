#!/bin/sh
# bench_bibtex.sh: bibtex_entries() against btparse and bibtool, side by side
# in one run, on real bibliographies (make bench; BENCH_ONLY=bibtex).
#
# The corpus: every .bib file Debian's texlive-bibtex-extra installs (Beebe's
# TeX bibliographies, biblatex examples, ...), concatenated as many times as
# it takes to pass 50 MB, into build/bench/bibtex_corpus.bib.
#
# Each command runs 3 times; the best wall time and the best CPU time
# (user+sys) count: the machine is shared, and CPU time is what other
# processes disturb least.  Peak RSS comes from /usr/bin/time.  Rows:
#   floor          SELECT instr(readfile(F), x'00'): read the file, scan it once
#   count(*)       SELECT count(*) FROM bibtex_entries(readfile(F))
#   every column   every column of every row read (length() of each)
#   core           the parser alone from C (tests/bench/bibtex_core.c, read
#                  with stdio like the btparse driver; -f: every field value)
#   btparse        build/btparse_count F (bt_parse_entry per entry, values
#                  expanded, pasted and collapsed, as we do)
#   btparse -f     the same, reading every field's text
#   bibtool        bibtool -q -o /dev/null F (parse and write out)
# Memory: bibtex_entries keeps the input (a copy of the argument) and one
# entry at a time; the "beyond input" column is peak RSS less the floor's.
cd "$(dirname "$0")/../.." || exit 2
MIN_MB=${BIBTEX_BENCH_MB:-50}
corpus=build/bench/bibtex_corpus.bib
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! dpkg-query -W -f='${Status}' texlive-bibtex-extra 2>/dev/null | grep -q 'ok installed'; then
  echo "bench bibtex skipped: Debian package texlive-bibtex-extra is not installed"
  exit 0
fi
[ -x /usr/bin/time ] || { echo "bench bibtex skipped: /usr/bin/time (package time) is missing"; exit 0; }

# --- the corpus
mkdir -p build/bench
files=$(dpkg -L texlive-bibtex-extra | grep '\.bib$')
size=$(cat $files | wc -c)
copies=$(( (MIN_MB*1048576 + size - 1) / size ))
if [ ! -f "$corpus" ] || [ "$(wc -c < "$corpus")" -ne $((size*copies)) ]; then
  : > "$corpus"
  i=0
  while [ $i -lt $copies ]; do cat $files >> "$corpus"; i=$((i+1)); done
fi
bytes=$(wc -c < "$corpus")
mb=$(echo "$bytes" | awk '{printf "%.1f", $1/1048576}')
nfiles=$(echo "$files" | wc -l)

sql(){ sqlite3 -batch -cmd ".load ./paperext" :memory: "$1"; }
cores=$(make -s print-core-src)
cc -O2 -Iext -o build/bench/bibtex_core tests/bench/bibtex_core.c $cores tests/unit/pe_mem_libc.c \
  $(pkg-config --libs libpcre2-8 libutf8proc) || exit 1
entries=$(sql "SELECT count(*) FROM bibtex_entries(readfile('$corpus'))")
echo "corpus: $corpus, $mb MB: $nfiles .bib files of texlive-bibtex-extra x $copies, $entries entries"

# best NAME CMD...: run 3 times, keep the best wall and CPU times, the peak RSS
best(){
  name=$1; shift
  b=""; c=""; rss=0
  for r in 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" > "$tmp/out" 2>/dev/null
    read -r t u s m < "$tmp/t"
    cpu=$(awk "BEGIN{print $u + $s}")
    if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
    if [ -z "$c" ] || awk "BEGIN{exit !($cpu < $c)}"; then c=$cpu; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$name|$b|$c|$rss" >> "$tmp/results"
}

ALL="SELECT sum(length(key)+length(type)+length(title)+length(author)+length(editor)
  +length(year)+length(venue)+length(doi)+length(arxiv)+length(url)+length(fields)
  +length(inherited)+line+length(raw)+length(error))
  FROM bibtex_entries(readfile('$corpus'))"

: > "$tmp/results"
best "floor: instr(readfile(F), x'00')" sqlite3 -batch :memory: "SELECT instr(readfile('$corpus'), x'00')"
best "paperext count(*)" sqlite3 -batch -cmd ".load ./paperext" :memory: \
  "SELECT count(*) FROM bibtex_entries(readfile('$corpus'))"
best "paperext every column" sqlite3 -batch -cmd ".load ./paperext" :memory: "$ALL"
best "paperext core (C) count" build/bench/bibtex_core "$corpus"
best "paperext core (C) every field" build/bench/bibtex_core -f "$corpus"
if [ -x build/btparse_count ]; then
  best "btparse count" build/btparse_count "$corpus"
  best "btparse -f (every field)" build/btparse_count -f "$corpus"
else
  echo "(btparse skipped: build/btparse_count not built, libbtparse-dev missing)"
fi
if command -v bibtool >/dev/null 2>&1; then
  best "bibtool -q -o /dev/null" bibtool -q -o /dev/null "$corpus"
else
  echo "(bibtool skipped: Debian package bibtool is not installed)"
fi

floor_rss=$(awk -F'|' 'NR==1 {print $4}' "$tmp/results")
bt=$(awk -F'|' '$1=="btparse count" {print $2 "|" $3}' "$tmp/results")
btf=$(awk -F'|' '$1=="btparse -f (every field)" {print $2 "|" $3}' "$tmp/results")
printf '%-32s %7s %7s %7s %7s %10s %10s %9s %8s\n' "what" "wall s" "cpu s" "MB/s" "MB/s" \
  "x btparse" "x btparse" "peak RSS" "beyond"
printf '%-32s %7s %7s %7s %7s %10s %10s %9s %8s\n' "" "" "" "wall" "cpu" "wall" "cpu" "MB" "floor MB"
awk -F'|' -v mb="$mb" -v bt="$bt" -v btf="$btf" -v floor="$floor_rss" '
function r(a, b){ return (a != "" && b > 0) ? sprintf("%.1fx", a / b) : "-" }
{
  w = $2 > 0 ? $2 : 0.005; c = $3 > 0 ? $3 : 0.005
  ref = ($1 ~ /every/ && btf != "") ? btf : bt
  split(ref, R, "|")
  xw = ($1 ~ /^floor/) ? "-" : r(R[1], w); xc = ($1 ~ /^floor/) ? "-" : r(R[2], c)
  printf "%-32s %7.2f %7.2f %7.0f %7.0f %10s %10s %9.1f %8.1f\n", $1, $2, $3, mb / w, mb / c, xw, xc, $4/1024, ($4-floor)/1024
}' "$tmp/results"
echo "(x btparse: against \"btparse count\" for counting, \"btparse -f\" for reading every column;"
echo " beyond floor: peak RSS less the floor query's, which holds the file once)"
