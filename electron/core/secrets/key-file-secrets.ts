import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Secrets } from '../ports';
import { UserFacingError } from '../user-facing-error';

const SEALED_PREFIX = 'v1:';

/**
 * Keeps the database key, and a separate key that seals other secrets with
 * AES-256-GCM, in files readable only by their owner. This is the baseline for
 * hosts that have no OS keychain; a host with one wraps the keys instead.
 */
export function createKeyFileSecrets(directory: string): Secrets {
  const databaseKeyFile = join(directory, 'cache.key');
  const sealingKeyFile = join(directory, 'secrets.key');
  let sealingKey: Promise<Buffer> | null = null;

  const loadSealingKey = (): Promise<Buffer> => {
    sealingKey ??= (async () => {
      const stored = await readKeyFile(sealingKeyFile);
      if (stored !== null) return Buffer.from(stored, 'hex');
      const key = randomBytes(32);
      await writeKeyFile(directory, sealingKeyFile, key.toString('hex'));
      return key;
    })();
    return sealingKey;
  };

  return {
    readDatabaseKey: () => readKeyFile(databaseKeyFile),
    writeDatabaseKey: (key) => writeKeyFile(directory, databaseKeyFile, key),
    async seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', await loadSealingKey(), iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async unseal(sealed) {
      const bytes = sealed.startsWith(SEALED_PREFIX) ? Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64') : null;
      if (bytes === null || bytes.length < 28) throw new UserFacingError('A stored secret is damaged. Enter the password or key again.');
      const decipher = createDecipheriv('aes-256-gcm', await loadSealingKey(), bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new UserFacingError('A stored secret cannot be unsealed with this machine’s key. Enter the password or key again.');
      }
    },
  };
}

async function readKeyFile(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

async function writeKeyFile(directory: string, file: string, key: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
}
