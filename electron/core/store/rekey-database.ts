import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { HEX_256 } from '../vault/cache-keys';
import { applyKey, isNotADatabase, proveKey } from './open-database';

interface CacheFile {
  readonly file: string;
  /** Path to a build of the SQLite addon for another ABI (Electron's), when not Node's own. */
  readonly nativeBinding?: string | undefined;
}

/**
 * Which of the keys opens the cache, or null when none does. After a re-encryption that stopped
 * part-way, the file is under the old key or the new one, and this says which.
 */
export function findOpeningKey(cache: CacheFile, keys: readonly string[]): string | null {
  for (const key of keys) {
    const db = new BetterSqlite3(cache.file, { nativeBinding: cache.nativeBinding, fileMustExist: true });
    try {
      applyKey(db, key);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return key;
    } catch (error) {
      if (!isNotADatabase(error)) throw error;
    } finally {
      db.close();
    }
  }
  return null;
}

/**
 * Encrypts every page of the cache again under nextKey. The caller has closed every other
 * connection. SQLite3 Multiple Ciphers rekeys only outside WAL mode, so the WAL is checkpointed
 * into the file first and WAL mode restored after; the rollback journal keeps the step atomic.
 */
export function rekeyDatabase(cache: CacheFile & { readonly key: string; readonly nextKey: string }): void {
  const db: Database = new BetterSqlite3(cache.file, { nativeBinding: cache.nativeBinding, fileMustExist: true });
  try {
    applyKey(db, cache.key);
    proveKey(db, cache.file, true);
    db.pragma('journal_mode = DELETE');
    db.pragma(`hexrekey = '${checkedHex(cache.nextKey)}'`);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

function checkedHex(key: string): string {
  if (!HEX_256.test(key)) throw new Error('A new cache key must be 64 hex digits.');
  return key;
}
