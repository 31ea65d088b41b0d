import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionTestResult, ProfileInput, ProfileStatus } from '../../../shared/connections';
import type { Track } from '../../../shared/domain';
import { OutpostConfigSchema } from '../../../shared/config';
import { createCore, systemClock, type Core } from '../../../electron/core';
import { encodeCot } from '../../../electron/core/cot/encode-cot';
import { describeKafkaError } from '../../../electron/core/kafka/describe-kafka-error';
import { aCotEvent } from '../../builders/cot-event-builder';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { makeTestCertificates, type TestCertificates } from '../../support/tls-certs';
import { waitFor } from '../../support/wait-for';

const TOPIC = 'cot-secured';
const USER = 'outpost-analyst';
const PASSWORD = 'Scram-512-Sentinel';

describe('Given a real broker whose SASL_SSL listener wants TLS, a client certificate and a SCRAM-SHA-512 login', () => {
  const dir = makeTempDir();
  let certs: TestCertificates;
  let kafka: RunningKafka;
  let core: Core;

  /** A profile that satisfies the secured listener, changed by whatever a test gets wrong. */
  const securedProfile = (id: string, changes: Partial<ProfileInput> = {}): ProfileInput => ({
    id,
    name: id,
    brokers: kafka.securedBrokers,
    tls: { ca: certs.ca.cert, cert: certs.client.cert, key: certs.client.key },
    sasl: { mechanism: 'scram-sha-512', username: USER, password: PASSWORD },
    enabled: false,
    ...changes,
  });

  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = await core.dispatch(method, args);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };

  const saveAndTest = async (profile: ProfileInput): Promise<ConnectionTestResult> => {
    await call('profiles.save', { profile });
    return call<ConnectionTestResult>('profiles.test', { id: profile.id });
  };

  beforeAll(async () => {
    certs = await makeTestCertificates();
    kafka = await startKafka({
      secured: {
        serverCertChain: certs.server.cert,
        serverKey: certs.server.key,
        clientCa: certs.ca.cert,
        requireClientCertificate: true,
        scramSha512Users: { [USER]: PASSWORD },
      },
    });
    await createTopic(kafka.brokers, TOPIC, 1);
    core = await createCore({
      dataDir: join(dir.path, 'data'),
      config: OutpostConfigSchema.parse({}),
      secrets: memorySecrets(),
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
  });

  afterAll(async () => {
    await core?.close();
    await kafka?.stop();
    await certs?.remove();
    dir.remove();
  });

  it('When a profile with the CA, a client certificate and the SCRAM login is saved and tested, Then the test connects and lists the topic', async () => {
    const result = await saveAndTest(securedProfile('secured'));
    expect(result).toEqual({ ok: true, stage: null, message: `Connected to ${kafka.securedBrokers[0]}; 1 topic is visible.`, topics: [TOPIC] });
  });

  it('When the profile is enabled with a subscription and a record is produced through the secured listener, Then the record reaches the picture', async () => {
    await call('subscriptions.add', { profileId: 'secured', subscription: { topic: TOPIC, format: 'cot' } });
    await call('profiles.save', { profile: securedProfile('secured', { enabled: true }) });
    const producer = new Kafka({
      clientId: 'secured-producer',
      brokers: kafka.securedBrokers,
      ssl: { ca: certs.ca.cert, cert: certs.client.cert, key: certs.client.key, rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: USER, password: PASSWORD },
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    try {
      const event = aCotEvent({ uid: 'secured-unit', callsign: 'WARDEN', time: Date.now(), lat: 39.2, lon: 9.1 });
      await producer.send({ topic: TOPIC, messages: [{ value: encodeCot(event) }] });
    } finally {
      await producer.disconnect();
    }

    const tracks = await waitFor(() => call<Track[]>('tracks.list'), (list) => list.some((t) => t.uid === 'secured-unit'), 30_000);
    expect(tracks.find((t) => t.uid === 'secured-unit')).toMatchObject({ callsign: 'WARDEN', source: 'secured', topic: TOPIC });
    const statuses = await call<ProfileStatus[]>('connections.status');
    expect(statuses.find((s) => s.profileId === 'secured')).toMatchObject({ state: 'connected', reason: null });
  });

  it('When the profile trusts an unrelated CA, Then the test says the broker’s certificate is not signed by the CA in the profile', async () => {
    const result = await saveAndTest(securedProfile('wrong-ca', { tls: { ca: certs.unrelatedCa.cert, cert: certs.client.cert, key: certs.client.key } }));
    expect(result).toMatchObject({ ok: false, stage: 'tls' });
    expect(result.message).toBe(
      `The broker’s certificate at ${kafka.securedBrokers[0]} is not signed by the CA in this profile; ` +
        'put the CA certificate that signed the broker’s certificate in the profile.',
    );
  });

  it('When the profile’s server name is not in the broker’s certificate, Then the test names it and the names the certificate has', async () => {
    const tls = { ca: certs.ca.cert, cert: certs.client.cert, key: certs.client.key, servername: 'kafka.example' };
    const result = await saveAndTest(securedProfile('wrong-name', { tls }));
    expect(result).toMatchObject({ ok: false, stage: 'tls' });
    expect(result.message).toBe(
      `The broker’s certificate at ${kafka.securedBrokers[0]} does not name “kafka.example”; it names IP Address:127.0.0.1, DNS:localhost. ` +
        'Set the profile’s server name to one of those, or connect with an address the certificate names.',
    );
  });

  it('When the broker is addressed as localhost, a name its certificate lists, Then the test connects', async () => {
    const brokers = kafka.securedBrokers.map((address) => address.replace('127.0.0.1', 'localhost'));
    expect(await saveAndTest(securedProfile('by-name', { brokers }))).toMatchObject({ ok: true, topics: [TOPIC] });
  });

  it('When the client certificate has expired, Then the test names the expiry date without connecting, and so does the connection status', async () => {
    const expiredOn = `${certs.expiredClient.expiredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const sentence =
      `The client certificate in this profile expired on ${expiredOn}; ` +
      'ask the broker’s administrator for a new one and put it, with its key, in the profile.';
    const tls = { ca: certs.ca.cert, cert: certs.expiredClient.cert, key: certs.expiredClient.key };
    expect(await saveAndTest(securedProfile('expired', { tls, enabled: true }))).toEqual({ ok: false, stage: 'tls', message: sentence, topics: [] });

    const statuses = await waitFor(
      () => call<ProfileStatus[]>('connections.status'),
      (list) => list.some((s) => s.profileId === 'expired' && s.state === 'offline'),
      15_000,
    );
    expect(statuses.find((s) => s.profileId === 'expired')?.reason).toMatch(new RegExp(`^${escapeRegExp(sentence)} Retrying in \\d+ s\\.$`));
    await call('profiles.remove', { id: 'expired' });
  });

  it('When an expired client certificate reaches the broker anyway, Then the broker’s refusal is a sentence about the client certificate', async () => {
    const admin = new Kafka({
      clientId: 'expired-client',
      brokers: kafka.securedBrokers,
      ssl: { ca: certs.ca.cert, cert: certs.expiredClient.cert, key: certs.expiredClient.key, rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: USER, password: PASSWORD },
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).admin();
    const refusal = await admin.connect().then(
      () => null,
      (error: unknown) => error,
    );
    await admin.disconnect();
    expect(refusal).not.toBeNull();
    expect(describeKafkaError(refusal, kafka.securedBrokers)).toEqual({
      stage: 'tls',
      sentence:
        `The brokers at ${kafka.securedBrokers[0]} refused this profile’s client certificate: it has expired, been revoked, or is not signed by a CA ` +
        'the brokers trust; ask the broker’s administrator for a current one.',
    });
  });

  it('When the client certificate is signed by a CA the broker does not trust, Then the test says the broker refused the client certificate', async () => {
    const tls = { ca: certs.ca.cert, cert: certs.untrustedClient.cert, key: certs.untrustedClient.key };
    const result = await saveAndTest(securedProfile('stranger', { tls }));
    expect(result).toMatchObject({ ok: false, stage: 'tls' });
    expect(result.message).toMatch(/^The brokers at 127\.0\.0\.1:\d+ refused this profile’s client certificate: /);
  });

  it('When the profile has no client certificate, Then the test says the broker requires one (mutual TLS)', async () => {
    const result = await saveAndTest(securedProfile('no-cert', { tls: { ca: certs.ca.cert } }));
    expect(result).toEqual({
      ok: false,
      stage: 'tls',
      message:
        `The brokers at ${kafka.securedBrokers[0]} require a client certificate (mutual TLS) and refused the connection without one; ` +
        'add the client certificate and key issued for Outpost to this profile.',
      topics: [],
    });
  });

  it.each([
    ['a wrong password', { mechanism: 'scram-sha-512', username: USER, password: 'not-the-password' }],
    ['an unknown user', { mechanism: 'scram-sha-512', username: 'nobody-here', password: PASSWORD }],
  ] as const)('When the login has %s, Then the test says the broker refused the user name or password for SCRAM-SHA-512', async (_case, sasl) => {
    const result = await saveAndTest(securedProfile('bad-login', { sasl }));
    expect(result).toEqual({
      ok: false,
      stage: 'authentication',
      message:
        `The brokers at ${kafka.securedBrokers[0]} refused the user name or password for SCRAM-SHA-512; check both in this profile ` +
        '(a broker gives the same answer for an unknown user as for a wrong password).',
      topics: [],
    });
  });

  it('When the profile logs in with SCRAM-SHA-256, which the listener does not offer, Then the test names the mechanism', async () => {
    const result = await saveAndTest(securedProfile('sha-256', { sasl: { mechanism: 'scram-sha-256', username: USER, password: PASSWORD } }));
    expect(result).toMatchObject({ ok: false, stage: 'authentication' });
    expect(result.message).toMatch(/ do not accept SCRAM-SHA-256; /);
  });

  it('When a profile with TLS is pointed at the plaintext listener, Then the test fails with a sentence rather than connecting in clear', async () => {
    const result = await saveAndTest(securedProfile('tls-to-plain', { brokers: kafka.brokers }));
    expect(result).toEqual({
      ok: false,
      stage: 'tls',
      message:
        `The brokers at ${kafka.brokers[0]} did not complete a TLS handshake, so the port is probably a plaintext listener; ` +
        'this profile uses TLS and never falls back to plaintext, so give the address of the broker’s TLS listener.',
      topics: [],
    });
  });

  it('When a profile without TLS is pointed at the secured listener, Then the test says the listener probably expects TLS', async () => {
    const result = await saveAndTest({ id: 'plain-to-tls', name: 'plain-to-tls', brokers: kafka.securedBrokers, enabled: false });
    expect(result).toEqual({
      ok: false,
      stage: 'tls',
      message:
        `The brokers at ${kafka.securedBrokers[0]} closed the connection before answering; the listener probably expects TLS, which this profile does not use. ` +
        'Turn on TLS in the profile, or give the address of a plaintext listener.',
      topics: [],
    });
  });

  describe('and a listener that records the bytes it is sent', () => {
    let recorder: Server;
    const received: Buffer[] = [];

    beforeAll(async () => {
      recorder = createServer((socket) => {
        socket.once('data', (chunk: Buffer) => {
          received.push(chunk);
          socket.destroy();
        });
      });
      recorder.listen(0, '127.0.0.1');
      await once(recorder, 'listening');
    });
    afterAll(() => recorder.close());

    it('When a profile with TLS and a login connects to it, Then the first bytes are a TLS handshake and the user name is never sent', async () => {
      const port = (recorder.address() as AddressInfo).port;
      const result = await saveAndTest(securedProfile('recorded', { brokers: [`127.0.0.1:${port}`] }));
      expect(result).toMatchObject({ ok: false, stage: 'tls' });
      expect(received.length).toBeGreaterThan(0);
      for (const chunk of received) {
        // 0x16 is a TLS handshake record; a Kafka request would start with its four-byte length.
        expect(chunk[0]).toBe(0x16);
        expect(chunk.includes(Buffer.from(USER))).toBe(false);
      }
    });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
