import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { testCacheKeys } from './test-keyring';

/** Opens a data folder's cache read-only with the key its keyring holds under the test passphrase. */
export async function openCacheForInspection(dataDir: string): Promise<Database> {
  const { databaseKey } = await testCacheKeys(dataDir);
  const db = new BetterSqlite3(join(dataDir, 'cache.db'), { readonly: true });
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`hexkey = '${databaseKey}'`);
  return db;
}
