import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { Base64Schema, decodeCacheKeys, encodeCacheKeys, type CacheKeys } from './cache-keys';

/**
 * scrypt's cost for new wrappings: 2^17 with r = 8 and p = 1, the minimum OWASP's Password Storage
 * Cheat Sheet recommends, takes 128 MiB and under a second. A stolen key file must be attacked at
 * that price per guess.
 */
export const DEFAULT_PASSPHRASE_COST = 2 ** 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its purpose, so it cannot be passed off as another slot's. */
const ASSOCIATED_DATA = Buffer.from('outpost-keyring/passphrase/v1');


export const PassphraseSlotSchema = z
  .object({
    kdf: z.literal('scrypt'),
    // Bounded both ways: below, a file edited to cheapen guessing; above, one that would exhaust memory.
    cost: z.number().int().refine((n) => n >= 2 ** 10 && n <= 2 ** 18 && (n & (n - 1)) === 0, 'a power of two from 2^10 to 2^18'),
    blockSize: z.literal(BLOCK_SIZE),
    parallelism: z.literal(PARALLELISM),
    salt: Base64Schema,
    nonce: Base64Schema,
    sealed: Base64Schema,
  })
  .strict();
export type PassphraseSlot = z.output<typeof PassphraseSlotSchema>;

export async function wrapWithPassphrase(keys: CacheKeys, passphrase: string, cost = DEFAULT_PASSPHRASE_COST): Promise<PassphraseSlot> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const kek = await deriveKey(passphrase, salt, cost);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(ASSOCIATED_DATA);
  const body = Buffer.concat([cipher.update(encodeCacheKeys(keys)), cipher.final(), cipher.getAuthTag()]);
  return {
    kdf: 'scrypt',
    cost,
    blockSize: BLOCK_SIZE,
    parallelism: PARALLELISM,
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    sealed: body.toString('base64'),
  };
}

/**
 * The keys, or null when the passphrase does not open the slot. A wrong passphrase and an edited
 * slot look the same to AES-GCM; both are refused before anything is decrypted.
 */
export async function unwrapWithPassphrase(slot: PassphraseSlot, passphrase: string): Promise<CacheKeys | null> {
  const body = Buffer.from(slot.sealed, 'base64');
  const nonce = Buffer.from(slot.nonce, 'base64');
  if (body.length <= TAG_BYTES || nonce.length !== NONCE_BYTES) return null;
  const kek = await deriveKey(passphrase, Buffer.from(slot.salt, 'base64'), slot.cost);
  const decipher = createDecipheriv('aes-256-gcm', kek, nonce);
  decipher.setAAD(ASSOCIATED_DATA);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return decodeCacheKeys(Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]));
  } catch {
    return null;
  }
}

function deriveKey(passphrase: string, salt: Buffer, cost: number): Promise<Buffer> {
  const options: ScryptOptions = { N: cost, r: BLOCK_SIZE, p: PARALLELISM, maxmem: 256 * 1024 * 1024 + 1024 * 1024 };
  // NFC first, so the same passphrase typed on another keyboard layout or OS derives the same key.
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error === null ? resolve(key) : reject(error))),
  );
}
