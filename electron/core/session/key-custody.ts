import type { KeyProtection } from '../../../shared/session';
import type { CacheKeys } from '../vault/cache-keys';
import { newDatabaseKey } from '../vault/cache-keys';
import { unwrapWithKeychain, wrapWithKeychain, type HostKeychain, type KeychainSlot } from '../vault/host-keychain';
import { readKeyring, writeKeyring, type Keyring, type WrappedKeys } from '../vault/keyring-file';
import { destroyLegacyKeyFiles, readLegacyKeys } from '../vault/legacy-key-files';
import { DEFAULT_PASSPHRASE_COST, unwrapWithPassphrase, wrapWithPassphrase } from '../vault/passphrase-wrap';

/** The keys a keyring yields: the ones in use, and the new ones if a re-encryption was under way. */
export interface UnwrappedKeys {
  readonly current: CacheKeys;
  readonly next: CacheKeys | null;
}

export type KeysAtStart =
  | { readonly kind: 'none'; readonly legacy: CacheKeys | null }
  | { readonly kind: 'opened'; readonly keys: UnwrappedKeys }
  | { readonly kind: 'passphrase-needed'; readonly notice: string | null };

/**
 * Everything done to the keyring file: creating it, opening it with the keychain or the
 * passphrase, wrapping the keys again, and the two steps of a re-encryption. The keys leave
 * here only in memory; the file only ever holds them wrapped.
 */
export interface KeyCustody {
  /** How the keys are held at rest, or null before the keyring exists. */
  protection(): KeyProtection | null;
  atStart(): Promise<KeysAtStart>;
  create(passphrase: string, keys: CacheKeys): Promise<void>;
  unwrap(passphrase: string): Promise<UnwrappedKeys | null>;
  /** Wraps the same keys again: under a new passphrase, for a changed keychain, or both. */
  rewrap(keys: CacheKeys, passphrase: string): Promise<void>;
  /** Records the new keys beside the current ones, before the cache is re-encrypted. */
  stageNext(keys: CacheKeys, passphrase: string): Promise<CacheKeys>;
  /** After a re-encryption, or one that stopped part-way: keep only the set the cache opens with. */
  settle(kept: 'current' | 'next'): Promise<void>;
  /** What the analyst should know about the keychain after a passphrase unlock, if anything. */
  keychainNotice(): string | null;
  removeLegacyKeyFiles(): Promise<void>;
}

export interface KeyCustodyOptions {
  readonly dataDir: string;
  readonly keychain: HostKeychain | null;
  /** scrypt's cost for new wrappings; only tests lower it. */
  readonly passphraseCost?: number;
}

export function createKeyCustody(options: KeyCustodyOptions): KeyCustody {
  const { dataDir, keychain } = options;
  const cost = options.passphraseCost ?? DEFAULT_PASSPHRASE_COST;
  let keyring: Keyring | null = null;
  let notice: string | null = null;

  const usableKeychain = (): HostKeychain | null => (keychain !== null && keychain.refusal === null ? keychain : null);

  const wrap = async (keys: CacheKeys, passphrase: string): Promise<WrappedKeys> => {
    const host = usableKeychain();
    return { passphrase: await wrapWithPassphrase(keys, passphrase, cost), keychain: host === null ? null : wrapWithKeychain(keys, host) };
  };

  const store = async (next: Keyring): Promise<void> => {
    await writeKeyring(dataDir, next);
    keyring = next;
  };

  const unwrapSlotWithKeychain = (slot: KeychainSlot | null, host: HostKeychain): CacheKeys | null =>
    slot === null || slot.backend !== host.backend ? null : unwrapWithKeychain(slot, host);

  return {
    protection: () => {
      if (keyring === null) return null;
      const host = usableKeychain();
      return host !== null && keyring.current.keychain?.backend === host.backend ? 'keychain' : 'passphrase';
    },

    async atStart() {
      keyring = await readKeyring(dataDir);
      if (keyring === null) {
        notice = keychain?.refusal ?? null;
        return { kind: 'none', legacy: await readLegacyKeys(dataDir) };
      }
      notice = explainKeychain(keyring, keychain);
      const host = usableKeychain();
      if (host === null || notice !== null) return { kind: 'passphrase-needed', notice };
      const current = unwrapSlotWithKeychain(keyring.current.keychain, host);
      if (current === null) {
        notice = `The system keychain (${host.backend}) could not unwrap Outpost’s keys: it may have been reset, or this is another user’s account. Enter the passphrase; Outpost will wrap the keys for this keychain again.`;
        return { kind: 'passphrase-needed', notice };
      }
      const next = keyring.next === null ? null : unwrapSlotWithKeychain(keyring.next.keychain, host);
      // A rotation left new keys the keychain cannot open: only the passphrase can tell which set fits the cache.
      if (keyring.next !== null && next === null) return { kind: 'passphrase-needed', notice: null };
      return { kind: 'opened', keys: { current, next } };
    },

    async create(passphrase, keys) {
      await store({ format: 'outpost-keyring', version: 1, current: await wrap(keys, passphrase), next: null });
    },

    async unwrap(passphrase) {
      if (keyring === null) return null;
      const current = await unwrapWithPassphrase(keyring.current.passphrase, passphrase);
      if (current === null) return null;
      const next = keyring.next === null ? null : await unwrapWithPassphrase(keyring.next.passphrase, passphrase);
      return { current, next };
    },

    async rewrap(keys, passphrase) {
      if (keyring === null) throw new Error('There is no keyring to wrap the keys again in.');
      await store({ ...keyring, current: await wrap(keys, passphrase) });
      notice = null;
    },

    async stageNext(keys, passphrase) {
      if (keyring === null) throw new Error('There is no keyring to stage new keys in.');
      const next = newDatabaseKey(keys);
      await store({ ...keyring, next: await wrap(next, passphrase) });
      return next;
    },

    async settle(kept) {
      if (keyring === null || keyring.next === null) return;
      await store({ ...keyring, current: kept === 'next' ? keyring.next : keyring.current, next: null });
    },

    keychainNotice: () => notice,
    removeLegacyKeyFiles: () => destroyLegacyKeyFiles(dataDir),
  };
}

/** Why the keychain cannot open the keyring this time, or null when it can try. */
function explainKeychain(keyring: Keyring, keychain: HostKeychain | null): string | null {
  const slot = keyring.current.keychain;
  if (keychain === null) return null;
  if (keychain.refusal !== null) {
    return slot === null ? keychain.refusal : `${keychain.refusal} Outpost’s keys were held by the ${slot.backend} keychain before; enter the passphrase instead.`;
  }
  if (slot === null) return `Outpost’s keys are not yet held by the system keychain (${keychain.backend}). Enter the passphrase; Outpost will wrap them for the keychain.`;
  if (slot.backend !== keychain.backend) {
    return (
      `The system keychain changed from ${slot.backend} to ${keychain.backend}, so it cannot open Outpost’s keys. ` +
      `Enter the passphrase; Outpost will then hold the keys in ${keychain.backend}.`
    );
  }
  return null;
}
