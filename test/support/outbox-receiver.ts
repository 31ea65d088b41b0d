import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from './wait-for';

/** One record of an outbox topic as a receiver on the far side sees it. */
export interface OutboxArrival {
  /** The `outpost-msg-id` header. */
  readonly id: string;
  /** The record key, which should be the same id. */
  readonly key: string;
  readonly partition: number;
  readonly offset: number;
}

/** What a receiver that drops copies by id makes of a topic. */
export interface ArrivalSummary {
  readonly records: number;
  readonly distinctIds: number;
  /** Records beyond the first of each id. */
  readonly duplicates: number;
  /** Ids that arrived more than once. */
  readonly duplicatedIds: readonly string[];
  /** Ids that arrived but were never queued. */
  readonly unknownIds: readonly string[];
  /** Ids queued that never arrived. */
  readonly missingIds: readonly string[];
  /** Records whose key is not their `outpost-msg-id` header. */
  readonly keyMismatches: number;
}

/** How many records the topic holds, summed over its partitions (each starts at offset 0 here). */
export async function topicRecordCount(brokers: string[], topic: string): Promise<number> {
  const admin = new Kafka({ clientId: 'outbox-receiver-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads the whole topic from the beginning with a consumer group of its own, until it has every
 * record the topic held when called (copies included), and returns them in arrival order.
 */
export async function readWholeTopic(brokers: string[], topic: string, timeoutMs: number): Promise<OutboxArrival[]> {
  const expected = await topicRecordCount(brokers, topic);
  const consumer = new Kafka({ clientId: 'outbox-receiver', brokers, logLevel: logLevel.NOTHING }).consumer({
    groupId: `outbox-receiver-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  });
  const arrivals: OutboxArrival[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        arrivals.push({
          id: String(message.headers?.['outpost-msg-id'] ?? ''),
          key: message.key?.toString() ?? '',
          partition,
          offset: Number(message.offset),
        });
      },
    });
    await waitFor(() => arrivals.length, (n) => n >= expected, timeoutMs, 200);
  } finally {
    await consumer.disconnect();
  }
  if (arrivals.length < expected) throw new Error(`The receiver read ${arrivals.length} of the ${expected} records on ${topic} within ${timeoutMs / 1000} s.`);
  return arrivals;
}

export function summariseArrivals(arrivals: readonly OutboxArrival[], queuedIds: readonly string[]): ArrivalSummary {
  const queued = new Set(queuedIds);
  const seen = new Map<string, number>();
  for (const arrival of arrivals) seen.set(arrival.id, (seen.get(arrival.id) ?? 0) + 1);
  return {
    records: arrivals.length,
    distinctIds: seen.size,
    duplicates: arrivals.length - seen.size,
    duplicatedIds: [...seen].filter(([, times]) => times > 1).map(([id]) => id),
    unknownIds: [...seen.keys()].filter((id) => !queued.has(id)),
    missingIds: queuedIds.filter((id) => !seen.has(id)),
    keyMismatches: arrivals.filter((arrival) => arrival.key !== arrival.id).length,
  };
}
