import { causeChain, describeKafkaError } from '../kafka/describe-kafka-error';

/**
 * What the sender does about a failed send:
 * - `permanent`: the message cannot go as it is; it is marked failed and the next one goes.
 * - `missing-topic`: the topic does not exist; permanent once it has persisted (a topic may be
 *   being created as Outpost sends).
 * - `recreate`: the broker no longer recognises the producer's id or sequence; only a new
 *   producer recovers, since kafkajs never fetches a new id on its own.
 * - `retry`: the link or the broker is not there yet; back off and send it again.
 */
export type SendFailureKind = 'permanent' | 'missing-topic' | 'recreate' | 'retry';

export interface SendFailure {
  readonly kind: SendFailureKind;
  /** One sentence for the analyst: what happened and, where they can act, what to do. */
  readonly sentence: string;
}

export interface SendContext {
  readonly brokers: readonly string[];
  readonly topic: string;
  /** Bytes of the message before compression. */
  readonly bytes: number;
}

const TOO_LARGE_TYPES = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);
const PRODUCER_STATE_TYPES = new Set(['UNKNOWN_PRODUCER_ID', 'OUT_OF_ORDER_SEQUENCE_NUMBER', 'INVALID_PRODUCER_EPOCH']);
const AUTHORISATION_TYPES = new Set(['TOPIC_AUTHORIZATION_FAILED', 'CLUSTER_AUTHORIZATION_FAILED', 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED']);

export function classifySendError(error: unknown, context: SendContext): SendFailure {
  const where = context.brokers.join(', ');
  const chain = causeChain(error);
  for (const link of chain) {
    const type = typeof link.type === 'string' ? link.type : '';
    if (TOO_LARGE_TYPES.has(type)) {
      return {
        kind: 'permanent',
        sentence:
          `The brokers at ${where} refused the message as too large for topic ${context.topic} (${context.bytes} bytes before compression); ` +
          `shorten it, or ask the topic's administrator to raise max.message.bytes and then retry it.`,
      };
    }
    if (type === 'INVALID_RECORD') {
      return {
        kind: 'permanent',
        sentence: `The brokers at ${where} refused the message as an invalid record for topic ${context.topic} (${link.message}); ask the topic's administrator what the topic accepts.`,
      };
    }
    if (AUTHORISATION_TYPES.has(type)) {
      return {
        kind: 'permanent',
        sentence: `The brokers at ${where} do not let this profile write to topic ${context.topic} (${type.toLowerCase().replaceAll('_', ' ')}); ask the Kafka administrator for write access, then retry it.`,
      };
    }
    if (link.name === 'KafkaJSSASLAuthenticationError') {
      return {
        kind: 'permanent',
        sentence: `The brokers at ${where} refused the profile's user name or password (${link.message}); correct them in the Connections tab, then retry it.`,
      };
    }
    if (PRODUCER_STATE_TYPES.has(type)) {
      return { kind: 'recreate', sentence: `The brokers at ${where} no longer recognised Outpost's producer (${type.toLowerCase().replaceAll('_', ' ')}); it is sending again with a new one.` };
    }
    if (type === 'UNKNOWN_TOPIC_OR_PARTITION') {
      return {
        kind: 'missing-topic',
        sentence: `Topic ${context.topic} does not exist on the brokers at ${where}; ask the Kafka administrator to create it, then retry it.`,
      };
    }
  }
  return { kind: 'retry', sentence: `${describeKafkaError(error, context.brokers).sentence} Outpost keeps trying and sends it when the brokers answer.` };
}
