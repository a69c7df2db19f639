// paperext for Node.js, as an ES module: the same functions as index.cjs.
//   import Database from 'better-sqlite3';
//   import * as paperext from 'paperext';
//   paperext.load(new Database('papers.db'));
import paperext from './index.cjs';

export const { getLoadablePath, load } = paperext;
