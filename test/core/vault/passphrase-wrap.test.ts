import { describe, expect, it } from 'vitest';
import { newCacheKeys } from '../../../electron/core/vault/cache-keys';
import { DEFAULT_PASSPHRASE_COST, PassphraseSlotSchema, unwrapWithPassphrase, wrapWithPassphrase } from '../../../electron/core/vault/passphrase-wrap';

const PASSPHRASE = 'correct horse battery staple';
const TEST_COST = 2 ** 10;

describe('Given cache keys wrapped with a passphrase', () => {
  it('When unwrapped with the same passphrase, Then the same keys come back', async () => {
    const keys = newCacheKeys();
    const slot = await wrapWithPassphrase(keys, PASSPHRASE, TEST_COST);
    expect(PassphraseSlotSchema.parse(slot)).toEqual(slot);
    expect(await unwrapWithPassphrase(slot, PASSPHRASE)).toEqual(keys);
  });

  it('When the passphrase is typed in another Unicode normal form, Then it still opens', async () => {
    const keys = newCacheKeys();
    const slot = await wrapWithPassphrase(keys, 'caf\u00e9 au lait, s’il vous plaît', TEST_COST);
    expect(await unwrapWithPassphrase(slot, 'cafe\u0301 au lait, s’il vous plaît')).toEqual(keys);
  });

  it('When unwrapped with another passphrase, Then nothing comes back', async () => {
    const slot = await wrapWithPassphrase(newCacheKeys(), PASSPHRASE, TEST_COST);
    expect(await unwrapWithPassphrase(slot, 'Correct horse battery staple')).toBeNull();
  });

  it.each(['salt', 'nonce', 'sealed'] as const)('When one bit of the %s is changed, Then nothing comes back', async (field) => {
    const slot = await wrapWithPassphrase(newCacheKeys(), PASSPHRASE, TEST_COST);
    const bytes = Buffer.from(slot[field], 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    expect(await unwrapWithPassphrase({ ...slot, [field]: bytes.toString('base64') }, PASSPHRASE)).toBeNull();
  });

  it('When the same keys are wrapped twice, Then salt, nonce and ciphertext all differ', async () => {
    const keys = newCacheKeys();
    const [a, b] = [await wrapWithPassphrase(keys, PASSPHRASE, TEST_COST), await wrapWithPassphrase(keys, PASSPHRASE, TEST_COST)];
    expect(a.salt).not.toBe(b.salt);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.sealed).not.toBe(b.sealed);
  });

  it('When a slot names a cost outside 2^10 to 2^18 or not a power of two, Then the keyring refuses to read it', async () => {
    const slot = await wrapWithPassphrase(newCacheKeys(), PASSPHRASE, TEST_COST);
    for (const cost of [2 ** 9, 2 ** 19, 3000]) expect(PassphraseSlotSchema.safeParse({ ...slot, cost }).success).toBe(false);
  });

  it('When nothing says otherwise, Then new wrappings cost 2^17', () => {
    expect(DEFAULT_PASSPHRASE_COST).toBe(131_072);
  });
});
