import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from './wait-for';

/** What a forwarded position carries in its JSON, as far as these tests read it. */
export interface ForwardedBody {
  readonly id: string;
  readonly kind: string;
  readonly rule: string;
  readonly uid: string;
  readonly time: number;
  readonly [field: string]: unknown;
}

/** One record of a cloud topic as a receiver there sees it. */
export interface ForwardedArrival {
  /** The `outpost-msg-id` header. */
  readonly id: string;
  readonly key: string;
  readonly partition: number;
  readonly offset: number;
  /** When this receiver read it, by this machine's clock. */
  readonly receivedAt: number;
  /** The value exactly as received. */
  readonly value: string;
  readonly body: ForwardedBody;
}

/** A receiver at the cloud, reading the topic from its beginning for as long as the test needs. */
export interface ForwardedWatch {
  /** What has landed so far, by partition, then offset: each entity's positions in the order they landed. */
  arrivals(): ForwardedArrival[];
  /** Waits until what has landed satisfies `done`, and returns it; throws a sentence saying what landed when it never does. */
  until(done: (arrivals: readonly ForwardedArrival[]) => boolean, timeoutMs: number): Promise<ForwardedArrival[]>;
  stop(): Promise<void>;
}

export async function watchForwarded(brokers: string[], topic: string): Promise<ForwardedWatch> {
  const consumer = new Kafka({ clientId: 'forwarded-receiver', brokers, logLevel: logLevel.NOTHING }).consumer({
    groupId: `forwarded-receiver-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    maxWaitTimeInMs: 100,
  });
  const landed: ForwardedArrival[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const value = message.value?.toString() ?? '';
      landed.push({
        id: String(message.headers?.['outpost-msg-id'] ?? ''),
        key: message.key?.toString() ?? '',
        partition,
        offset: Number(message.offset),
        receivedAt: Date.now(),
        value,
        body: JSON.parse(value) as ForwardedBody,
      });
    },
  });
  const arrivals = (): ForwardedArrival[] => [...landed].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  return {
    arrivals,
    async until(done, timeoutMs) {
      const seen = await waitFor(arrivals, done, timeoutMs, 50);
      if (!done(seen)) throw new Error(`The cloud topic ${topic} did not get what was expected within ${timeoutMs / 1000} s; it holds ${seen.length} records.`);
      return seen;
    },
    stop: () => consumer.disconnect(),
  };
}

/** Each entity's fix times, in seconds from `start`, in the order they landed. */
export function landedPerEntity(arrivals: readonly ForwardedArrival[], start: number): Record<string, number[]> {
  const perEntity: Record<string, number[]> = {};
  for (const arrival of arrivals) (perEntity[arrival.body.uid] ??= []).push((arrival.body.time - start) / 1_000);
  return perEntity;
}
