import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutpostConfigSchema } from '../../../shared/config';
import { createCore, CACHE_FILE_NAME } from '../../../electron/core';
import { openSession, type Session } from '../../../electron/core/session/session-gate';
import { createAuditTrail } from '../../../electron/core/audit/audit-trail';
import { createAuditTables } from '../../../electron/core/store/audit-tables';
import { openDatabase } from '../../../electron/core/store/open-database';
import { findOpeningKey, rekeyDatabase } from '../../../electron/core/store/rekey-database';
import { newDatabaseKey, type CacheKeys } from '../../../electron/core/vault/cache-keys';
import { readKeyring, writeKeyring } from '../../../electron/core/vault/keyring-file';
import { unwrapWithPassphrase, wrapWithPassphrase } from '../../../electron/core/vault/passphrase-wrap';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { findFreePort } from '../../support/ports';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { TEST_PASSPHRASE_COST } from '../../support/test-keyring';
import { makeTestCertificates, type TestCertificates } from '../../support/tls-certs';
import type { HostKeychain } from '../../../electron/core/vault/host-keychain';

/** A keychain that only tags what it holds with its backend: enough for the session's bookkeeping. */
function plainKeychain(backend: string): HostKeychain {
  const tag = Buffer.from(`${backend}:`);
  return {
    backend,
    refusal: null,
    encrypt: (plain) => Buffer.concat([tag, plain]),
    decrypt: (sealed) => {
      if (!sealed.subarray(0, tag.length).equals(tag)) throw new Error('another keychain');
      return sealed.subarray(tag.length);
    },
  };
}
import { systemClock } from '../../../electron/core/ports';

const PASSPHRASE = 'a passphrase for the whole shift';
const SASL_PASSWORD = 'Sasl-Password-That-Must-Not-Leak-42';

/** The base64 body of a PEM block, the part that would show if the key were stored in clear. */
const pemBody = (pem: string): string => pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----')).join('');

