import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, KafkaJSSASLAuthenticationError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { describeKafkaError } from '../../../electron/core/kafka/describe-kafka-error';

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
    ['an untrusted certificate', nodeError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), 'tls', 'The TLS connection to edge.local:9093 failed: the broker’s certificate chain ends in a CA the profile does not trust.'],
    ['a host name mismatch', nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), 'tls', 'The TLS connection to edge.local:9093 failed: the broker’s certificate does not name the host Outpost connected to.'],
    ['an expired certificate', nodeError('CERT_HAS_EXPIRED', 'certificate has expired'), 'tls', 'The TLS connection to edge.local:9093 failed: a certificate in the chain has expired.'],
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
    expect(described.stage).toBe('authentication');
    expect(described.sentence).toMatch(/^The brokers at edge.local:9093 refused the user name or password/);
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
