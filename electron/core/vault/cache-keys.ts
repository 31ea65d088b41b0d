import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** A 256-bit key as SQLite3 Multiple Ciphers' `hexkey` takes it, and as every key file holds it. */
export const HEX_256 = /^[0-9a-f]{64}$/;
/** How wrapped bytes are written in the keyring. */
export const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * The two random 256-bit keys a cache needs: one encrypts the SQLite file, the other seals the
 * secrets stored inside it (passwords, private keys) a second time, so they never sit in a row as
 * plain text. Only wrapped copies of these ever reach the disk.
 */
export const CacheKeysSchema = z
  .object({ databaseKey: z.string().regex(HEX_256), sealingKey: z.string().regex(HEX_256) })
  .strict();
export type CacheKeys = z.output<typeof CacheKeysSchema>;

export function newCacheKeys(): CacheKeys {
  return { databaseKey: randomBytes(32).toString('hex'), sealingKey: randomBytes(32).toString('hex') };
}

export function newDatabaseKey(keys: CacheKeys): CacheKeys {
  return { ...keys, databaseKey: randomBytes(32).toString('hex') };
}

export function encodeCacheKeys(keys: CacheKeys): Buffer {
  return Buffer.from(JSON.stringify(keys), 'utf8');
}

/** Null when the bytes are not a pair of keys: what a damaged or foreign wrapping yields. */
export function decodeCacheKeys(bytes: Buffer): CacheKeys | null {
  try {
    const parsed = CacheKeysSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
