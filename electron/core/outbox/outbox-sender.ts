import { CompressionTypes, Kafka, Partitioners, type Producer } from 'kafkajs';
import { backoffDelay } from '../kafka/backoff';
import { kafkaClientConfig } from '../kafka/client-config';
import { describeKafkaError } from '../kafka/describe-kafka-error';
import { withTimeout } from '../kafka/with-timeout';
import type { Cancel, Clock, Log, Secrets } from '../ports';
import type { OutboundDestination, Store, StoredProfile } from '../store/store';
import { classifySendError, type SendFailure } from './classify-send-error';
import { wireKeyAndHeaders } from './wire-message';

export const DEFAULT_SEND_BACKOFF = { baseMs: 500, capMs: 5_000 };
const CONNECT_TIMEOUT_MS = 20_000;
/** kafkajs retries a send itself a few times; past this the sender takes over with its own backoff. */
const SEND_DEADLINE_MS = 30_000;
const DISCONNECT_TIMEOUT_MS = 5_000;
/**
 * With idempotent: true kafkajs would retry forever (a missing topic never settles), so a send
 * gets a few retries here and the sender decides what happens next.
 */
const PRODUCER_RETRY = { retries: 3, initialRetryTime: 300, maxRetryTime: 3_000 };
/** Sends in a row that found the topic missing before the sender believes it. */
const MISSING_TOPIC_PERSISTS_AFTER = 3;

/**
 * Drains one destination (a profile and a topic) one message at a time, in the store's order:
 * highest precedence first, then oldest. It asks the store for the next message before every
 * send, so a FLASH queued behind a hundred ROUTINE messages goes next. Each message goes with
 * acks from every in-sync replica through an idempotent producer, so kafkajs's own retries
 * cannot write it twice; the record key and a header carry the message id, so a receiver can
 * drop the copy a crash mid-send may cause.
 */
export interface OutboxSender {
  /** Starts draining when idle; a sender that is backing off keeps its pace. */
  wake(): void;
  /** Waits for the send in flight, then disconnects. */
  stop(): Promise<void>;
}

