import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secrets } from '../ports';
import { UserFacingError } from '../user-facing-error';
import type { CacheKeys } from '../vault/cache-keys';

const SEALED_PREFIX = 'v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Secrets for a cache whose keys the session has unwrapped: the database key, and AES-256-GCM
 * sealing under the second key for the passwords and private keys stored inside the cache.
 */
export function createSealedSecrets(keys: CacheKeys): Secrets {
  const sealingKey = Buffer.from(keys.sealingKey, 'hex');
  return {
    readDatabaseKey: async () => keys.databaseKey,
    writeDatabaseKey: async () => {
      throw new Error('The session chooses the cache key; the core never writes one.');
    },
    async seal(plaintext) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealingKey, nonce);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return SEALED_PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
    },
    async unseal(sealed) {
      const bytes = sealed.startsWith(SEALED_PREFIX) ? Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64') : null;
      if (bytes === null || bytes.length < NONCE_BYTES + TAG_BYTES) throw new UserFacingError('A stored secret is damaged. Enter the password or key again.');
      const decipher = createDecipheriv('aes-256-gcm', sealingKey, bytes.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new UserFacingError('A stored secret cannot be unsealed with this cache’s key. Enter the password or key again.');
      }
    },
  };
}
