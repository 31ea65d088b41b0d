// `npm run audit:verify -- [--data-dir DIR] [--passphrase-file FILE]`: walks the audit log of the
// cache in a data folder (the web host's default when none is given) and says whether its hash
// chain is whole. The passphrase comes from the file, or is asked for, or read from a pipe. Exits 1
// when a row was edited, deleted or moved, 2 when the cache cannot be read at all.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { pathToFileURL } from 'node:url';
import { createAuditTrail, type AuditVerdict } from '../electron/core/audit/audit-trail';
import { CACHE_FILE_NAME } from '../electron/core/create-core';
import { createAuditTables } from '../electron/core/store/audit-tables';
import { audit } from '../electron/core/store/migrations/0010-audit';
import { UserFacingError } from '../electron/core/user-facing-error';
import { readPassphraseFile } from '../electron/core/vault/passphrase-file';
import { readCacheKeys } from '../electron/core/vault/read-cache-keys';
import { defaultDataDir } from '../electron/hosting/data-dir';

const AUDIT_SCHEMA_VERSION = audit.version;
const USAGE = 'Usage: npm run audit:verify -- [--data-dir DIR] [--passphrase-file FILE]';

export async function verifyAuditLog(dataDir: string, passphrase: () => Promise<string>): Promise<AuditVerdict> {
  const file = join(dataDir, CACHE_FILE_NAME);
  if (!existsSync(file)) throw new UserFacingError(`There is no Outpost cache in ${dataDir}. Pass the data folder Outpost runs with: ${USAGE}`);
  const { databaseKey } = await readCacheKeys(dataDir, await passphrase());
  const db = openReadOnly(file, databaseKey);
  try {
    return createAuditTrail(createAuditTables(db), { now: Date.now }).verify();
  } finally {
    db.close();
  }
}

/**
 * Read-only, unlike the core's openDatabase: a cache under suspicion is evidence, so the check
 * neither migrates it nor writes to it, and it skips the integrity check that would read every page.
 */
function openReadOnly(file: string, key: string): Database {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher = 'chacha20'`);
    db.pragma(`hexkey = '${key}'`);
    const version = readSchemaVersion(db, file);
    if (version < AUDIT_SCHEMA_VERSION) {
      throw new UserFacingError(`The cache ${file} was last opened by an Outpost without an audit log (schema ${version}); start Outpost once with it, then check again.`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readSchemaVersion(db: Database, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') {
      throw new UserFacingError(`The cache ${file} cannot be opened with the key file beside it: the key file belongs to another cache, or the file is not an Outpost cache. Restore the key file that belongs to this cache.`);
    }
    throw error;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' } },
    });
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const passphraseFile = values['passphrase-file'];
    const verdict = await verifyAuditLog(dataDir, () => (passphraseFile === undefined ? askForPassphrase() : readPassphraseFile(passphraseFile)));
    if (verdict.ok) {
      process.stdout.write(`The audit log in ${dataDir} is intact: ${verdict.count} events, each chained to the one before.\n`);
      return 0;
    }
    process.stderr.write(`The audit log in ${dataDir} has been tampered with. ${verdict.sentence} Keep this data folder as it is and report it to your security officer.\n`);
    return 1;
  } catch (error) {
    const sentence = error instanceof UserFacingError ? error.message : `The audit log could not be checked: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`;
    process.stderr.write(`${sentence}\n`);
    return 2;
  }
}

/** From the terminal without echo, or the first line of a pipe. */
async function askForPassphrase(): Promise<string> {
  const input = process.stdin;
  if (input.isTTY) {
    process.stderr.write('Passphrase: ');
    input.setRawMode(true);
  }
  let typed = '';
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return typed;
        if (char === '\u0003') throw new UserFacingError('Cancelled.');
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    }
    return typed;
  } finally {
    if (input.isTTY) {
      input.setRawMode(false);
      process.stderr.write('\n');
    }
    input.pause();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
