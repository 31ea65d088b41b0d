import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSealedSecrets } from '../../../electron/core/secrets/sealed-secrets';
import { databaseKeyFor } from '../../../electron/core/store/database-key';
import { makeTempDir } from '../../support/temp-dir';
import { memorySecrets } from '../../support/memory-secrets';
import { newCacheKeys } from '../../../electron/core/vault/cache-keys';

describe('Given the database key', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('When no cache and no key exist, Then a random 256-bit key is made and kept', async () => {
    const secrets = memorySecrets();
    const key = await databaseKeyFor(join(dir.path, 'cache.db'), secrets);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets.key()).toBe(key);
    expect(await databaseKeyFor(join(dir.path, 'cache.db'), secrets)).toBe(key);
  });

  it('When two caches are created, Then their keys differ', async () => {
    const first = await databaseKeyFor(join(dir.path, 'a.db'), memorySecrets());
    const second = await databaseKeyFor(join(dir.path, 'b.db'), memorySecrets());
    expect(first).not.toBe(second);
  });

  it('When the cache exists but its key is gone, Then Outpost refuses rather than making a new cache', async () => {
    const file = join(dir.path, 'cache.db');
    writeFileSync(file, 'existing cache');
    const secrets = memorySecrets();
    await expect(databaseKeyFor(file, secrets)).rejects.toThrow(/exists but its key is missing/);
    expect(secrets.key()).toBeNull();
  });
});

describe('Given the sealed secrets of an unlocked cache', () => {
  it('When a secret is sealed, Then it unseals to the same text and the sealed form does not contain it', async () => {
    const secrets = createSealedSecrets(newCacheKeys());
    const sealed = await secrets.seal('correct horse battery staple');
    expect(sealed).not.toContain('correct horse');
    expect(await secrets.unseal(sealed)).toBe('correct horse battery staple');
    expect(await secrets.seal('correct horse battery staple')).not.toBe(sealed);
  });

  it('When text sealed under another cache’s keys is unsealed, Then it is refused with a sentence, not garbage', async () => {
    const sealed = await createSealedSecrets(newCacheKeys()).seal('p@ss');
    await expect(createSealedSecrets(newCacheKeys()).unseal(sealed)).rejects.toThrow(/cannot be unsealed with this cache’s key/);
  });

  it('When sealed text is damaged, Then unsealing fails with a sentence', async () => {
    await expect(createSealedSecrets(newCacheKeys()).unseal('v1:AAAA')).rejects.toThrow(/is damaged/);
  });
});
