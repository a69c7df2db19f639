// use_npm.mjs: the npm package imported as an ES module (see use_npm.cjs).
import Database from 'better-sqlite3';
import * as paperext from 'paperext';
import { createRequire } from 'node:module';

const cjs = createRequire(import.meta.url)('paperext');
let passed = 0, failed = 0;
function check(what, got, want) {
  if (JSON.stringify(got) === JSON.stringify(want)) passed++;
  else { failed++; console.log(`FAIL npm esm: ${what}\n  want: ${JSON.stringify(want)}\n  got:  ${JSON.stringify(got)}`); }
}
check('exports', Object.keys(paperext).sort(), ['getLoadablePath', 'load']);
check('same path as require()', paperext.getLoadablePath(), cjs.getLoadablePath());
const db = new Database(':memory:');
paperext.load(db);
check('query', db.prepare("SELECT venue_norm('nips2020') AS v, tags_parse('#self-supervised 【conference】') AS t").get(),
      { v: 'NeurIPS', t: '["self-supervised","conference"]' });
console.log(`npm esm: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
