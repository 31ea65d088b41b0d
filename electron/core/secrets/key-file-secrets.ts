import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Secrets } from '../ports';

/**
 * Keeps the database key in a file readable only by its owner. This is the
 * baseline for hosts that have no OS keychain; a host with one wraps the key
 * instead.
 */
export function createKeyFileSecrets(directory: string): Secrets {
  const file = join(directory, 'cache.key');
  return {
    async readDatabaseKey() {
      try {
        return (await readFile(file, 'utf8')).trim();
      } catch (error) {
        if (isMissingFile(error)) return null;
        throw error;
      }
    },
    async writeDatabaseKey(key) {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
      await chmod(file, 0o600);
    },
  };
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
