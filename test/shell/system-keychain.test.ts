import { describe, expect, it } from 'vitest';
import { keychainFromSafeStorage, type SafeStorageLike } from '../../electron/shell/system-keychain';

function aSafeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text) => Buffer.from(`wrapped:${text}`),
    decryptString: (bytes) => bytes.toString().replace(/^wrapped:/, ''),
    ...overrides,
  };
}

describe('Given Electron’s safeStorage as the session’s keychain', () => {
  it('When Linux has a secret service, Then its backend is named and accepted, and bytes survive the round trip', () => {
    const keychain = keychainFromSafeStorage(aSafeStorage(), 'linux');
    expect(keychain).toMatchObject({ backend: 'gnome_libsecret', refusal: null });
    const bytes = Buffer.from([0, 255, 7, 128]);
    expect(keychain.decrypt(keychain.encrypt(bytes))).toEqual(bytes);
  });

  it.each(['basic_text', 'unknown'])('When Linux reports %s, Then the keychain is refused with a sentence naming what is missing', (backend) => {
    const keychain = keychainFromSafeStorage(aSafeStorage({ getSelectedStorageBackend: () => backend }), 'linux');
    expect(keychain.refusal).toMatch(/no secret service \(such as GNOME Keyring or KWallet\) running.*passphrase alone protects Outpost’s keys/);
  });

  it('When encryption is unavailable, Then the keychain is refused', () => {
    expect(keychainFromSafeStorage(aSafeStorage({ isEncryptionAvailable: () => false }), 'linux').refusal).toMatch(/offers no system keychain/);
  });

  it.each([
    ['darwin', 'macos_keychain'],
    ['win32', 'windows_dpapi'],
  ] as const)('When the platform is %s, Then the backend is recorded as %s', (platform, backend) => {
    expect(keychainFromSafeStorage(aSafeStorage({ getSelectedStorageBackend: undefined }), platform)).toMatchObject({ backend, refusal: null });
  });
});
