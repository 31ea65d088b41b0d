import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile, ProfileStatus, Subscription } from '../../../shared/connections';
import { OutpostConfigSchema } from '../../../shared/config';
import { createCore, systemClock, type Core } from '../../../electron/core';
import { testKeyringSecrets } from '../../support/test-keyring';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { findFreePort } from '../../support/ports';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const PASSWORD = 'Tr1dent-Sentinel-Passphrase';
const KEY_MARKER = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-client-key-body';
const CLIENT_KEY = `-----BEGIN PRIVATE KEY-----\n${KEY_MARKER}\n-----END PRIVATE KEY-----`;

async function startCore(dataDir: string): Promise<Core> {
  return createCore({
    dataDir,
    config: OutpostConfigSchema.parse({}),
    secrets: await testKeyringSecrets(dataDir),
    clock: systemClock,
    log: recordingLog(),
    ingestWorker: sourceIngestWorker,
  });
}

describe('Given Outpost running its demo with no profile', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let closedBroker: string;

  beforeEach(async () => {
    dir = makeTempDir();
    closedBroker = `127.0.0.1:${await findFreePort()}`;
    core = await startCore(dir.path);
  });
  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = await core.dispatch(method, args);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };

  const saveProfile = (withSecrets = true) =>
    call<Profile>('profiles.save', {
      profile: {
        id: 'cloud',
        name: 'Cloud',
        brokers: [closedBroker],
        ...(withSecrets
          ? {
              tls: { key: CLIENT_KEY, servername: 'kafka.example' },
              sasl: { mechanism: 'scram-sha-512', username: 'analyst', password: PASSWORD },
            }
          : {}),
      },
    });

  it('When a profile with a password and a private key is saved, Then neither is returned, and neither is anywhere on disk in plaintext', async () => {
    const saved = await saveProfile();
    expect(saved.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'analyst', hasPassword: true });
    expect(saved.tls).toEqual({ ca: null, cert: null, hasKey: true, servername: 'kafka.example' });
    expect(JSON.stringify(await call('profiles.list'))).not.toContain(PASSWORD);
    await core.close();
    core = await startCore(dir.path);

    for (const name of readdirSync(dir.path, { recursive: true, encoding: 'utf8' })) {
      const bytes = readFileSync(join(dir.path, name));
      expect(bytes.includes(Buffer.from(PASSWORD)), `${name} holds the password`).toBe(false);
      expect(bytes.includes(Buffer.from(KEY_MARKER)), `${name} holds the private key`).toBe(false);
    }
  });

  it('When a profile is edited without its secrets, Then the stored ones are kept', async () => {
    await saveProfile();
    const edited = await call<Profile>('profiles.save', {
      profile: { id: 'cloud', name: 'Cloud (WAN)', brokers: [closedBroker], sasl: { mechanism: 'scram-sha-512', username: 'analyst' } },
    });
    expect(edited).toMatchObject({ name: 'Cloud (WAN)', sasl: { hasPassword: true } });
  });

  it('When the first profile is saved, Then the demo stops and its tracks leave the picture; when the last is removed, Then it plays again', async () => {
    const removed: string[][] = [];
    core.subscribe((event, payload) => {
      if (event === 'tracks.removed') removed.push((payload as { uids: string[] }).uids);
    });
    expect((await call<{ demo: boolean }>('app.status')).demo).toBe(true);
    await waitFor(() => call<unknown[]>('tracks.list'), (tracks) => tracks.length === 200, 10_000);
    await saveProfile(false);
    expect((await call<{ demo: boolean }>('app.status')).demo).toBe(false);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toHaveLength(200);
    expect(await call<unknown[]>('tracks.list')).toEqual([]);
    const statuses = await waitFor(
      () => call<ProfileStatus[]>('connections.status'),
      (list) => list.some((s) => s.profileId === 'cloud' && s.state === 'offline'),
      15_000,
    );
    expect(statuses.map((s) => s.profileId)).toEqual(['cloud']);
    expect(statuses[0]?.reason).toMatch(/^Cannot reach the brokers at 127\.0\.0\.1:\d+: the connection was refused\. Retrying in \d+ s\.$/);
    expect(await call('profiles.remove', { id: 'cloud' })).toEqual({ removed: true });
    expect((await call<{ demo: boolean }>('app.status')).demo).toBe(true);
  });

  it('When subscriptions are added and removed, Then the list follows, and a bad pattern is refused with a sentence', async () => {
    await saveProfile();
    const added = await call<Subscription>('subscriptions.add', { profileId: 'cloud', subscription: { pattern: 'cot\\..*', format: 'cot' } });
    expect(added).toMatchObject({ profileId: 'cloud', pattern: 'cot\\..*', topic: null, format: 'cot', received: 0, quarantined: 0 });
    expect(await call<Subscription[]>('subscriptions.list')).toHaveLength(1);
    const bad = await core.dispatch('subscriptions.add', { profileId: 'cloud', subscription: { pattern: '(unclosed', format: 'cot' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(!bad.ok && bad.error.message).toContain('the pattern is not a valid regular expression');
    expect(await call('subscriptions.remove', { id: added.id })).toEqual({ removed: true });
    expect(await call<Subscription[]>('subscriptions.list')).toEqual([]);
  });

  it('When a subscription names a profile that does not exist, Then the answer says so', async () => {
    const result = await core.dispatch('subscriptions.add', { profileId: 'nowhere', subscription: { topic: 'cot' } });
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'There is no connection profile called "nowhere".' } });
  });

  it('When a profile’s private key is not a usable key, Then the test names TLS as the cause', async () => {
    await saveProfile();
    const result = await call<{ ok: boolean; stage: string; message: string }>('profiles.test', { id: 'cloud' });
    expect(result).toMatchObject({ ok: false, stage: 'tls' });
    expect(result.message).toMatch(/^The profile’s TLS certificate, key or CA could not be used/);
  });

  it('When a profile is tested against a closed port, Then one sentence says the broker is unreachable', async () => {
    await saveProfile(false);
    const result = await call<{ ok: boolean; stage: string; message: string }>('profiles.test', { id: 'cloud' });
    expect(result).toMatchObject({ ok: false, stage: 'unreachable' });
    expect(result.message).toMatch(/^Cannot reach the brokers at 127\.0\.0\.1:\d+: the connection was refused\.$/);
  });
});
