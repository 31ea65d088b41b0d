import { UserFacingError } from '../user-facing-error';
import type { CacheKeys } from './cache-keys';
import { keyringPath, readKeyring } from './keyring-file';
import { unwrapWithPassphrase } from './passphrase-wrap';

/**
 * The keys in use, for a tool that reads a cache beside Outpost (such as audit:verify). It only
 * reads: no lockout count and no re-encryption to settle, which is the running session's work.
 */
export async function readCacheKeys(dataDir: string, passphrase: string): Promise<CacheKeys> {
  const keyring = await readKeyring(dataDir);
  if (keyring === null) {
    throw new UserFacingError(`There is no key file ${keyringPath(dataDir)}, so the cache cannot be read. Restore the key file that belongs to this cache.`);
  }
  const keys = await unwrapWithPassphrase(keyring.current.passphrase, passphrase);
  if (keys === null) throw new UserFacingError(`The passphrase does not open the key file ${keyringPath(dataDir)}. Check it and try again.`);
  return keys;
}
