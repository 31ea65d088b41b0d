import { existsSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { UserFacingError } from '../user-facing-error';
import { HEX_256 } from '../vault/cache-keys';
import { migrate } from './migrate';
import { migrations } from './migrations';

export interface OpenDatabaseOptions {
  readonly file: string;
  /** 256-bit key as 64 hex digits. */
  readonly key: string;
  /** Path to a build of the SQLite addon for another ABI (Electron's), when not Node's own. */
  readonly nativeBinding?: string | undefined;
}


/**
 * Opens the encrypted cache: key first, then a read that proves the key, then
 * WAL, an integrity check and the migrations. Any failure closes the handle so
 * no half-open database lingers. This is the main thread's connection, which
 * makes the analyst's few writes, so it syncs every commit (see applyConnectionSettings).
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  const existed = existsSync(options.file);
  const db = new BetterSqlite3(options.file, { nativeBinding: options.nativeBinding });
  try {
    applyKey(db, options.key);
    proveKey(db, options.file, existed);
    // Large pages: fewer, bigger encrypted writes; measured several times faster for ingest.
    if (!existed) db.pragma('page_size = 16384');
    // Set before the first table, as SQLite requires: compaction can then hand freed pages back
    // to the disk a step at a time, with progress, instead of one VACUUM that locks out ingest.
    if (!existed) db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    applyConnectionSettings(db, 'FULL');
    checkIntegrity(db, options.file);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A second connection to a cache that openDatabase has already checked and
 * migrated, for the ingest thread: same key, same settings, no repeat checks.
 */
export function openWriterConnection(options: OpenDatabaseOptions): Database {
  const db = new BetterSqlite3(options.file, { nativeBinding: options.nativeBinding, fileMustExist: true });
  try {
    applyKey(db, options.key);
    proveKey(db, options.file, true);
    applyConnectionSettings(db, 'NORMAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * In WAL mode NORMAL loses no committed transaction on a crash, only on power loss; ingest can
 * afford that because Kafka keeps the records until Outpost's own offsets move past them. What
 * the analyst writes (an outbound message above all) exists nowhere else, so the main
 * connection uses FULL: once a commit returns, it is on disk. Its commits are few (the analyst's
 * edits and retention's batched deletes), so the extra sync per commit goes unnoticed.
 */
type SynchronousMode = 'NORMAL' | 'FULL';

function applyConnectionSettings(db: Database, synchronous: SynchronousMode): void {
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Encrypted pages cost more to write than plain ones: a larger cache and rarer checkpoints
  // let hot index pages absorb many changes before they are encrypted and written back.
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 4096');
}

/** Keys a fresh connection; the key is checked to be hex first, so it cannot break out of the pragma. */
export function applyKey(db: Database, key: string): void {
  if (!HEX_256.test(key)) throw new UserFacingError('The cache key Outpost holds is not a 256-bit hex key. Restore the original key file.');
  // ChaCha20-Poly1305 authenticates every page, so tampering reads as an error, not as data.
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`hexkey = '${key}'`);
}

export function proveKey(db: Database, file: string, existed: boolean): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if (existed && isNotADatabase(error)) {
      throw new UserFacingError(
        `The offline cache ${file} cannot be opened with the key Outpost holds: the key is wrong, or the file is not an Outpost cache or is damaged. ` +
          'Restore the key that belongs to this cache, or start Outpost with another data folder.',
      );
    }
    throw error;
  }
}

function checkIntegrity(db: Database, file: string): void {
  const verdict = db.pragma('integrity_check', { simple: true });
  if (verdict !== 'ok') {
    throw new UserFacingError(
      `The offline cache ${file} failed its integrity check (${String(verdict)}). ` +
        'Keep the file for recovery and start Outpost with another data folder.',
    );
  }
}

export function isNotADatabase(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB';
}
