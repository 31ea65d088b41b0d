import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, KafkaJSSASLAuthenticationError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { ProfileTlsError } from '../../../electron/core/kafka/check-client-certificate';
import { describeKafkaError, type ConnectionSecurity } from '../../../electron/core/kafka/describe-kafka-error';

const BROKERS = ['edge.local:9093'];

function nodeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** As kafkajs reports a refused connection after its retries: the Node code sits two causes down. */
function afterRetries(code: string): Error {
  const connection = new KafkaJSConnectionError(`Connection error: connect ${code} 10.0.0.5:9093`, { broker: BROKERS[0] ?? '', code } as never);
  return new KafkaJSNumberOfRetriesExceeded(connection, { retryCount: 5, retryTime: 1_000 });
}

describe('Given an error from kafkajs or Node', () => {
  it.each([
    ['a refused connection', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:9093'), 'unreachable', 'Cannot reach the brokers at edge.local:9093: the connection was refused.'],
    ['an unknown host', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND edge.local'), 'unreachable', 'Cannot reach the brokers at edge.local:9093: the host name does not resolve.'],
    [
      'a broker certificate from another CA',
      nodeError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
      'tls',
      'The broker’s certificate at edge.local:9093 is not signed by the CA in this profile; put the CA certificate that signed the broker’s certificate in the profile.',
    ],
    [
      'a host name mismatch',
      nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: Host: kafka.example. is not in the cert's altnames: IP Address:127.0.0.1, DNS:localhost"),
      'tls',
      'The broker’s certificate at edge.local:9093 does not name “kafka.example”; it names IP Address:127.0.0.1, DNS:localhost. ' +
        'Set the profile’s server name to one of those, or connect with an address the certificate names.',
    ],
    [
      'an address mismatch',
      nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: IP: 10.0.0.5 is not in the cert's list: 127.0.0.1"),
      'tls',
      'The broker’s certificate at edge.local:9093 does not name “10.0.0.5”; it names 127.0.0.1. ' +
        'Set the profile’s server name to one of those, or connect with an address the certificate names.',
    ],
    [
      'an expired broker certificate',
      nodeError('CERT_HAS_EXPIRED', 'certificate has expired'),
      'tls',
      'The broker’s certificate at edge.local:9093, or a CA certificate above it, has expired; the broker’s administrator must renew it.',
    ],
    [
      'a client certificate the broker refused',
      nodeError('ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN', 'error:0A000416:SSL routines:ssl3_read_bytes:sslv3 alert certificate unknown'),
      'tls',
      'The brokers at edge.local:9093 refused this profile’s client certificate: it has expired, been revoked, or is not signed by a CA ' +
        'the brokers trust; ask the broker’s administrator for a current one.',
    ],
    [
      'a TLS handshake the far end dropped',
      nodeError('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established'),
      'tls',
      'The brokers at edge.local:9093 did not complete a TLS handshake, so the port is probably a plaintext listener; ' +
        'this profile uses TLS and never falls back to plaintext, so give the address of the broker’s TLS listener.',
    ],
  ])('When it is %s, Then the stage and a sentence naming the cause come back', (_case, error, stage, sentence) => {
    expect(describeKafkaError(error, BROKERS)).toEqual({ stage, sentence });
  });

  it('When the Node error sits inside kafkajs retry and connection errors, Then the cause is still found', () => {
    expect(describeKafkaError(afterRetries('ECONNREFUSED'), BROKERS)).toEqual({
      stage: 'unreachable',
      sentence: 'Cannot reach the brokers at edge.local:9093: the connection was refused.',
    });
  });

  it('When a consumer finds no broker to fetch from, Then the brokers are unreachable', () => {
    const noBroker = Object.assign(new Error('No broker available'), { name: 'KafkaJSNoBrokerAvailableError' });
    expect(describeKafkaError(noBroker, BROKERS)).toEqual({ stage: 'unreachable', sentence: 'Cannot reach the brokers at edge.local:9093: no broker is answering.' });
  });

  it('When SASL authentication fails, Then the stage is authentication', () => {
    // kafkajs' typings omit this constructor's message parameter, which its code takes.
    const SaslError = KafkaJSSASLAuthenticationError as unknown as new (message: string) => Error;
    const error = new SaslError('SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512');
    const described = describeKafkaError(error, BROKERS);
    expect(described).toEqual({
      stage: 'authentication',
      sentence:
        'The brokers at edge.local:9093 refused the user name or password for SCRAM-SHA-512; check both in this profile ' +
        '(a broker gives the same answer for an unknown user as for a wrong password).',
    });
  });

  it('When the broker refuses access to a topic, Then the stage is authorisation', () => {
    const error = Object.assign(new KafkaJSProtocolError('Not authorized to access topics: [Topic authorization failed]'), { type: 'TOPIC_AUTHORIZATION_FAILED' });
    expect(describeKafkaError(error, BROKERS)).toEqual({
      stage: 'authorisation',
      sentence: 'The brokers at edge.local:9093 accepted the login but refused access: topic authorization failed.',
    });
  });

  it('When nothing is recognised, Then the message is still given as a sentence', () => {
    expect(describeKafkaError(new Error('something odd'), BROKERS)).toEqual({ stage: 'other', sentence: 'Kafka at edge.local:9093 failed: something odd.' });
  });
});

describe('Given an error and the security settings of the profile that met it', () => {
  const plaintext: ConnectionSecurity = { tls: false, ca: false, clientCertificate: false, saslMechanism: null, firstContact: true };
  const tlsWithLogin: ConnectionSecurity = { tls: true, ca: true, clientCertificate: true, saslMechanism: 'scram-sha-256', firstContact: true };
  // kafkajs throws KafkaJSConnectionClosedError but its typings do not export the class.
  const closed = (): Error =>
    new KafkaJSNumberOfRetriesExceeded(Object.assign(new Error('Closed connection'), { name: 'KafkaJSConnectionClosedError' }), { retryCount: 0, retryTime: 0 });

  it('When a profile without TLS finds the connection closed before any answer, Then the sentence says the listener probably wants TLS', () => {
    expect(describeKafkaError(closed(), BROKERS, plaintext)).toEqual({
      stage: 'tls',
      sentence:
        'The brokers at edge.local:9093 closed the connection before answering; the listener probably expects TLS, which this profile does not use. ' +
        'Turn on TLS in the profile, or give the address of a plaintext listener.',
    });
  });

  it('When a profile with TLS but no login finds the connection closed, Then the sentence says the listener probably wants a SASL login', () => {
    expect(describeKafkaError(closed(), BROKERS, { ...tlsWithLogin, saslMechanism: null })).toEqual({
      stage: 'authentication',
      sentence: 'The brokers at edge.local:9093 closed the connection before answering; the listener probably expects a SASL login, which this profile does not give.',
    });
  });

  it('When a profile that has reached its brokers before finds the connection closed, Then it is the link, not a protocol to change', () => {
    expect(describeKafkaError(closed(), BROKERS, { ...plaintext, firstContact: false })).toEqual({
      stage: 'unreachable',
      sentence: 'Cannot reach the brokers at edge.local:9093: Closed connection.',
    });
  });

  it('When the settings are not known, Then a closed connection is still reported as unreachable', () => {
    expect(describeKafkaError(closed(), BROKERS)).toEqual({ stage: 'unreachable', sentence: 'Cannot reach the brokers at edge.local:9093: Closed connection.' });
  });

  it('When a broker wanting mutual TLS meets a profile without a client certificate, Then the sentence asks for one', () => {
    const alert = nodeError('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate');
    expect(describeKafkaError(alert, BROKERS, { ...tlsWithLogin, clientCertificate: false })).toEqual({
      stage: 'tls',
      sentence:
        'The brokers at edge.local:9093 require a client certificate (mutual TLS) and refused the connection without one; ' +
        'add the client certificate and key issued for Outpost to this profile.',
    });
  });

  it('When the broker does not offer the profile’s SASL mechanism, Then the mechanism is named', () => {
    const error = Object.assign(new KafkaJSProtocolError('The broker does not support the requested SASL mechanism'), { type: 'UNSUPPORTED_SASL_MECHANISM' });
    expect(describeKafkaError(error, BROKERS, tlsWithLogin)).toEqual({
      stage: 'authentication',
      sentence: 'The brokers at edge.local:9093 do not accept SCRAM-SHA-256; choose the mechanism the broker’s administrator gave with the user name.',
    });
  });

  it('When the profile’s client certificate was refused locally, Then its sentence is kept as it is', () => {
    const refused = new ProfileTlsError('The client certificate in this profile expired on 2026-11-25 23:52 UTC; ask for a new one.');
    expect(describeKafkaError(refused, BROKERS, tlsWithLogin)).toEqual({ stage: 'tls', sentence: refused.message });
  });
});
