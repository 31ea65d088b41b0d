import { Kafka, logLevel, type Consumer, type IHeaders, type KafkaMessage, type LogEntry } from 'kafkajs';
import type { KafkaSource as KafkaSettings, RecordFormat } from '../../../shared/config';
import type { Log } from '../ports';
import type { ConnectionMonitor } from './connection-monitor';
import type { Ingest } from './ingest';
import type { RawRecord } from './raw-record';
import type { Source } from './source';

export const KAFKA_SOURCE = 'kafka';
const RETRY_AFTER_MS = 5_000;

/**
 * Consumes the configured topics and hands each batch to the ingest path.
 * Offsets are committed to Kafka only after the batch is in the local cache,
 * so a crash replays a batch rather than losing one; the cache's unique key
 * absorbs the replay.
 */
export function createKafkaSource(options: {
  readonly settings: KafkaSettings;
  readonly groupId: string;
  readonly ingest: Ingest;
  readonly connection: ConnectionMonitor;
  readonly log: Log;
}): Source {
  const { settings, log, connection } = options;
  const formats = new Map<string, RecordFormat>(settings.subscriptions.map((s) => [s.topic, s.format]));
  const kafka = new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => log.warn(`kafka: ${entry.log.message}`, { namespace: entry.namespace }),
    retry: { initialRetryTime: 300, retries: 5, maxRetryTime: 10_000 },
  });
  let consumer: Consumer | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | null = null;

  const consume = async (): Promise<void> => {
    const current = kafka.consumer({ groupId: options.groupId, retry: { retries: 5 } });
    consumer = current;
    current.on(current.events.GROUP_JOIN, () => connection.set('connected', null));
    current.on(current.events.CRASH, ({ payload }) => {
      connection.set('degraded', `The Kafka consumer stopped: ${payload.error.message}. Outpost is reconnecting.`);
    });
    // Only a drop from a working connection is news; a failed connect reports its own reason.
    current.on(current.events.DISCONNECT, () => {
      if (!stopped && connection.current().state === 'connected') {
        connection.set('offline', 'The Kafka connection closed. Outpost is reconnecting.');
      }
    });
    await current.connect();
    for (const subscription of settings.subscriptions) {
      await current.subscribe({ topic: subscription.topic, fromBeginning: true });
    }
    await current.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const format = formats.get(batch.topic) ?? 'cot';
        const records = batch.messages.map((message) => toRawRecord(batch.topic, batch.partition, message));
        options.ingest.ingest(KAFKA_SOURCE, format, records);
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
        await heartbeat();
      },
    });
  };

  const startWithRetry = (): void => {
    consume().catch(async (error: unknown) => {
      if (stopped) return;
      const reason = error instanceof Error ? error.message : String(error);
      connection.set('offline', `Cannot reach Kafka at ${settings.brokers.join(', ')}: ${reason}. Retrying in ${RETRY_AFTER_MS / 1000} s.`);
      await consumer?.disconnect().catch(() => undefined);
      retryTimer = setTimeout(startWithRetry, RETRY_AFTER_MS);
    });
  };

  return {
    async start() {
      connection.set('connecting', null);
      startWithRetry();
    },
    async stop() {
      stopped = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      await consumer?.disconnect();
    },
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
