import { z } from 'zod';
import { Base64Schema, decodeCacheKeys, encodeCacheKeys, type CacheKeys } from './cache-keys';

/**
 * The operating system's keychain as a host offers it: in Electron, safeStorage (DPAPI, the macOS
 * Keychain, or a Linux secret service). The core never sees the keychain itself, only this.
 */
export interface HostKeychain {
  /** Which store holds the wrapping key, such as "gnome_libsecret", "kwallet5" or "keychain". */
  readonly backend: string;
  /**
   * Why this keychain may not hold the keys, or null when it may. Electron's Linux "basic_text"
   * backend wraps with a key written in Chromium's source, which protects nothing.
   */
  readonly refusal: string | null;
  encrypt(plaintext: Buffer): Buffer;
  decrypt(ciphertext: Buffer): Buffer;
}

export const KeychainSlotSchema = z
  .object({ backend: z.string().min(1).max(64), sealed: Base64Schema })
  .strict();
export type KeychainSlot = z.output<typeof KeychainSlotSchema>;

export function wrapWithKeychain(keys: CacheKeys, keychain: HostKeychain): KeychainSlot {
  return { backend: keychain.backend, sealed: keychain.encrypt(encodeCacheKeys(keys)).toString('base64') };
}

/** The keys, or null when this keychain cannot open the slot (reset, another user, or an edited file). */
export function unwrapWithKeychain(slot: KeychainSlot, keychain: HostKeychain): CacheKeys | null {
  try {
    return decodeCacheKeys(keychain.decrypt(Buffer.from(slot.sealed, 'base64')));
  } catch {
    return null;
  }
}
