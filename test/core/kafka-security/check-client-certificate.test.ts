import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClientCertificate, ProfileTlsError } from '../../../electron/core/kafka/check-client-certificate';
import { makeTestCertificates, type TestCertificates } from '../../support/tls-certs';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('Given a profile’s client certificate and key, checked before connecting', () => {
  let certs: TestCertificates;

  beforeAll(async () => {
    certs = await makeTestCertificates();
  });
  afterAll(async () => {
    await certs?.remove();
  });

  const refusalOf = (check: () => void): string => {
    try {
      check();
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileTlsError);
      return (error as Error).message;
    }
    throw new Error('The check accepted what it should have refused.');
  };

  it('When the pair is current and belongs together, or there is neither, Then the check passes', () => {
    expect(() => checkClientCertificate(certs.client.cert, certs.client.key, Date.now())).not.toThrow();
    expect(() => checkClientCertificate(null, null, Date.now())).not.toThrow();
  });

  it('When the certificate has no key, or the key no certificate, Then the missing half is named', () => {
    expect(refusalOf(() => checkClientCertificate(certs.client.cert, null, Date.now()))).toBe(
      'This profile has a client certificate but no private key; add the key that was issued with the certificate.',
    );
    expect(refusalOf(() => checkClientCertificate(null, certs.client.key, Date.now()))).toBe(
      'This profile has a client private key but no client certificate; add the certificate that was issued with the key.',
    );
  });

  it('When the key belongs to another certificate, Then the check says they do not belong together', () => {
    expect(refusalOf(() => checkClientCertificate(certs.client.cert, certs.untrustedClient.key, Date.now()))).toBe(
      'The client certificate and private key in this profile do not belong together; put in the key that was issued with this certificate.',
    );
  });

  it('When the certificate is not valid yet, Then the start date is named and the clock suspected', () => {
    const validFrom = new Date(new X509Certificate(certs.client.cert).validFrom);
    const sentence = refusalOf(() => checkClientCertificate(certs.client.cert, certs.client.key, validFrom.getTime() - DAY_MS));
    expect(sentence).toBe(`The client certificate in this profile is not valid until ${validFrom.toISOString().slice(0, 16).replace('T', ' ')} UTC; check this computer’s clock, or wait until then.`);
  });
});
