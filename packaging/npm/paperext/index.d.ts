/** The absolute path of the prebuilt loadable library (paperext.so on Linux). */
export declare function getLoadablePath(): string;

/** What load() needs: better-sqlite3's Database, node:sqlite's DatabaseSync. */
interface Db {
  loadExtension(file: string, entryPoint?: string): unknown;
}

/**
 * Load paperext into a connection: better-sqlite3, or node:sqlite (Node
 * 22.13+ / 23.5+) opened with `{ allowExtension: true }`.
 */
export declare function load(db: Db): void;
