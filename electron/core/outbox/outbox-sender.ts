import { CompressionTypes, Kafka, Partitioners, type ICustomPartitioner, type Producer, type RecordMetadata } from 'kafkajs';
import { backoffDelay } from '../kafka/backoff';
import { kafkaClientConfig } from '../kafka/client-config';
import { describeKafkaError } from '../kafka/describe-kafka-error';
import { withTimeout } from '../kafka/with-timeout';
import type { Precedence } from '../../../shared/outbox';
import type { Cancel, Clock, Log, Secrets } from '../ports';
import type { OutboundDestination, QueuedOutbound, Store, StoredProfile } from '../store/store';
import { createByteBudget } from './byte-budget';
import { classifySendError, type SendFailure } from './classify-send-error';
import { gzippedSize } from './compressed-size';
import { MESSAGE_ID_HEADER, wireKeyAndHeaders } from './wire-message';

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
/** One request carries at most this many messages, so one refused batch or one slow ack holds back little. */
const MAX_BATCH_MESSAGES = 500;
/** Uncompressed; well under the 1 MB a broker accepts by default, even before gzip. */
const MAX_BATCH_BYTES = 256 * 1024;
/**
 * Under a budget a batch holds at most this much of it, so a FLASH queued behind a backlog waits
 * for about a second of link time at most before it goes.
 */
const BATCH_BUDGET_SECONDS = 1;
const BATCH_REFUSED_NOTE = 'The broker refused the request this message was in; it goes again on its own, to find the message at fault.';
/** A Kafka record batch's own header, sent uncompressed ahead of the compressed records. */
const RECORD_BATCH_HEADER_BYTES = 61;
/**
 * Each record's lengths, attribute and timestamp and offset deltas: varints that gzip barely
 * shrinks. Measured by bench:outbox as what brought the charge to the bytes the broker stores.
 */
const RECORD_FRAMING_BYTES = 8;
/** The measured rate covers the requests of the last few seconds: recent enough to follow the link, long enough to smooth it. */
const MEASURE_WINDOW_MS = 10_000;
const MEASURE_MAX_SENDS = 50;

/**
 * Drains one destination (a profile and a topic) in the store's order: highest precedence first,
 * then oldest. It reads the front of the queue again before every request, so a FLASH queued
 * behind a hundred ROUTINE messages goes in the next one. Each request goes with acks from every
 * in-sync replica through an idempotent producer, so kafkajs's own retries cannot write a message
 * twice; the record key and a header carry the message id, so a receiver can drop the copy a
 * crash mid-send may cause. Under a bandwidth budget each request waits until the budget covers
 * its gzipped size.
 */
export interface OutboxSender {
  /** Starts draining when idle; a sender that is backing off keeps its pace. */
  wake(): void;
  /** Waits for the send in flight, then disconnects. */
  stop(): Promise<void>;
  /** How the drain is going, for the estimate of the time it takes. */
  progress(): SenderProgress;
}

