import { Kafka, type Admin, type Consumer, type IHeaders, type KafkaMessage } from 'kafkajs';
import type { IngestSettings } from '../../../shared/config';
import type { PartitionLag, ProfileStatus } from '../../../shared/connections';
import type { ConnectionState } from '../../../shared/domain';
import type { BatchWriter } from '../ingest/batch-writer';
import type { RawRecord } from '../ingest/raw-record';
import type { Cancel, Clock, Log, Secrets } from '../ports';
import type { Store, StoredProfile, StoredSubscription } from '../store/store';
import { backoffDelay } from './backoff';
import { kafkaClientConfig } from './client-config';
import { connectionSecurityOf, describeKafkaError } from './describe-kafka-error';
import { createTopicRouter } from './topic-router';
import { withTimeout } from './with-timeout';

/** Without a fetch for this long, the client is taken to be hung and is replaced. */
export const STALL_AFTER_MS = 30_000;
const WATCHDOG_EVERY_MS = 5_000;
const LAG_EVERY_MS = 1_000;
const RATE_WINDOW_MS = 5_000;
const BACKOFF = { baseMs: 500, capMs: 5_000 };
const CONNECT_TIMEOUT_MS = 20_000;
const DISPOSE_TIMEOUT_MS = 5_000;
const COMMIT_EVERY_MS = 1_000;
/** Records fetched but not yet in the cache; past this, fetching waits for the ingest thread. */
const MAX_OUTSTANDING_RECORDS = 50_000;

/**
 * Consumes one connection profile's subscriptions into the cache, and
 * supervises the kafkajs client rather than trusting it: a crash, a failed
 * connect or a stall (no fetch for 30 s) disposes of the client and builds a
 * new one after a capped, jittered backoff. Fetching runs ahead of the cache
 * by a bounded amount, so Kafka and SQLite work in parallel. Each partition
 * resumes from the offset committed with its records in the cache; Kafka's
 * own commit follows the local one, so a crash repeats work rather than
 * losing it, and the cache's unique key absorbs the repeat.
 */
export interface ProfileConsumer {
  start(): void;
  stop(): Promise<void>;
  status(): ProfileStatus;
}

