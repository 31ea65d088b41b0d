import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, KafkaJSRequestTimeoutError, KafkaJSSASLAuthenticationError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { classifySendError, type SendFailureKind } from '../../../electron/core/outbox/classify-send-error';

const CONTEXT = { brokers: ['10.0.0.5:9092'], topic: 'reports', bytes: 2_048 };

// kafkajs builds these from the broker's error code; its constructors read the shape, not an Error.
const protocolError = (type: string, retriable: boolean): Error =>
  new KafkaJSProtocolError({ message: `broker said ${type}`, type, code: 0, retriable } as unknown as Error);
// What kafkajs's retrier throws: the real error in `cause`.
const afterRetries = (cause: Error): Error => new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 3, retryTime: 3_000 });
const nonRetriable = (cause: Error): Error => new (KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error)(cause, { cause });
const sasl = (message: string): Error => new (KafkaJSSASLAuthenticationError as unknown as new (m: string) => Error)(message);
const refused = (): Error => {
  const error = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 10.0.0.5:9092', { broker: '10.0.0.5:9092' });
  (error as unknown as { code: string }).code = 'ECONNREFUSED';
  return error;
};

const table: ReadonlyArray<readonly [string, Error, SendFailureKind, RegExp]> = [
  ['a message too large', nonRetriable(protocolError('MESSAGE_TOO_LARGE', false)), 'permanent', /too large for topic reports \(2048 bytes before compression\); shorten it/],
  ['a record list too large', protocolError('RECORD_LIST_TOO_LARGE', false), 'permanent', /max\.message\.bytes/],
  ['an invalid record', nonRetriable(protocolError('INVALID_RECORD', false)), 'permanent', /invalid record for topic reports/],
  ['a refused write', nonRetriable(protocolError('TOPIC_AUTHORIZATION_FAILED', false)), 'permanent', /do not let this profile write to topic reports \(topic authorization failed\); ask the Kafka administrator/],
  ['a refused cluster action', protocolError('CLUSTER_AUTHORIZATION_FAILED', false), 'permanent', /cluster authorization failed/],
  ['a refused password', sasl('SASL PLAIN authentication failed: bad credentials'), 'permanent', /refused the profile's user name or password .*Connections tab/],
  ['an unknown producer id', nonRetriable(protocolError('UNKNOWN_PRODUCER_ID', false)), 'recreate', /new one/],
  ['a sequence out of order', nonRetriable(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', false)), 'recreate', /out of order sequence number/],
  ['a fenced producer', protocolError('INVALID_PRODUCER_EPOCH', false), 'recreate', /invalid producer epoch/],
  ['a missing topic, retried', afterRetries(protocolError('UNKNOWN_TOPIC_OR_PARTITION', true)), 'missing-topic', /^Topic reports does not exist .*create it/],
  ['a refused connection', refused(), 'retry', /^Cannot reach the brokers at 10\.0\.0\.5:9092: the connection was refused\. Outpost keeps trying/],
  ['a refused connection, retried', afterRetries(refused()), 'retry', /the connection was refused/],
  ['a closed connection', new KafkaJSConnectionError('Closed connection', { broker: '10.0.0.5:9092' }), 'retry', /Cannot reach/],
  ['a request timeout', new KafkaJSRequestTimeoutError('Request Produce(key: 0, version: 7) timed out'), 'retry', /Outpost keeps trying/],
  ['a leader not available, retried', afterRetries(protocolError('LEADER_NOT_AVAILABLE', true)), 'retry', /Outpost keeps trying/],
  ['the sender’s own deadline', new Error('sending the message did not finish within 30 s'), 'retry', /did not finish within 30 s/],
];

describe('Given a send that failed', () => {
  it.each(table)('When the failure is %s, Then the sender treats it as the right kind and says so in a sentence', (_, error, kind, sentence) => {
    const failure = classifySendError(error, CONTEXT);
    expect(failure.kind).toBe(kind);
    expect(failure.sentence).toMatch(sentence);
    expect(failure.sentence).toMatch(/\.$/);
  });
});