export interface SenderProgress {
  /** Gzipped bytes a second over the last requests, waits for the budget included; null before any. */
  readonly measuredBytesPerSecond: number | null;
  /** Gzipped size of a batch over the sum of its messages compressed one by one; 1 before any. */
  readonly batchCompression: number;
  /** Why the queue is not moving, or null while it is. */
  readonly waiting: string | null;
  /** Gzipped bytes of every request the broker acknowledged. */
  readonly sentWireBytes: number;
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
  /** One key for every message, so they keep their order in one partition; each message's own key otherwise. */
  readonly recordKey?: string | undefined;
}): OutboxSender {
  const { destination, store, clock, log } = options;
  const backoff = options.backoff ?? DEFAULT_SEND_BACKOFF;
  const label = `Outbox ${destination.profileId}/${destination.topic}`;
  const budget = createByteBudget(clock);

  let draining = false;
  let stopped = false;
  let drained: Promise<void> = Promise.resolve();
  let producer: { readonly client: Producer; readonly brokers: readonly string[] } | null = null;
  let failuresInARow = 0;
  let missingTopicSends = 0;
  /** After the broker refuses a batch for good, this many messages go one by one, so only the one at fault fails. */
  let sendAloneFor = 0;
  /**
   * Halved when a request fails for a reason that may pass (a slow link timing it out, say) and
   * doubled back after each success, so a link too slow for a large request still moves.
   */
  let batchLimit = MAX_BATCH_MESSAGES;
  let waiting: string | null = null;
  let measuredBytesPerSecond: number | null = null;
  let batchCompression = 1;
  let sentWireBytes = 0;
  let wakeFromSleep: (() => void) | null = null;
  let cancelSleep: Cancel | null = null;
  /** Only a wait for the budget ends early when a message is queued; a backoff keeps its pace. */
  let waitingForBudget = false;
  /** The last requests sent, for the measured rate. */
  const recentSends: { readonly began: number; readonly sentAt: number; readonly chargedBytes: number; readonly wireBytes: number }[] = [];
  /** The partition kafkajs's partitioner picked for each message id in the request being sent. */
  const partitionOfMessage = new Map<string, number>();

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

  const headOfQueue = (): QueuedOutbound | null => store.queuedOutbound(destination, (_next, countBefore) => countBefore === 0)[0] ?? null;

  /** Tells the analyst why the message at the head of the queue is still waiting, once per reason. */
  const noteWaiting = (reason: string): void => {
    waiting = reason;
    const head = headOfQueue();
    if (head === null || head.reason === reason) return;
    if (store.transitionOutbound(head.id, ['queued'], { state: 'queued', at: clock.now(), reason, note: reason }) !== null) options.onChange();
  };

  const currentProfile = (): StoredProfile | null => store.listProfiles().find((profile) => profile.id === destination.profileId) ?? null;

  const recordingPartitioner: ICustomPartitioner = () => {
    const choose = Partitioners.DefaultPartitioner();
    return (args) => {
      const partition = choose(args);
      const id = args.message.headers?.[MESSAGE_ID_HEADER];
      if (typeof id === 'string') partitionOfMessage.set(id, partition);
      return partition;
    };
  };

  /** A connected producer, or null after noting why there is none. */
  const connectedProducer = async (): Promise<Producer | null> => {
    if (producer !== null) return producer.client;
    const profile = currentProfile();
    if (profile === null) {
      noteWaiting(`The connection profile is gone; add a profile with the id ${destination.profileId} again to send this, or cancel it.`);
      return null;
    }
    if (!profile.enabled) {
      noteWaiting(`The connection profile ${profile.name} is switched off; switch it on in the Connections tab to send this, or cancel it.`);
      return null;
    }
    try {
      const kafka = new Kafka(await kafkaClientConfig(profile, options.secrets, log));
      const client = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: recordingPartitioner, retry: PRODUCER_RETRY });
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

  /** The front of the queue that fits in one request under the current budget. */
  const nextBatch = (budgetBytesPerSecond: number | null): QueuedOutbound[] => {
    const maxMessages = sendAloneFor > 0 ? 1 : batchLimit;
    // Messages are costed one by one at enqueue; together they compress better, by the ratio last seen.
    const maxWireBytes = budgetBytesPerSecond === null ? Number.POSITIVE_INFINITY : (budgetBytesPerSecond * BATCH_BUDGET_SECONDS) / batchCompression;
    let wireBytesBefore = 0;
    let precedence: Precedence | null = null;
    return store.queuedOutbound(destination, (next, countBefore, bytesBefore) => {
      if (countBefore === 0) {
        wireBytesBefore = next.wireBytes;
        precedence = next.precedence;
        return true;
      }
      // One precedence per request: a FLASH waits for no ROUTINE message, in the link or in the budget.
      const fits =
        next.precedence === precedence &&
        countBefore < maxMessages &&
        bytesBefore + next.bytes <= MAX_BATCH_BYTES &&
        wireBytesBefore + next.wireBytes <= maxWireBytes;
      if (fits) wireBytesBefore += next.wireBytes;
      return fits;
    });
  };

  /**
   * The next request, once the budget covers it. A message queued during the wait (a FLASH, say)
   * ends the wait, and the front of the queue is read again, so it goes in this request.
   */
  const nextAffordableBatch = async (): Promise<{ readonly batch: QueuedOutbound[]; readonly chargedBytes: number; readonly budgetBytesPerSecond: number | null } | null> => {
    while (!stopped) {
      const budgetBytesPerSecond = store.outboundBudget(destination);
      const batch = nextBatch(budgetBytesPerSecond);
      if (batch.length === 0) return null;
      const chargedBytes = RECORD_BATCH_HEADER_BYTES + RECORD_FRAMING_BYTES * batch.length + gzippedSize(batch.flatMap((message) => wireParts(message, options.recordKey ?? message.recordKey ?? undefined)));
      const delayMs = budget.delayFor(chargedBytes, budgetBytesPerSecond);
      if (delayMs === 0) return { batch, chargedBytes, budgetBytesPerSecond };
      waitingForBudget = true;
      await sleep(delayMs);
      waitingForBudget = false;
    }
    return null;
  };

  /** Over the last requests, waits for the budget included, so the rate is the one the queue really drains at. */
  const measure = (send: (typeof recentSends)[number]): void => {
    recentSends.push(send);
    while (recentSends.length > 1 && ((recentSends[0]?.sentAt ?? 0) < send.sentAt - MEASURE_WINDOW_MS || recentSends.length > MEASURE_MAX_SENDS)) recentSends.shift();
    const chargedBytes = recentSends.reduce((sum, recent) => sum + recent.chargedBytes, 0);
    const wireBytes = recentSends.reduce((sum, recent) => sum + recent.wireBytes, 0);
    // Summed per request, so a pause with nothing to send does not count as a slow link.
    const busyMs = recentSends.reduce((sum, recent) => sum + (recent.sentAt - recent.began), 0);
    measuredBytesPerSecond = (chargedBytes * 1000) / Math.max(1, busyMs);
    batchCompression = chargedBytes / Math.max(1, wireBytes);
  };

  /** `moved-on` once a batch has left the queue for good or for a moment; `waiting` to back off first. */
  const sendNext = async (): Promise<'moved-on' | 'waiting'> => {
    const client = await connectedProducer();
    if (client === null || stopped) return 'waiting';
    const began = clock.now();
    // Read again: connecting takes time, and a FLASH may have been queued meanwhile.
    const affordable = await nextAffordableBatch();
    if (affordable === null) return 'moved-on';
    const { batch: candidates, chargedBytes, budgetBytesPerSecond } = affordable;

    const at = clock.now();
    const moved = new Set(store.transitionOutboundMany(['queued'], candidates.map(({ id }) => ({ id, change: { state: 'sending', at, attempt: true, reason: null } }))));
    // A message cancelled or edited while the batch waited for the budget stays behind.
    const batch = candidates.filter(({ id }) => moved.has(id));
    if (batch.length === 0) return 'moved-on';
    const records = batch.map((message) => ({ ...wireKeyAndHeaders(message, options.recordKey ?? message.recordKey ?? undefined), value: Buffer.from(message.payload.buffer, message.payload.byteOffset, message.payload.byteLength) }));
    options.onChange();
    budget.charge(chargedBytes, budgetBytesPerSecond);
    const brokers = producer?.brokers ?? [];
    partitionOfMessage.clear();
    try {
      const placements = await withTimeout(
        client.send({ topic: destination.topic, acks: -1, compression: CompressionTypes.GZIP, messages: records }),
        SEND_DEADLINE_MS,
        batch.length === 1 ? 'sending the message' : `sending ${batch.length} messages`,
      );
      const sentAt = clock.now();
      const offsets = offsetsByMessage(batch.map(({ id }) => id), partitionOfMessage, placements);
      // What the request cost, shared by what each message would have cost alone: a batch compresses far better than its messages one by one.
      const batchWireBytes = batch.reduce((sum, message) => sum + message.wireBytes, 0);
      store.transitionOutboundMany(
        ['sending'],
        batch.map(({ id, wireBytes }) => ({
          id,
          change: {
            state: 'sent',
            at: sentAt,
            reason: null,
            partition: partitionOfMessage.get(id),
            offset: offsets.get(id),
            chargedBytes: batchWireBytes === 0 ? chargedBytes / batch.length : (chargedBytes * wireBytes) / batchWireBytes,
          },
        })),
      );
      options.onChange();
      sentWireBytes += chargedBytes;
      measure({ began, sentAt, chargedBytes, wireBytes: batch.reduce((sum, message) => sum + message.wireBytes, 0) });
      waiting = null;
      failuresInARow = 0;
      missingTopicSends = 0;
      if (sendAloneFor > 0) sendAloneFor -= 1;
      batchLimit = Math.min(MAX_BATCH_MESSAGES, batchLimit * 2);
      return 'moved-on';
    } catch (error) {
      const bytes = batch.reduce((sum, message) => sum + message.bytes, 0);
      return settleFailure(batch, classifySendError(error, { brokers, topic: destination.topic, bytes }));
    }
  };

  const settleFailure = async (batch: readonly QueuedOutbound[], failure: SendFailure): Promise<'moved-on' | 'waiting'> => {
    const ids = batch.map(({ id }) => id);
    log.warn(`${label}: ${ids.length === 1 ? `message ${ids[0]}` : `${ids.length} messages`}: ${failure.sentence}`);
    const gaveUp = failure.kind === 'permanent' || (failure.kind === 'missing-topic' && ++missingTopicSends >= MISSING_TOPIC_PERSISTS_AFTER);
    // A whole batch refused for good may be one bad message among good ones: find it by sending each alone.
    if (gaveUp && batch.length > 1) {
      sendAloneFor = batch.length;
      const at = clock.now();
      store.transitionOutboundMany(['sending'], ids.map((id) => ({ id, change: { state: 'queued', at, note: BATCH_REFUSED_NOTE } })));
    } else {
      const at = clock.now();
      store.transitionOutboundMany(['sending'], ids.map((id) => ({ id, change: { state: gaveUp ? 'failed' : 'queued', at, reason: failure.sentence, note: failure.sentence } })));
      if (!gaveUp) {
        waiting = failure.sentence;
        batchLimit = Math.max(1, Math.floor(batch.length / 2));
      } else if (sendAloneFor > 0) sendAloneFor -= 1;
    }
    options.onChange();
    // A new producer each time: a fresh id and sequence leave nothing of the failed send behind.
    await disposeProducer();
    if (gaveUp) return 'moved-on';
    if (failure.kind === 'recreate') failuresInARow = 0;
    return 'waiting';
  };

  /** Whether anything is queued; false also ends draining, in the same tick, so no wake() can fall between the two. */
  const hasQueued = (): boolean => {
    if (headOfQueue() !== null) return true;
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
      if (stopped) return;
      if (waitingForBudget) interruptSleep();
      if (draining) return;
      draining = true;
      drained = drain();
    },
    async stop() {
      stopped = true;
      interruptSleep();
      await drained;
      await disposeProducer();
    },
    progress: () => ({ measuredBytesPerSecond, batchCompression, waiting, sentWireBytes }),
  };
}

/** What kafkajs compresses of a message: its key, its headers and its value. */
function wireParts(message: QueuedOutbound, recordKey: string | undefined): Uint8Array[] {
  const { key, headers } = wireKeyAndHeaders(message, recordKey);
  return [Buffer.from(key), ...Object.entries(headers).map(([name, value]) => Buffer.from(`${name}${String(value)}`)), message.payload];
}

/**
 * Each message's offset: the broker answers with the first offset it gave each partition, and
 * kafkajs keeps the order of the messages within a partition.
 */
function offsetsByMessage(ids: readonly string[], partitionOfMessage: ReadonlyMap<string, number>, placements: readonly RecordMetadata[]): Map<string, string> {
  const nextOffset = new Map<number, bigint>();
  for (const placement of placements) {
    const base = placement.baseOffset ?? placement.offset;
    if (base !== undefined) nextOffset.set(placement.partition, BigInt(base));
  }
  const offsets = new Map<string, string>();
  for (const id of ids) {
    const partition = partitionOfMessage.get(id);
    const offset = partition === undefined ? undefined : nextOffset.get(partition);
    if (partition === undefined || offset === undefined) continue;
    offsets.set(id, offset.toString());
    nextOffset.set(partition, offset + 1n);
  }
  return offsets;
}
