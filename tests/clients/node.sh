#!/bin/sh
# node.sh: paperext from Node.js with better-sqlite3 12 (from npm, installed
# once into build/node/: tests/clients/lib/better_sqlite3.sh): load, import
# a list, query.
cd "$(dirname "$0")/../.." || exit 2
. tests/clients/lib/better_sqlite3.sh
need_better_sqlite3 node || exit 1
NODE_PATH=$PWD/build/node/node_modules exec node - <<'JS'
const Database = require('better-sqlite3');
const fs = require('fs');
let passed = 0, failed = 0;
function check(what, got, want) {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g === w) passed++;
  else { failed++; console.log(`FAIL node: ${what}\n  want: ${w}\n  got:  ${g}`); }
}
const db = new Database(':memory:');
db.loadExtension('./paperext.so');
check('version', db.prepare('SELECT paperext_version() AS v').get().v, '0.1.0');

// import a Markdown list, the text bound as a parameter
const text = fs.readFileSync('tests/data/rl_cvpr2021.md', 'utf8');
db.prepare('CREATE TABLE papers AS SELECT * FROM readinglist_entries(?)').run(text);
check('to read', db.prepare("SELECT title FROM papers WHERE status = 'to-read' ORDER BY position").pluck().all(),
      ['Dense Contrastive Learning for Self-Supervised Visual Pre-Training',
       'Spatiotemporal Contrastive Video Representation Learning']);
check('venues', db.prepare('SELECT venue, count(*) AS n FROM papers WHERE position > 0 GROUP BY venue ORDER BY venue').all(),
      [{ venue: 'CVPR 2021', n: 5 }, { venue: 'ICCV 2021', n: 1 }]);
check('tags', JSON.parse(db.prepare('SELECT tags FROM papers WHERE position = 1').pluck().get()),
      ['self-supervised', 'contrastive']);
check('url and arXiv', db.prepare('SELECT url, arxiv FROM papers WHERE position = 5').get(),
      { url: 'https://arxiv.org/abs/2012.09841', arxiv: '2012.09841' });
check('headings', db.prepare("SELECT count(*) FROM readinglist_diagnostics(?) WHERE kind = 'heading'").pluck().get(text), 4);
// a Buffer is a blob: read as UTF-8 text
check('buffer', db.prepare('SELECT count(*) FROM readinglist_entries(?)').pluck().get(Buffer.from('A Paper Title Here\n\u8a18')), 1);
check('line kind', db.prepare('SELECT readinglist_line_kind(?)').pluck().get('e^{x}'), 'formula');
let msg = '';
try { db.prepare('SELECT * FROM readinglist_entries').all(); } catch (e) { msg = e.message; }
check('missing argument', msg, 'readinglist_entries: missing argument text');
console.log(`node: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
JS
