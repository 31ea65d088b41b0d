import { createPrivateKey, X509Certificate } from 'node:crypto';

/** A profile's TLS settings that cannot work, found before any connection is made; the message is the sentence for the analyst. */
export class ProfileTlsError extends Error {
  constructor(sentence: string) {
    super(sentence);
    this.name = 'ProfileTlsError';
  }
}

/**
 * Checks the client certificate and key locally, because a broker that refuses them says only
 * "certificate unknown" or drops the connection, while here the cause can be named. Text that is
 * not a certificate or key at all throws Node's own error, which describeKafkaError already names.
 */
export function checkClientCertificate(cert: string | null, key: string | null, now: number): void {
  const privateKey = key === null ? null : createPrivateKey(key);
  const certificate = cert === null ? null : new X509Certificate(cert);
  if (certificate === null && privateKey === null) return;
  if (certificate === null) {
    throw new ProfileTlsError('This profile has a client private key but no client certificate; add the certificate that was issued with the key.');
  }
  if (privateKey === null) {
    throw new ProfileTlsError('This profile has a client certificate but no private key; add the key that was issued with the certificate.');
  }
  const validFrom = Date.parse(certificate.validFrom);
  const validTo = Date.parse(certificate.validTo);
  if (now > validTo) {
    throw new ProfileTlsError(
      `The client certificate in this profile expired on ${formatUtc(validTo)}; ask the broker’s administrator for a new one and put it, with its key, in the profile.`,
    );
  }
  if (now < validFrom) {
    throw new ProfileTlsError(
      `The client certificate in this profile is not valid until ${formatUtc(validFrom)}; check this computer’s clock, or wait until then.`,
    );
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new ProfileTlsError('The client certificate and private key in this profile do not belong together; put in the key that was issued with this certificate.');
  }
}

function formatUtc(time: number): string {
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