export function createProfileConsumer(options: {
  readonly profile: StoredProfile;
  readonly subscriptions: readonly StoredSubscription[];
  readonly groupId: string;
  readonly settings: IngestSettings;
  readonly store: Store;
  readonly writer: BatchWriter;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly log: Log;
  readonly onStatusChange: () => void;
  readonly random?: () => number;
}): ProfileConsumer {
  const { profile, clock, log, store, writer } = options;
  const router = createTopicRouter(options.subscriptions);

  let state: ConnectionState = 'connecting';
  let reason: string | null = null;
  let since = clock.now();
  let stopped = false;
  let generation = 0;
  let attempt = 0;
  // Once the brokers have answered, a dropped connection is the link, not a listener of another protocol.
  let everConnected = false;
  let consumer: Consumer | null = null;
  let admin: Admin | null = null;
  let assignment: Record<string, number[]> = {};
  let lastActivity = clock.now();
  let partitions: PartitionLag[] = [];
  let catchUp: ProfileStatus['catchUp'] = null;
  const pendingCommits = new Map<string, { topic: string; partition: number; offset: string }>();
  const recent: Array<{ at: number; count: number }> = [];
  const timers: Cancel[] = [];
  let restartTimer: Cancel | null = null;

  const setState = (next: ConnectionState, why: string | null): void => {
    if (next === state && why === reason) return;
    if (next !== state) since = clock.now();
    state = next;
    reason = why;
    options.onStatusChange();
  };

  const commitToKafka = async (): Promise<void> => {
    const current = consumer;
    if (current === null || pendingCommits.size === 0) return;
    const offsets = [...pendingCommits.values()];
    pendingCommits.clear();
    try {
      await withTimeout(current.commitOffsets(offsets), 10_000, 'committing offsets to Kafka');
    } catch (error) {
      // The cache's own offsets decide where consumption resumes; Kafka's copy can lag safely.
      log.warn(`Profile ${profile.id}: offsets could not be committed to Kafka yet.`, { error: String(error) });
    }
  };

  const dispose = async (): Promise<void> => {
    const [oldConsumer, oldAdmin] = [consumer, admin];
    consumer = null;
    admin = null;
    await Promise.all([
      oldConsumer === null ? null : withTimeout(oldConsumer.disconnect(), DISPOSE_TIMEOUT_MS, 'disconnect').catch(() => undefined),
      oldAdmin === null ? null : withTimeout(oldAdmin.disconnect(), DISPOSE_TIMEOUT_MS, 'disconnect').catch(() => undefined),
    ]);
  };

  const restart = (cause: unknown, ownGeneration: number): void => {
    if (stopped || ownGeneration !== generation || restartTimer !== null) return;
    const failure = describeKafkaError(cause, profile.brokers, connectionSecurityOf(profile, { firstContact: !everConnected }));
    const delay = backoffDelay(attempt, BACKOFF, options.random);
    attempt += 1;
    log.warn(`Profile ${profile.id}: ${failure.sentence}`, { retryInMs: delay });
    setState('offline', `${failure.sentence} Retrying in ${Math.max(1, Math.round(delay / 1000))} s.`);
    generation += 1;
    void dispose().then(() => {
      if (stopped) return;
      restartTimer = clock.after(delay, () => {
        restartTimer = null;
        void connect();
      });
    });
  };

  const storedNextOffsets = (): Map<string, number> =>
    new Map(store.nextOffsets(profile.id).map((o) => [`${o.topic}\u0000${o.partition}`, o.nextOffset]));

  const connect = async (): Promise<void> => {
    const own = ++generation;
    setState('connecting', state === 'offline' ? reason : null);
    try {
      const kafka = new Kafka(await kafkaClientConfig(profile, options.secrets, log));
      const current = kafka.consumer({
        groupId: options.groupId,
        // Short sessions let a replacement client rejoin quickly after a broker returns.
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        maxBytesPerPartition: options.settings.fetchMaxBytesPerPartition,
        retry: { retries: 2, initialRetryTime: 250, maxRetryTime: 2_000, restartOnFailure: async () => false },
      });
      consumer = current;
      admin = kafka.admin();
      current.on(current.events.FETCH_START, () => {
        lastActivity = clock.now();
      });
      current.on(current.events.CRASH, (event) => restart(event.payload.error, own));
      current.on(current.events.GROUP_JOIN, (event) => {
        if (own !== generation) return;
        attempt = 0;
        everConnected = true;
        assignment = event.payload.memberAssignment;
        resumeFromCache(current, assignment);
        setState('connected', null);
        // The backlog is news the moment the partitions are known, not a poll later.
        void pollLag();
      });
      await withTimeout(current.connect(), CONNECT_TIMEOUT_MS, 'connecting');
      await withTimeout(admin.connect(), CONNECT_TIMEOUT_MS, 'connecting the admin client');
      if (router.topics.length > 0) {
        await withTimeout(current.subscribe({ topics: [...router.topics], fromBeginning: true }), CONNECT_TIMEOUT_MS, 'subscribing');
      }
      lastActivity = clock.now();
      await current.run({
        // Kafka hears of an offset only after the cache has committed it (see commitToKafka).
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 3,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
          if (!isRunning() || isStale() || stopped || own !== generation) return;
          lastActivity = clock.now();
          if (batch.messages.length > 0) {
            await writer.whenBelow(MAX_OUTSTANDING_RECORDS);
            const route = router.route(batch.topic);
            const records = batch.messages.map((message) => toRawRecord(batch.topic, batch.partition, message));
            const next = { topic: batch.topic, partition: batch.partition, offset: String(Number(batch.lastOffset()) + 1) };
            writer.write({ source: profile.id, ...route, records }).then(
              () => {
                noteStored(records.length);
                if (own === generation) pendingCommits.set(`${next.topic}\u0000${next.partition}`, next);
              },
              (error: unknown) => restart(error, own),
            );
          }
          // Moves the fetch position on; what Kafka is told is committed waits for the cache.
          resolveOffset(batch.lastOffset());
          await heartbeat();
        },
      });
    } catch (error) {
      restart(error, own);
    }
  };

  const resumeFromCache = (current: Consumer, assigned: Record<string, number[]>): void => {
    const next = storedNextOffsets();
    for (const [topic, partitionIds] of Object.entries(assigned)) {
      for (const partition of partitionIds) {
        const offset = next.get(`${topic}\u0000${partition}`);
        if (offset === undefined) continue;
        try {
          current.seek({ topic, partition, offset: String(offset) });
        } catch (error) {
          // Harmless: the partition then starts from Kafka's committed offset and the cache drops the repeats.
          log.warn(`Profile ${profile.id}: could not resume ${topic}/${partition} from the cache's offset.`, { error: String(error) });
        }
      }
    }
  };

  const noteStored = (count: number): void => {
    recent.push({ at: clock.now(), count });
  };

  const rate = (): number => {
    const horizon = clock.now() - RATE_WINDOW_MS;
    while (recent.length > 0 && (recent[0]?.at ?? 0) < horizon) recent.shift();
    return recent.reduce((sum, r) => sum + r.count, 0) / (RATE_WINDOW_MS / 1000);
  };

  const pollLag = async (): Promise<void> => {
    const currentAdmin = admin;
    if (currentAdmin === null || state === 'offline' || state === 'connecting') return;
    try {
      const next = storedNextOffsets();
      const lags: PartitionLag[] = [];
      for (const topic of Object.keys(assignment)) {
        const offsets = await withTimeout(currentAdmin.fetchTopicOffsets(topic), 5_000, 'reading the topic’s end offsets');
        for (const { partition, high, low } of offsets) {
          const endOffset = Number(high);
          const nextOffset = next.get(`${topic}\u0000${partition}`) ?? Number(low);
          lags.push({ topic, partition, nextOffset, endOffset, lag: Math.max(0, endOffset - nextOffset) });
        }
      }
      partitions = lags;
      const backlog = lags.reduce((sum, p) => sum + p.lag, 0);
      if (backlog === 0) catchUp = null;
      else {
        const total = Math.max(catchUp?.total ?? 0, (catchUp?.done ?? 0) + backlog);
        catchUp = { total, done: total - backlog };
      }
      if (state === 'degraded') setState('connected', null);
      options.onStatusChange();
    } catch (error) {
      setState('degraded', `Consuming, but the lag could not be read: ${describeKafkaError(error, profile.brokers, connectionSecurityOf(profile, { firstContact: false })).sentence}`);
    }
  };

  const watchdog = (): void => {
    if (stopped || consumer === null || state === 'offline') return;
    const idle = clock.now() - lastActivity;
    if (idle > STALL_AFTER_MS) {
      restart(new Error(`the Kafka client made no progress for ${Math.round(idle / 1000)} s and was replaced`), generation);
    }
  };

  return {
    start() {
      timers.push(clock.every(WATCHDOG_EVERY_MS, watchdog));
      timers.push(clock.every(COMMIT_EVERY_MS, () => void commitToKafka()));
      timers.push(clock.every(LAG_EVERY_MS, () => void pollLag()));
      void connect();
    },
    async stop() {
      stopped = true;
      for (const cancel of timers.splice(0)) cancel();
      restartTimer?.();
      await writer.drain();
      await commitToKafka();
      generation += 1;
      await dispose();
    },
    status: () => ({ profileId: profile.id, name: profile.name, state, reason, since, partitions, catchUp, rate: rate() }),
  };
}

function toRawRecord(topic: string, partition: number, message: KafkaMessage): RawRecord {
  return {
    topic,
    partition,
    offset: Number(message.offset),
    timestamp: Number(message.timestamp),
    key: message.key,
    headers: toHeaders(message.headers),
    value: message.value ?? new Uint8Array(),
  };
}

function toHeaders(headers: IHeaders | undefined): Record<string, string> | null {
  if (headers === undefined) return null;
  const entries = Object.entries(headers).flatMap(([name, value]) => {
    if (value === undefined) return [];
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    return [[name, text] as const];
  });
  return entries.length === 0 ? null : Object.fromEntries(entries);
}