export function createOutboxSender(options: {
  readonly destination: OutboundDestination;
  readonly store: Store;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly log: Log;
  readonly onChange: () => void;
  readonly backoff?: { readonly baseMs: number; readonly capMs: number };
  readonly random?: () => number;
}): OutboxSender {
  const { destination, store, clock, log } = options;
  const backoff = options.backoff ?? DEFAULT_SEND_BACKOFF;
  const label = `Outbox ${destination.profileId}/${destination.topic}`;

  let draining = false;
  let stopped = false;
  let drained: Promise<void> = Promise.resolve();
  let producer: { readonly client: Producer; readonly brokers: readonly string[] } | null = null;
  let failuresInARow = 0;
  let missingTopicSends = 0;
  let wakeFromSleep: (() => void) | null = null;
  let cancelSleep: Cancel | null = null;

  const sleep = (delayMs: number): Promise<void> =>
    new Promise((resolve) => {
      wakeFromSleep = resolve;
      cancelSleep = clock.after(delayMs, resolve);
    });

  const interruptSleep = (): void => {
    cancelSleep?.();
    wakeFromSleep?.();
    cancelSleep = null;
    wakeFromSleep = null;
  };

  const backOff = (): Promise<void> => sleep(backoffDelay(failuresInARow++, backoff, options.random));

  const disposeProducer = async (): Promise<void> => {
    const old = producer;
    producer = null;
    if (old !== null) await withTimeout(old.client.disconnect(), DISCONNECT_TIMEOUT_MS, 'disconnecting the producer').catch(() => undefined);
  };

  /** Tells the analyst why the message at the head of the queue is still waiting, once per reason. */
  const noteWaiting = (reason: string): void => {
    const head = store.nextOutbound(destination);
    if (head === null || head.message.reason === reason) return;
    if (store.transitionOutbound(head.message.id, ['queued'], { state: 'queued', at: clock.now(), reason, note: reason }) !== null) options.onChange();
  };

  const currentProfile = (): StoredProfile | null => store.listProfiles().find((profile) => profile.id === destination.profileId) ?? null;

  /** A connected producer, or null after noting why there is none. */
  const connectedProducer = async (): Promise<Producer | null> => {
    if (producer !== null) return producer.client;
    const profile = currentProfile();
    if (profile === null) {
      noteWaiting(`The connection profile is gone; add a profile with the id ${destination.profileId} again to send this, or cancel it.`);
      return null;
    }
    try {
      const kafka = new Kafka(await kafkaClientConfig(profile, options.secrets, log));
      const client = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner, retry: PRODUCER_RETRY });
      // Held before connecting, so a connect that fails is disconnected too.
      producer = { client, brokers: profile.brokers };
      await withTimeout(client.connect(), CONNECT_TIMEOUT_MS, 'connecting the producer');
      return client;
    } catch (error) {
      const sentence = `${describeKafkaError(error, profile.brokers).sentence} Outpost keeps trying and sends it when the brokers answer.`;
      log.warn(`${label}: ${sentence}`);
      await disposeProducer();
      noteWaiting(sentence);
      return null;
    }
  };

  /** `moved-on` once a message has left the queue for good or for a moment; `waiting` to back off first. */
  const sendNext = async (): Promise<'moved-on' | 'waiting'> => {
    const client = await connectedProducer();
    if (client === null || stopped) return 'waiting';
    // Read again: connecting takes time, and a FLASH may have been queued meanwhile.
    const next = store.nextOutbound(destination);
    if (next === null) return 'moved-on';
    const { message, payload } = next;
    if (store.transitionOutbound(message.id, ['queued'], { state: 'sending', at: clock.now(), attempt: true }) === null) return 'moved-on';
    options.onChange();
    const brokers = producer?.brokers ?? [];
    try {
      const [metadata] = await withTimeout(
        client.send({
          topic: destination.topic,
          acks: -1,
          compression: CompressionTypes.GZIP,
          messages: [{ ...wireKeyAndHeaders(message), value: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength) }],
        }),
        SEND_DEADLINE_MS,
        'sending the message',
      );
      store.transitionOutbound(message.id, ['sending'], {
        state: 'sent',
        at: clock.now(),
        reason: null,
        partition: metadata?.partition,
        offset: metadata?.baseOffset ?? metadata?.offset,
      });
      options.onChange();
      failuresInARow = 0;
      missingTopicSends = 0;
      return 'moved-on';
    } catch (error) {
      return settleFailure(message.id, classifySendError(error, { brokers, topic: destination.topic, bytes: message.bytes }));
    }
  };

  const settleFailure = async (id: string, failure: SendFailure): Promise<'moved-on' | 'waiting'> => {
    log.warn(`${label}: message ${id}: ${failure.sentence}`);
    const gaveUp = failure.kind === 'permanent' || (failure.kind === 'missing-topic' && ++missingTopicSends >= MISSING_TOPIC_PERSISTS_AFTER);
    const state = gaveUp ? 'failed' : 'queued';
    store.transitionOutbound(id, ['sending'], { state, at: clock.now(), reason: failure.sentence, note: failure.sentence });
    options.onChange();
    // A new producer each time: a fresh id and sequence leave nothing of the failed send behind.
    await disposeProducer();
    if (gaveUp) return 'moved-on';
    if (failure.kind === 'recreate') failuresInARow = 0;
    return 'waiting';
  };

  /** Whether anything is queued; false also ends draining, in the same tick, so no wake() can fall between the two. */
  const hasQueued = (): boolean => {
    if (store.nextOutbound(destination) !== null) return true;
    draining = false;
    return false;
  };

  const drain = async (): Promise<void> => {
    while (!stopped) {
      let outcome: 'moved-on' | 'waiting';
      try {
        if (!hasQueued()) return;
        outcome = await sendNext();
      } catch (error) {
        // The store failed under the sender (a full disk, say): nothing is lost, so wait and go again.
        log.warn(`${label}: the outbox could not be read or updated (${String(error)}).`);
        outcome = 'waiting';
      }
      if (outcome === 'waiting' && !stopped) await backOff();
    }
    draining = false;
  };

  return {
    wake() {
      if (stopped || draining) return;
      draining = true;
      drained = drain();
    },
    async stop() {
      stopped = true;
      interruptSleep();
      await drained;
      await disposeProducer();
    },
  };
}
