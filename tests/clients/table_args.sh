#!/bin/sh
# table_args.sh: every table-valued function of the catalog declares its
# arguments the same way and fails the same way when one is missing.
# For each table of paperext_functions (kind 'table'):
#  1. its hidden columns (PRAGMA table_xinfo) are the arguments its signature
#     names, in order, and its other columns the ones after '->':
#     'regexp_split(text, pattern[, flags]) -> (part)';
#  2. leaving out a required argument (those before '[') fails with
#     "<table>: missing argument <name>", the earlier ones given as '';
#  3. given every required argument as NULL it runs (no rows or some rows);
#  4. a query whose WHERE has an OR of two of its visible columns runs: SQLite
#     also plans each OR term alone, without the arguments, and that plan
#     must lose to one with them, not fail the statement.
# Tables are read from the catalog, so a new one is tested without a change here.
cd "$(dirname "$0")/../.." || exit 2
pass=0; fail=0
q(){ sqlite3 -batch :memory: -cmd '.load ./paperext' "$1" 2>&1; }
check(){  # what, got, want
  if [ "$2" = "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $1"; echo "  want: $3"; echo "  got:  $2"; fi
}
for t in $(q "SELECT name FROM paperext_functions WHERE kind = 'table' ORDER BY name"); do
  sig=$(q "SELECT signature FROM paperext_functions WHERE name = '$t'")
  # the arguments of the signature: between the first '(' and its ')'
  args=$(echo "$sig" | sed -n 's/^[a-z_0-9]*(\([^)]*\)).*/\1/p' | tr -d '[]' | tr ',' ' ')
  req=$(echo "$sig" | sed -n 's/^[a-z_0-9]*(\([^)[]*\).*/\1/p' | tr ',' ' ')
  hidden=$(q "SELECT group_concat(name, ' ') FROM pragma_table_xinfo('$t') WHERE hidden")
  check "$t: hidden columns = arguments of '$sig'" "$hidden" "$(echo $args)"
  cols=$(echo "$sig" | sed -n 's/.*-> *(\(.*\))$/\1/p' | tr -d ',')
  visible=$(q "SELECT group_concat(name, ' ') FROM pragma_table_xinfo('$t') WHERE NOT hidden")
  check "$t: columns = the columns of '$sig'" "$visible" "$cols"
  given=""
  for a in $req; do
    got=$(q "SELECT count(*) FROM $t($given)")
    check "$t($given) without $a" "$got" "Error: stepping, $t: missing argument $a"
    given="${given:+$given, }''"
  done
  nulls=$(echo "$req" | awk '{for(i=1;i<=NF;i++) printf "%sNULL", (i>1?", ":"")}')
  got=$(q "SELECT typeof(count(*)) FROM $t($nulls)")
  check "$t($nulls) runs" "$got" "integer"
  c1=$(echo $cols | cut -d' ' -f1); c2=$(echo $cols | cut -d' ' -f2)
  if [ -n "$req" ] && [ "$c1" != "$c2" ]; then
    got=$(q "SELECT typeof(count(*)) FROM $t($nulls) WHERE $c1 = 'x' OR $c2 = 'y'")
    check "$t($nulls) WHERE $c1 = 'x' OR $c2 = 'y' runs" "$got" "integer"
  fi
done
echo "table_args: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
