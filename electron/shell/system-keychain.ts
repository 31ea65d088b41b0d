import type { HostKeychain } from '../core';

/** The part of Electron's safeStorage Outpost uses, so the choice below is testable as data. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which secret store Chromium chose. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Electron's safeStorage as the session's keychain. On Linux the backend is whatever Chromium
 * found at start; "basic_text" means none was found and the data would be "encrypted" with a key
 * fixed in Chromium's source, so it is refused and the passphrase stands alone.
 */
export function keychainFromSafeStorage(safeStorage: SafeStorageLike, platform: NodeJS.Platform): HostKeychain {
  const backend = backendName(safeStorage, platform);
  return {
    backend,
    refusal: refusalFor(safeStorage, backend),
    // safeStorage takes strings; base64 carries the bytes through unchanged.
    encrypt: (plaintext) => safeStorage.encryptString(plaintext.toString('base64')),
    decrypt: (ciphertext) => Buffer.from(safeStorage.decryptString(ciphertext), 'base64'),
  };
}

function backendName(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macos_keychain';
  if (platform === 'win32') return 'windows_dpapi';
  return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
}

function refusalFor(safeStorage: SafeStorageLike, backend: string): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'This desktop offers no system keychain to Outpost, so the passphrase alone protects its keys and is asked for at every start.';
  }
  if (backend === 'basic_text' || backend === 'unknown') {
    return (
      'This desktop has no secret service (such as GNOME Keyring or KWallet) running, and Electron’s fallback protects nothing, ' +
      'so the passphrase alone protects Outpost’s keys and is asked for at every start.'
    );
  }
  return null;
}
