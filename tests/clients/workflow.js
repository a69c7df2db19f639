// workflow.js: tests/clients/workflow.json run through Node's better-sqlite3 (12).
const fs = require('fs');
const Database = require('better-sqlite3');
const [ext, specPath] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const db = new Database(':memory:');
db.loadExtension(ext);
let passed = 0, failed = 0;
spec.steps.forEach((step, i) => {
  const what = step.what || step.sql || step.script;
  let got;
  try {
    if (step.script) {
      db.exec(fs.readFileSync(step.script, 'utf8'));
      got = null;
    } else {
      const params = (step.params || []).map(p => typeof p === 'object'
        ? (p.bytes ? fs.readFileSync(p.file) : fs.readFileSync(p.file, 'utf8')) : p);
      const st = db.prepare(step.sql);
      got = st.reader ? st.raw(true).all(...params) : (st.run(...params), []);
    }
  } catch (e) {
    got = { error: e.message };
  }
  const want = step.want;
  if (want === undefined && !(got && got.error)) return;
  if (JSON.stringify(got) === JSON.stringify(want)) passed++;
  else {
    failed++;
    console.log(`FAIL node step ${i} (${what})\n  want: ${JSON.stringify(want)}\n  got:  ${JSON.stringify(got)}`);
  }
});
console.log(`workflow node: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
