import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Secrets } from '../ports';
import { UserFacingError } from '../user-facing-error';

/**
 * Returns the key for the cache file. A new key is made only for a cache that
 * does not exist yet: a cache whose key is gone is reported, never replaced.
 */
export async function databaseKeyFor(file: string, secrets: Secrets): Promise<string> {
  const stored = await secrets.readDatabaseKey();
  if (stored !== null) return stored;
  if (existsSync(file)) {
    throw new UserFacingError(
      `The offline cache ${file} exists but its key is missing. Restore the key that belongs to this cache, ` +
        'or start Outpost with another data folder. Outpost will not create a new cache over the old one.',
    );
  }
  const key = randomBytes(32).toString('hex');
  await secrets.writeDatabaseKey(key);
  return key;
}
