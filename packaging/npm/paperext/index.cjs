// paperext for Node.js: where the prebuilt SQLite extension is, and a loader.
//
//   const Database = require('better-sqlite3');
//   const paperext = require('paperext');
//   const db = new Database('papers.db');
//   paperext.load(db);                       // or db.loadExtension(paperext.getLoadablePath())
//
//   const { DatabaseSync } = require('node:sqlite');        // Node 22.13+ / 23.5+
//   const db2 = new DatabaseSync('papers.db', { allowExtension: true });
//   paperext.load(db2);
//
// The library itself comes in a package per platform, paperext-<os>-<cpu>
// (the optionalDependencies of this package; npm installs the one matching
// the machine), as sqlite-dist packages do (sqlite-vec, sqlite-regex).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { platform, arch } = require('node:process');
const { name, optionalDependencies } = require('./package.json');

const supported = Object.keys(optionalDependencies || {});

function platformPackage() {
  const os = platform === 'win32' ? 'windows' : platform;
  return `${name}-${os}-${arch}`;
}

function libraryFile() {
  if (platform === 'win32') return 'paperext.dll';
  if (platform === 'darwin') return 'paperext.dylib';
  return 'paperext.so';
}

/** The absolute path of the loadable library (paperext.so on Linux). */
function getLoadablePath() {
  const pkg = platformPackage();
  if (!supported.includes(pkg)) {
    throw new Error(`${name}: no prebuilt library for ${platform}-${arch}; ` +
      `this release has: ${supported.join(', ')} (or build it: make, then load ./paperext.so)`);
  }
  let dir;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch (e) {
    throw new Error(`${name}: the package ${pkg} is not installed ` +
      `(it is an optional dependency: was npm run with --omit=optional or --no-optional?)`);
  }
  const file = path.join(dir, libraryFile());
  if (!fs.existsSync(file)) throw new Error(`${name}: ${file} is missing from ${pkg}`);
  return file;
}

/** Load paperext into a better-sqlite3 Database or a node:sqlite DatabaseSync. */
function load(db) {
  if (!db || typeof db.loadExtension !== 'function') {
    throw new TypeError(`${name}.load(db): db has no loadExtension() ` +
      '(better-sqlite3, or node:sqlite from Node 22.13 / 23.5 opened with { allowExtension: true })');
  }
  const file = getLoadablePath();
  try {
    db.loadExtension(file);
  } catch (e) {
    if (db.constructor && db.constructor.name === 'DatabaseSync') {
      e.message += ` (${name}: open node:sqlite databases with new DatabaseSync(file, { allowExtension: true }))`;
    }
    throw e;
  }
}

module.exports = { getLoadablePath, load };