describe('Given the session in front of a real core and cache', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let certs: TestCertificates;
  let session: Session;
  const openedKeys: string[] = [];

  const open = (keychain: HostKeychain | null = null): Promise<Session> =>
    openSession({
      dataDir: dir.path,
      config: OutpostConfigSchema.parse({}),
      clock: systemClock,
      log: recordingLog(),
      keychain,
      cacheFile: join(dir.path, CACHE_FILE_NAME),
      actor: 'analyst',
      passphraseCost: TEST_PASSPHRASE_COST,
      openCore: async (secrets) => {
        openedKeys.push((await secrets.readDatabaseKey())!);
        return createCore({ dataDir: dir.path, config: OutpostConfigSchema.parse({}), secrets, clock: systemClock, log: recordingLog(), ingestWorker: sourceIngestWorker });
      },
    });
  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const answer = await session.dispatch(method, args);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as T;
  };
  const unwrapped = async (): Promise<{ current: CacheKeys; next: CacheKeys | null }> => {
    const keyring = (await readKeyring(dir.path))!;
    return {
      current: (await unwrapWithPassphrase(keyring.current.passphrase, PASSPHRASE))!,
      next: keyring.next === null ? null : await unwrapWithPassphrase(keyring.next.passphrase, PASSPHRASE),
    };
  };

  /**
   * Leaves the data folder as a key rotation that stopped part-way would: the new keys staged in the
   * keyring, and the cache encrypted under the old key, the new one, or a key no keyring holds.
   */
  const interruptRotation = async (cacheUnder: 'old key' | 'new key' | 'another key'): Promise<{ current: CacheKeys; next: CacheKeys }> => {
    await session.close();
    const keyring = (await readKeyring(dir.path))!;
    const { current } = await unwrapped();
    const next = newDatabaseKey(current);
    await writeKeyring(dir.path, { ...keyring, next: { passphrase: await wrapWithPassphrase(next, PASSPHRASE, TEST_PASSPHRASE_COST), keychain: null } });
    const file = join(dir.path, CACHE_FILE_NAME);
    if (cacheUnder === 'new key') rekeyDatabase({ file, key: current.databaseKey, nextKey: next.databaseKey });
    if (cacheUnder === 'another key') rekeyDatabase({ file, key: current.databaseKey, nextKey: newDatabaseKey(current).databaseKey });
    return { current, next };
  };

  beforeAll(async () => {
    certs = await makeTestCertificates();
  });
  afterAll(() => certs.remove());
  beforeEach(async () => {
    dir = makeTempDir();
    openedKeys.length = 0;
    session = await open();
    await call('session.setup', { passphrase: PASSPHRASE });
  });
  afterEach(async () => {
    await session.close();
    dir.remove();
  });

  it('When a shift configures a SASL password and a client private key, uses them, locks, changes role and rotates the key, Then no secret and no key is anywhere in the data folder in plaintext', async () => {
    const closedBroker = `127.0.0.1:${await findFreePort()}`;
    await call('profiles.save', {
      profile: {
        id: 'cloud',
        name: 'Cloud',
        brokers: [closedBroker],
        tls: { ca: certs.ca.cert, cert: certs.client.cert, key: certs.client.key },
        sasl: { mechanism: 'scram-sha-512', username: 'analyst', password: SASL_PASSWORD },
      },
    });
    await call('profiles.test', { id: 'cloud' });
    await call('session.lock');
    await call('session.unlock', { passphrase: PASSPHRASE });
    await call('session.setRole', { role: 'operator', passphrase: PASSPHRASE });
    const before = await unwrapped();
    await call('session.rekey', { passphrase: PASSPHRASE });
    const after = await unwrapped();
    await session.close();

    const secrets = {
      'the SASL password': Buffer.from(SASL_PASSWORD),
      'the client private key': Buffer.from(pemBody(certs.client.key)),
      'the passphrase': Buffer.from(PASSPHRASE),
      ...Object.fromEntries(
        [before.current, after.current].flatMap((keys, i) => [
          [`database key ${i} in hex`, Buffer.from(keys.databaseKey)],
          [`database key ${i}`, Buffer.from(keys.databaseKey, 'hex')],
          [`sealing key ${i} in hex`, Buffer.from(keys.sealingKey)],
          [`sealing key ${i}`, Buffer.from(keys.sealingKey, 'hex')],
        ]),
      ),
    };
    const files = readdirSync(dir.path, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir.path, name)).isFile());
    expect(files).toContain('keyring.json');
    expect(files).toContain(CACHE_FILE_NAME);
    for (const name of files) {
      const bytes = readFileSync(join(dir.path, name));
      for (const [what, secret] of Object.entries(secrets)) expect(bytes.includes(secret), `${name} holds ${what}`).toBe(false);
    }
    expect(statSync(join(dir.path, 'keyring.json')).mode & 0o777).toBe(0o600);
  });

  it('When the cache key is rotated, Then the cache opens only with the new key, keeps its data and audit chain, and the rotation is audited', async () => {
    await call('profiles.save', { profile: { id: 'edge', name: 'Edge', brokers: ['127.0.0.1:9'] } });
    const before = await unwrapped();
    expect(await call('session.rekey', { passphrase: PASSPHRASE })).toMatchObject({ phase: 'unlocked' });
    const after = await unwrapped();
    expect(after.next).toBeNull();
    expect(after.current.databaseKey).not.toBe(before.current.databaseKey);
    expect(after.current.sealingKey).toBe(before.current.sealingKey);
    expect(openedKeys).toEqual([before.current.databaseKey, after.current.databaseKey]);
    expect(await call('profiles.list')).toMatchObject([{ id: 'edge' }]);
    await session.close();
    expect(findOpeningKey({ file: join(dir.path, CACHE_FILE_NAME) }, [before.current.databaseKey])).toBeNull();
    const db = openDatabase({ file: join(dir.path, CACHE_FILE_NAME), key: after.current.databaseKey });
    try {
      expect(createAuditTrail(createAuditTables(db), systemClock).verify()).toMatchObject({ ok: true });
      const actions = db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
      expect(actions).toEqual(['session.setup', 'profiles.save', 'session.lock', 'session.rekey']);
    } finally {
      db.close();
    }
    session = await open();
    await call('session.unlock', { passphrase: PASSPHRASE });
    expect(openedKeys.at(-1)).toBe(after.current.databaseKey);
  });

  it('When a rotation stopped after the cache was re-encrypted but before the keyring was settled, Then the next unlock opens with the new key and settles it', async () => {
    const { next } = await interruptRotation('new key');

    session = await open();
    expect(await call('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ phase: 'unlocked' });
    expect(openedKeys.at(-1)).toBe(next.databaseKey);
    expect(await unwrapped()).toEqual({ current: next, next: null });
  });

  it('When a rotation stopped before the cache was re-encrypted, Then the next unlock opens with the old key and drops the new one', async () => {
    const { current } = await interruptRotation('old key');

    session = await open();
    expect(await call('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ phase: 'unlocked' });
    expect(openedKeys.at(-1)).toBe(current.databaseKey);
    expect(await unwrapped()).toEqual({ current, next: null });
  });

  it('When a rotation stopped part-way and neither key opens the file, Then the unlock is refused with a sentence and both keys are kept', async () => {
    const { current, next } = await interruptRotation('another key');

    session = await open();
    const answer = await session.dispatch('session.unlock', { passphrase: PASSPHRASE });
    expect(answer).toMatchObject({ ok: false, error: { message: /Neither the cache key nor the new one from an unfinished key rotation opens .* Restore the data folder from your backup/ } });
    expect(await unwrapped()).toEqual({ current, next });
  });

  it('When a rotation stopped part-way and the keychain changed, Then the passphrase opens with the new key and the new keychain holds that key', async () => {
    const { next } = await interruptRotation('new key');

    const keychain = plainKeychain('kwallet5');
    session = await open(keychain);
    expect(session.state()).toMatchObject({ phase: 'locked' });
    await call('session.unlock', { passphrase: PASSPHRASE });
    await session.close();
    session = await open(keychain);
    expect(session.state()).toMatchObject({ phase: 'unlocked', keyProtection: 'keychain' });
    expect(openedKeys.at(-1)).toBe(next.databaseKey);
  });

  it('When the session is locked, Then tiles and exported files are out of reach too', async () => {
    await call('session.lock');
    await expect(session.readTile('any', 0, 0, 0)).rejects.toThrow(/Outpost is locked/);
    expect(await session.exportFile('anything.geojson')).toBeNull();
  });
});
