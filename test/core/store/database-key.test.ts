import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileSecrets } from '../../../electron/core/secrets/key-file-secrets';
import { databaseKeyFor } from '../../../electron/core/store/database-key';
import { makeTempDir } from '../../support/temp-dir';
import { memorySecrets } from '../../support/memory-secrets';

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

  it('When the key lives in a key file, Then only its owner may read it', async () => {
    const secrets = createKeyFileSecrets(dir.path);
    expect(await secrets.readDatabaseKey()).toBeNull();
    await secrets.writeDatabaseKey('c'.repeat(64));
    expect(await secrets.readDatabaseKey()).toBe('c'.repeat(64));
    expect(statSync(join(dir.path, 'cache.key')).mode & 0o777).toBe(0o600);
  });

  it('When a key file already exists, Then writing another is refused instead of overwriting it', async () => {
    const secrets = createKeyFileSecrets(dir.path);
    await secrets.writeDatabaseKey('c'.repeat(64));
    await expect(secrets.writeDatabaseKey('d'.repeat(64))).rejects.toThrow();
    expect(await secrets.readDatabaseKey()).toBe('c'.repeat(64));
  });
});

describe('Given the key-file secrets service sealing a password', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('When a secret is sealed, Then it unseals to the same text and the sealed form does not contain it', async () => {
    const secrets = createKeyFileSecrets(dir.path);
    const sealed = await secrets.seal('correct horse battery staple');
    expect(sealed).not.toContain('correct horse');
    expect(await secrets.unseal(sealed)).toBe('correct horse battery staple');
    expect(await secrets.seal('correct horse battery staple')).not.toBe(sealed);
  });

  it('When the sealing key file is replaced, Then old sealed text is refused with a sentence, not garbage', async () => {
    const sealed = await createKeyFileSecrets(dir.path).seal('p@ss');
    const other = makeTempDir();
    try {
      await expect(createKeyFileSecrets(other.path).unseal(sealed)).rejects.toThrow(/cannot be unsealed with this machine’s key/);
    } finally {
      other.remove();
    }
  });

  it('When sealed text is damaged, Then unsealing fails with a sentence', async () => {
    const secrets = createKeyFileSecrets(dir.path);
    await expect(secrets.unseal('v1:AAAA')).rejects.toThrow(/is damaged/);
  });
});
