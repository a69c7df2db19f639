#!/bin/sh
# docs.sh: the documentation against the catalog, and its links.
#  1. Every name of paperext_functions (SELECT DISTINCT module, name) has a
#     section in its module's page, ext/<module>/README.md, whose heading
#     starts "### `name(" or "### `name ".
#  2. Every such heading of any ext/*/README.md names something the catalog
#     lists for that module, and its signature is the catalog's: exactly one
#     of the catalog's signatures for the name, or, for a name registered
#     with several arities, a form whose optional parts ([, flags]) left out
#     and put in both give catalog signatures.
#  3. Every relative Markdown link of README.md, tests/*.md,
#     tests/bench/RESULTS.md, ext/README.md, ext/*/README.md, sql/*.md and cluster/*.md points to an
#     existing file (code blocks and code spans are not read).
# Needs ./paperext.so.  Last line: "docs: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
pass=0; fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok(){ pass=$((pass+1)); }
bad(){ fail=$((fail+1)); echo "FAIL $*"; }
TAB=$(printf '\t')

# The catalog: module, name, signature, one row each, tab-separated.
if sqlite3 -batch :memory: -cmd '.load ./paperext' \
     "SELECT module || char(9) || name || char(9) || signature FROM paperext_functions" \
     >"$tmp/catalog" 2>"$tmp/err"; then
  have_catalog=1
else
  have_catalog=0
  bad "paperext_functions: cannot read module, name, signature: $(head -1 "$tmp/err")"
fi

# The headings of the module pages, outside code blocks:
# module, name, signature, file:line.
for f in ext/*/README.md; do
  [ -f "$f" ] || continue
  m=$(basename "$(dirname "$f")")
  awk -v m="$m" -v f="$f" '
    /^[ \t]*(```|~~~)/ { fence = !fence; next }
    fence { next }
    /^### `/ {
      s = substr($0, 6); i = index(s, "`"); if (i == 0) next
      sig = substr(s, 1, i - 1); name = sig; sub(/[( ].*/, "", name)
      printf "%s\t%s\t%s\t%s:%d\n", m, name, sig, f, NR
    }' "$f"
done >"$tmp/headings"

if [ "$have_catalog" = 1 ]; then
  # 1. every catalog name has a heading in its module's page
  cut -f1,2 "$tmp/catalog" | sort -u | while IFS="$TAB" read -r m name; do
    if [ ! -f "ext/$m/README.md" ]; then
      echo "FAIL $m.$name: no page ext/$m/README.md"
    elif ! awk -F "$TAB" -v m="$m" -v n="$name" '$1 == m && $2 == n { found = 1 } END { exit !found }' "$tmp/headings"; then
      echo "FAIL $m.$name: no heading ### \`$name(...\` or ### \`$name ...\` in ext/$m/README.md"
    else
      echo "ok"
    fi
  done >"$tmp/out1"
  # 2. every heading names a catalog entry of its module, with its signature
  while IFS="$TAB" read -r m name sig where; do
    if ! awk -F "$TAB" -v m="$m" -v n="$name" '$1 == m && $2 == n { found = 1 } END { exit !found }' "$tmp/catalog"; then
      echo "FAIL $where: heading '$sig' names nothing the catalog lists for module $m"
      continue
    fi
    if SIG=$sig awk -F "$TAB" -v m="$m" -v n="$name" '
         BEGIN { s = ENVIRON["SIG"]; lo = s; gsub(/\[[^][]*\]/, "", lo); hi = s; gsub(/[][]/, "", hi) }
         $1 == m && $2 == n { if ($3 == s) exact = 1; if ($3 == lo) l = 1; if ($3 == hi) h = 1 }
         END { exit !(exact || (l && h)) }' "$tmp/catalog"; then
      echo "ok"
    else
      echo "FAIL $where: heading '$sig' is not the catalog's signature of $name: $(awk -F "$TAB" -v m="$m" -v n="$name" '$1 == m && $2 == n { printf "%s'\''%s'\''", sep, $3; sep = ", " }' "$tmp/catalog")"
    fi
  done <"$tmp/headings" >"$tmp/out2"
  for o in "$tmp/out1" "$tmp/out2"; do
    while IFS= read -r line; do
      case $line in ok) ok ;; *) fail=$((fail+1)); echo "$line" ;; esac
    done <"$o"
  done
fi

# 3. relative links point to files
for f in README.md tests/*.md tests/bench/RESULTS.md ext/README.md ext/*/README.md sql/*.md cluster/*.md; do
  [ -f "$f" ] || continue
  awk -v f="$f" '
    /^[ \t]*(```|~~~)/ { fence = !fence; next }
    fence { next }
    {
      s = $0; gsub(/`[^`]*`/, "", s)
      while (match(s, /\]\([^)]*\)/)) {
        t = substr(s, RSTART + 2, RLENGTH - 3); s = substr(s, RSTART + RLENGTH)
        sub(/[ \t].*/, "", t); sub(/^</, "", t); sub(/>$/, "", t)
        if (t ~ /^[a-zA-Z][a-zA-Z0-9+.-]*:/ || t ~ /^#/ || t == "") continue
        sub(/#.*/, "", t)
        printf "%s\t%d\t%s\n", f, NR, t
      }
    }' "$f"
done >"$tmp/links"
while IFS="$TAB" read -r f line target; do
  if [ -e "$(dirname "$f")/$target" ]; then ok
  else bad "$f:$line: link to $target: no such file"; fi
done <"$tmp/links"

echo "docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
