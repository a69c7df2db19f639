// use_npm.cjs: the npm package as a user has it after `npm install paperext`
// (tests/clients/packages.sh copies this file into the fresh folder where it
// installed the two .tgz files, and runs it there with the repository root
// as argv[2]).
const fs = require('fs');
const path = require('path');
const paperext = require('paperext');
const Database = require('better-sqlite3');
const root = process.argv[2];
let passed = 0, failed = 0;
function check(what, got, want) {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g === w) passed++;
  else { failed++; console.log(`FAIL npm: ${what}\n  want: ${w}\n  got:  ${g}`); }
}
function message(f) { try { f(); } catch (e) { return e.message; } return 'no error'; }

const file = paperext.getLoadablePath();
check('library from the platform package', path.relative(__dirname, file), `node_modules/paperext-linux-${process.arch}/paperext.so`);
check('better-sqlite3 12', require('better-sqlite3/package.json').version.split('.')[0], '12');

const db = new Database(path.join(__dirname, 'papers.db'));
paperext.load(db);
check('version', db.prepare('SELECT paperext_version()').pluck().get(), require('paperext/package.json').version);

// import a Markdown reading list into a table, then ask it questions
const text = fs.readFileSync(path.join(root, 'tests/data/rl_cvpr2021.md'), 'utf8');
db.prepare('CREATE TABLE papers AS SELECT * FROM readinglist_entries(?)').run(text);
check('venues', db.prepare(`SELECT venue_norm(venue) AS venue, venue_year(venue) AS year, count(*) AS n
                            FROM papers WHERE position > 0 GROUP BY 1, 2 ORDER BY 1`).all(),
      [{ venue: 'CVPR', year: 2021, n: 5 }, { venue: 'ICCV', year: 2021, n: 1 }]);
check('to read, tagged video', db.prepare(`SELECT title FROM papers, json_each(papers.tags)
                                           WHERE status = 'to-read' AND json_each.value = 'video'`).pluck().all(),
      ['Dense Contrastive Learning for Self-Supervised Visual Pre-Training',
       'Spatiotemporal Contrastive Video Representation Learning']);
db.close();
// the database file is plain SQLite: read back without the extension
const plain = new Database(path.join(__dirname, 'papers.db'), { readonly: true });
check('plain read', plain.prepare('SELECT count(*) FROM papers WHERE position > 0').pluck().get(), 6);
plain.close();

// load() on what cannot load extensions, and node:sqlite's missing allowExtension
check('no loadExtension', message(() => paperext.load({})).startsWith('paperext.load(db): db has no loadExtension()'), true);
class DatabaseSync { loadExtension() { throw new Error('extension loading is not allowed'); } }
check('node:sqlite hint', message(() => paperext.load(new DatabaseSync())),
      'extension loading is not allowed (paperext: open node:sqlite databases with new DatabaseSync(file, { allowExtension: true }))');

let sqlite = null;
try { sqlite = require('node:sqlite'); } catch (e) { /* Node < 22.5 */ }
if (sqlite && typeof sqlite.DatabaseSync.prototype.loadExtension === 'function') {
  const ndb = new sqlite.DatabaseSync(':memory:', { allowExtension: true });
  paperext.load(ndb);
  check('node:sqlite', ndb.prepare('SELECT count(*) AS n FROM readinglist_entries(?) WHERE position > 0').get(text).n, 6);
} else {
  console.log(`npm: node:sqlite with loadExtension() is not in Node ${process.version} (22.13+ / 23.5+): only the stub above ran`);
}
console.log(`npm: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
