import { mkdirSync } from 'node:fs';
import type { Secrets } from '../../electron/core/ports';
import { createSealedSecrets } from '../../electron/core/secrets/sealed-secrets';
import { newCacheKeys, type CacheKeys } from '../../electron/core/vault/cache-keys';
import { readKeyring, writeKeyring } from '../../electron/core/vault/keyring-file';
import { readLegacyKeys } from '../../electron/core/vault/legacy-key-files';
import { unwrapWithPassphrase, wrapWithPassphrase } from '../../electron/core/vault/passphrase-wrap';

/** The passphrase every test data folder is set up with; the web host processes get it from a file. */
export const TEST_PASSPHRASE = 'outpost test passphrase';
/** The lowest cost the keyring accepts: tests check behaviour, not the work factor. */
export const TEST_PASSPHRASE_COST = 2 ** 10;

/**
 * The keys of a test data folder, through a real keyring: read with the test passphrase when the
 * folder has one, made (or taken from old plain key files) and wrapped when it has not. A web host started on the folder with the
 * test passphrase opens the same cache.
 */
export async function testCacheKeys(dataDir: string): Promise<CacheKeys> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keyring = await readKeyring(dataDir);
  if (keyring !== null) {
    const keys = await unwrapWithPassphrase(keyring.current.passphrase, TEST_PASSPHRASE);
    if (keys === null) throw new Error(`The keyring in ${dataDir} was not made with the test passphrase.`);
    return keys;
  }
  // A folder an older Outpost made, such as a kept benchmark cache, keeps its keys.
  const keys = (await readLegacyKeys(dataDir)) ?? newCacheKeys();
  const wrapped = { passphrase: await wrapWithPassphrase(keys, TEST_PASSPHRASE, TEST_PASSPHRASE_COST), keychain: null };
  await writeKeyring(dataDir, { format: 'outpost-keyring', version: 1, current: wrapped, next: null });
  return keys;
}

/** Secrets for a core opened directly on a test data folder, kept across restarts by its keyring. */
export async function testKeyringSecrets(dataDir: string): Promise<Secrets> {
  return createSealedSecrets(await testCacheKeys(dataDir));
}
