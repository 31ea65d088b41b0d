import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileTlsError } from '../../../electron/core/kafka/check-client-certificate';
import { kafkaClientConfig } from '../../../electron/core/kafka/client-config';
import type { StoredProfile } from '../../../electron/core/store/store';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTestCertificates, type TestCertificates } from '../../support/tls-certs';

const secrets = memorySecrets();

function aStoredProfile(tls: StoredProfile['tls'], sasl: StoredProfile['sasl'] = null): StoredProfile {
  return { id: 'edge', name: 'Edge', brokers: ['edge.local:9093'], clientId: 'outpost', groupId: null, tls, sasl, enabled: true };
}

describe('Given connection profiles turned into kafkajs settings', () => {
  let certs: TestCertificates;

  beforeAll(async () => {
    certs = await makeTestCertificates();
  });
  afterAll(async () => {
    await certs?.remove();
  });

  it('When a profile has TLS with nothing filled in, Then TLS is still on and the broker’s certificate is still checked', async () => {
    const config = await kafkaClientConfig(aStoredProfile({ ca: null, cert: null, keySealed: null, servername: null }), secrets, recordingLog());
    expect(config.ssl).toEqual({ ca: undefined, cert: undefined, key: undefined, servername: undefined, rejectUnauthorized: true });
  });

  it('When a profile has TLS with a CA, a client certificate, a sealed key and a server name, Then each reaches kafkajs and verification stays on', async () => {
    const keySealed = await secrets.seal(certs.client.key);
    const tls = { ca: certs.ca.cert, cert: certs.client.cert, keySealed, servername: 'localhost' };
    const sasl = { mechanism: 'scram-sha-512' as const, username: 'analyst', passwordSealed: await secrets.seal('Sc-ram') };
    const config = await kafkaClientConfig(aStoredProfile(tls, sasl), secrets, recordingLog());
    expect(config.ssl).toEqual({ ca: certs.ca.cert, cert: certs.client.cert, key: certs.client.key, servername: 'localhost', rejectUnauthorized: true });
    expect(config.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'analyst', password: 'Sc-ram' });
  });

  it('When a profile has no TLS, Then kafkajs is given no TLS settings', async () => {
    const config = await kafkaClientConfig(aStoredProfile(null), secrets, recordingLog());
    expect(config.ssl).toBeUndefined();
  });

  it('When the profile’s client certificate has expired, Then the settings are refused with the expiry date before any connection', async () => {
    const keySealed = await secrets.seal(certs.expiredClient.key);
    const profile = aStoredProfile({ ca: certs.ca.cert, cert: certs.expiredClient.cert, keySealed, servername: null });
    const expiredOn = `${certs.expiredClient.expiredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const refusal = kafkaClientConfig(profile, secrets, recordingLog());
    await expect(refusal).rejects.toBeInstanceOf(ProfileTlsError);
    await expect(refusal).rejects.toThrow(`The client certificate in this profile expired on ${expiredOn}; `);
  });
});
