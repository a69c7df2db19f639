#!/bin/sh
# layout.sh: the rules of the source tree (ext/README.md), checked.
#  1. A core never sees SQLite: no file of ext/<module>/ but its binding
#     <module>_sql.c, and nothing in ext/common/, includes sqlite3*.h or the
#     glue (ext/sqlite/).
#  2. Each module folder has exactly one binding, named after the folder,
#     and a README.md; ext/common/ and ext/sqlite/ have no binding.
#  3. Every generated file is named *_generated.* and says GENERATED in its
#     first line, and a generator under the same module's gen/ makes it.
cd "$(dirname "$0")/.." || exit 2
pass=0; fail=0
ok(){ pass=$((pass+1)); }
bad(){ fail=$((fail+1)); echo "FAIL $*"; }
for f in ext/*/*.c ext/*/*.h; do
  case $f in ext/sqlite/*|*_sql.c) continue ;; esac
  if grep -Eq '#include *[<"](sqlite3|sqlite3ext)\.h[>"]|#include *"(sqlite/|pe_sqlite|pe_register)' "$f"; then
    bad "$f: a core includes SQLite or its glue"
  else ok; fi
done
for d in ext/*/; do
  m=$(basename "$d")
  n=$(ls "$d" | grep -c '_sql\.c$')
  case $m in
    common|sqlite) [ "$n" -eq 0 ] && ok || bad "$d: shared code has no binding" ;;
    *) [ "$n" -eq 1 ] && [ -f "$d${m}_sql.c" ] && ok || bad "$d: wants exactly one binding, ${m}_sql.c"
       [ -f "${d}README.md" ] && ok || bad "$d: no README.md" ;;
  esac
done
for f in ext/*/*_generated.*; do
  m=$(echo "$f" | cut -d/ -f2)
  head -1 "$f" | grep -q GENERATED && ok || bad "$f: first line does not say GENERATED"
  grep -lq "$(basename "$f")" ext/"$m"/gen/*.py 2>/dev/null && ok || bad "$f: no generator in ext/$m/gen/ names it"
done
echo "layout: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
