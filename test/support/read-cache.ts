import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';

/** Opens a data folder's cache read-only with the key the key-file host left beside it. */
export function openCacheForInspection(dataDir: string): Database {
  const key = readFileSync(join(dataDir, 'cache.key'), 'utf8').trim();
  const db = new BetterSqlite3(join(dataDir, 'cache.db'), { readonly: true });
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`hexkey = '${key}'`);
  return db;
}
