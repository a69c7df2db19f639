#!/bin/sh
# libsql.sh: paperext in libSQL, Turso's fork of SQLite, through the npm
# package `libsql` (better-sqlite3's API over an embedded libSQL; installed
# once from npm into build/libsql/, which git ignores).  The extension is
# loaded with loadExtension(), sql/schema.sql created, the demo list and
# .bib imported with the text bound as a parameter (the statements of
# tests/clients/lib/reference.sh), and every question of
# tests/clients/lib/questions.tsv answered as a local sqlite3 file answers it.
cd "$(dirname "$0")/../.." || exit 2
pass=0; fail=0
ok(){ pass=$((pass+1)); }
bad(){ fail=$((fail+1)); echo "FAIL libsql: $*"; }
finish(){ echo "libsql: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }
mod=build/libsql/node_modules/libsql
if [ ! -f "$mod/package.json" ]; then
  echo "libsql: installing libsql@0.5 from npm into build/libsql (once)"
  mkdir -p build/libsql
  if ! npm install --prefix build/libsql --no-audit --no-fund --no-save libsql@0.5 >build/libsql/install.log 2>&1; then
    tail -5 build/libsql/install.log
    bad "npm install libsql@0.5"; finish
  fi
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/clients/lib/reference.sh
local_reference

IMPORT_SQL=$(import_sql) QUESTIONS=$QUESTIONS OUT=$tmp/libsql \
NODE_PATH=$PWD/build/libsql/node_modules node - >"$tmp/node.out" 2>&1 <<'JS'
const Database = require('libsql');
const fs = require('fs');
const env = process.env;
const db = new Database(':memory:');
db.loadExtension('./paperext.so');
const one = sql => db.prepare(sql).raw(true).get()[0];
// vector32() is libSQL's own (its vector search): this is libSQL, not SQLite
console.log('engine: libSQL (SQLite ' + one('SELECT sqlite_version()') + ', vector ' +
            one("SELECT vector_extract(vector32('[1,2]'))") + '), paperext ' + one('SELECT paperext_version()'));
db.exec(fs.readFileSync('sql/schema.sql', 'utf8'));
// the import: (source, format, text), the file's text bound as a value
const imp = db.prepare(env.IMPORT_SQL);
imp.run('demo_list.txt', 'list', fs.readFileSync('tests/data/demo_list.txt', 'utf8'));
imp.run('demo.bib', 'bibtex', fs.readFileSync('tests/data/demo.bib', 'utf8'));
// each question's rows, as sqlite3's list mode prints them
fs.mkdirSync(env.OUT);
for (const line of fs.readFileSync(env.QUESTIONS, 'utf8').split('\n')) {
  if (!line) continue;
  const tab = line.indexOf('\t');
  let text;
  try {
    text = db.prepare(line.slice(tab + 1)).raw(true).all()
      .map(r => r.map(v => v === null ? '' : String(v)).join('|') + '\n').join('');
  } catch (e) { text = 'Error: ' + e.message + '\n'; }
  fs.writeFileSync(env.OUT + '/' + line.slice(0, tab), text);
}
JS
if [ $? -eq 0 ]; then ok; sed 's/^/   /' "$tmp/node.out"
else bad "the Node program failed:"; cat "$tmp/node.out"; finish; fi
grep -q '^engine: libSQL (SQLite 3\.[0-9.]*, vector \[1,2\]), paperext [0-9]' "$tmp/node.out" && ok \
  || bad "not libSQL with paperext: $(head -1 "$tmp/node.out")"
same_answers "$tmp/libsql" "libSQL"
finish
