import { randomBytes } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserFacingError } from '../user-facing-error';
import { HEX_256, type CacheKeys } from './cache-keys';

/** Where versions before the keyring kept the keys: plain hex, protected only by file mode 0600. */
const LEGACY_FILES = { databaseKey: 'cache.key', sealingKey: 'secrets.key' } as const;

/**
 * The keys an older Outpost left in plain files, to be wrapped by the passphrase; null when there
 * are none. A cache key without a sealing key means nothing was sealed yet, so a new one serves.
 */
export async function readLegacyKeys(dataDir: string): Promise<CacheKeys | null> {
  const databaseKey = await readHexFile(join(dataDir, LEGACY_FILES.databaseKey));
  if (databaseKey === null) return null;
  const sealingKey = (await readHexFile(join(dataDir, LEGACY_FILES.sealingKey))) ?? randomBytes(32).toString('hex');
  return { databaseKey, sealingKey };
}

/** Overwrites the plain key files before removing them, so the keys do not linger in their blocks. */
export async function destroyLegacyKeyFiles(dataDir: string): Promise<void> {
  for (const name of Object.values(LEGACY_FILES)) {
    const file = join(dataDir, name);
    const size = await stat(file).then(
      (info) => info.size,
      () => null,
    );
    if (size === null) continue;
    const handle = await open(file, 'r+');
    try {
      await handle.write(randomBytes(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rm(file);
  }
}

async function readHexFile(file: string): Promise<string | null> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
  if (!HEX_256.test(text)) {
    throw new UserFacingError(`The old key file ${file} does not hold a 256-bit hex key. Restore it from your backup before starting Outpost.`);
  }
  return text;
}
