import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import type { Admin, Consumer, IHeaders, Message, RecordMetadata, logCreator } from 'kafkajs';
import { startKafka } from '../../support/kafka';

// Kafka 4.0 removed old protocol versions (KIP-896); kafkajs 2.2.4 must still find versions both sides speak.

const TOPIC = 'kafkajs-compat';
const GROUP_ID = 'kafkajs-compat-group';
const PARTITIONS = 3;
const MESSAGES_PER_PRODUCER = 100;
const MESSAGES_PER_SEND = 10;
const LATE_MESSAGES = 10;
const BROKER_START_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 30_000;
const CONSUME_DEADLINE_MS = 20_000;

interface ReceivedMessage {
  partition: number;
  offset: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

interface PartitionOffset {
  partition: number;
  offset: string;
}

/** kafkajs talks through this instead of the console, so a passing run stays quiet. */
function recordingLogCreator(lines: string[]): logCreator {
  return () =>
    ({ namespace, label, log }) => {
      const { timestamp, message, ...details } = log;
      lines.push(`${timestamp} ${label} [${namespace}] ${message} ${JSON.stringify(details)}`);
    };
}

function keyedMessages(producerName: string, count: number, firstSequence = 0): Message[] {
  return Array.from({ length: count }, (_, index) => {
    const sequence = firstSequence + index;
    return {
      key: `${producerName}-${sequence}`,
      value: JSON.stringify({ producerName, sequence }),
      headers: { producer: producerName, sequence: String(sequence), 'trace-id': `trace-${producerName}-${sequence}` },
    };
  });
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) {
      decoded[name] = [value].flat().map((part) => part.toString()).join(',');
    }
  }
  return decoded;
}

/** Runs the consumer until `expectedCount` messages arrived; anything beyond that would be a duplicate. */
async function consumeUntil(consumer: Consumer, expectedCount: number): Promise<ReceivedMessage[]> {
  const received: ReceivedMessage[] = [];
  const allReceived = new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(
      () => reject(new Error(`Received ${received.length} of ${expectedCount} messages within ${CONSUME_DEADLINE_MS} ms.`)),
      CONSUME_DEADLINE_MS,
    );
    void consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          received.push({
            partition,
            offset: Number(message.offset),
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            headers: decodeHeaders(message.headers),
          });
          if (received.length >= expectedCount) {
            clearTimeout(deadline);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await allReceived;
  return received;
}

function sortedKeys(messages: ReceivedMessage[]): string[] {
  return messages.map((message) => message.key).sort();
}

function sortedByPartition(offsets: PartitionOffset[]): PartitionOffset[] {
  return offsets.map(({ partition, offset }) => ({ partition, offset })).sort((a, b) => a.partition - b.partition);
}

describe('Given a fresh single-node Kafka 4 broker and a kafkajs 2.2.4 client', () => {
  const kafkajsLog: string[] = [];
  const printKafkajsLog = (): void => {
    console.log(`kafkajs log of the failed run:\n${kafkajsLog.join('\n')}`);
  };
  /** A failing step skips its tests instead of failing them, so it prints the kafkajs log itself. */
  const whenStep =
    (action: () => Promise<void>) =>
    async (): Promise<void> => {
      try {
        await action();
      } catch (error) {
        printKafkajsLog();
        throw error;
      }
    };
  const cleanups: (() => Promise<void>)[] = [];
  let kafka: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    const broker = await startKafka();
    cleanups.push(broker.stop);
    kafka = new Kafka({
      clientId: 'outpost-kafkajs-compat',
      brokers: broker.brokers,
      logLevel: logLevel.WARN,
      logCreator: recordingLogCreator(kafkajsLog),
      retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 5 },
    });
    admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
  }, BROKER_START_TIMEOUT_MS);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(printKafkajsLog);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  }, STEP_TIMEOUT_MS);

  describe('When the admin creates a topic with 3 partitions', () => {
    beforeAll(
      whenStep(async () => {
        const created = await admin.createTopics({
          topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 1 }],
          waitForLeaders: true,
        });
        expect(created).toBe(true);
      }),
      STEP_TIMEOUT_MS,
    );

    it('Then listTopics includes the topic', async () => {
      expect(await admin.listTopics()).toContain(TOPIC);
    });

    it('Then fetchTopicMetadata reports 3 partitions, each led by the single broker', async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [TOPIC] });

      expect(topics).toHaveLength(1);
      const partitions = topics[0]?.partitions ?? [];
      expect(partitions.map((partition) => partition.partitionId).sort()).toEqual([0, 1, 2]);
      for (const partition of partitions) {
        expect(partition.partitionErrorCode).toBe(0);
        expect(partition.leader).toBe(1);
        expect(partition.isr).toEqual([1]);
      }
    });

    it('Then fetchTopicOffsets reports every partition as empty', async () => {
      const offsets = await admin.fetchTopicOffsets(TOPIC);

      expect(offsets).toHaveLength(PARTITIONS);
      for (const partition of offsets) {
        expect(partition).toMatchObject({ low: '0', high: '0', offset: '0' });
      }
    });
  });

  describe('When a plain producer (acks -1) and an idempotent producer each send 100 keyed messages with headers', () => {
    const acknowledgements: RecordMetadata[] = [];

    beforeAll(
      whenStep(async () => {
        const plainProducer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
        const idempotentProducer = kafka.producer({
          createPartitioner: Partitioners.DefaultPartitioner,
          idempotent: true,
          maxInFlightRequests: 1,
        });
        const producers = [
          { name: 'plain', producer: plainProducer },
          { name: 'idempotent', producer: idempotentProducer },
        ];
        for (const { name, producer } of producers) {
          await producer.connect();
          try {
            for (let first = 0; first < MESSAGES_PER_PRODUCER; first += MESSAGES_PER_SEND) {
              const messages = keyedMessages(name, MESSAGES_PER_SEND, first);
              acknowledgements.push(...(await producer.send({ topic: TOPIC, acks: -1, messages })));
            }
          } finally {
            await producer.disconnect();
          }
        }
      }),
      STEP_TIMEOUT_MS,
    );

    it('Then every send is acknowledged without an error code', () => {
      expect(acknowledgements.length).toBeGreaterThanOrEqual((2 * MESSAGES_PER_PRODUCER) / MESSAGES_PER_SEND);
      for (const acknowledgement of acknowledgements) {
        expect(acknowledgement).toMatchObject({ topicName: TOPIC, errorCode: 0 });
      }
    });

    it('Then fetchTopicOffsets high watermarks add up to 200 messages across the 3 partitions', async () => {
      const offsets = await admin.fetchTopicOffsets(TOPIC);

      const total = offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
      expect(total).toBe(2 * MESSAGES_PER_PRODUCER);
      expect(offsets.filter((partition) => Number(partition.high) > 0)).toHaveLength(PARTITIONS);
    });
  });

  describe('When a consumer in a group reads the topic from the beginning and commits its offsets', () => {
    let received: ReceivedMessage[] = [];
    let committed: PartitionOffset[] = [];

    beforeAll(
      whenStep(async () => {
        const consumer = kafka.consumer({ groupId: GROUP_ID, maxWaitTimeInMs: 100 });
        await consumer.connect();
        try {
          await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
          received = await consumeUntil(consumer, 2 * MESSAGES_PER_PRODUCER);
          committed = Array.from({ length: PARTITIONS }, (_, partition) => {
            const offsets = received.filter((message) => message.partition === partition).map((message) => message.offset);
            return { partition, offset: String(Math.max(-1, ...offsets) + 1) };
          });
          await consumer.commitOffsets(committed.map((offset) => ({ topic: TOPIC, ...offset })));
        } finally {
          await consumer.disconnect();
        }
      }),
      STEP_TIMEOUT_MS,
    );

    it('Then it receives each of the 200 messages exactly once', () => {
      const expectedKeys = [...keyedMessages('plain', MESSAGES_PER_PRODUCER), ...keyedMessages('idempotent', MESSAGES_PER_PRODUCER)]
        .map((message) => String(message.key))
        .sort();

      expect(received).toHaveLength(2 * MESSAGES_PER_PRODUCER);
      expect(sortedKeys(received)).toEqual(expectedKeys);
    });

    it('Then every value and header arrives as it was sent', () => {
      for (const message of received) {
        const [producerName, sequence] = message.key.split('-');
        expect(JSON.parse(message.value)).toEqual({ producerName, sequence: Number(sequence) });
        expect(message.headers).toEqual({
          producer: producerName,
          sequence,
          'trace-id': `trace-${message.key}`,
        });
      }
    });

    it('Then admin.fetchOffsets shows the committed offsets at the end of each partition', async () => {
      const highWatermarks = await admin.fetchTopicOffsets(TOPIC);
      const [topicOffsets] = await admin.fetchOffsets({ groupId: GROUP_ID, topics: [TOPIC] });

      expect(topicOffsets?.topic).toBe(TOPIC);
      expect(sortedByPartition(topicOffsets?.partitions ?? [])).toEqual(committed);
      expect(committed).toEqual(sortedByPartition(highWatermarks.map(({ partition, high }) => ({ partition, offset: high }))));
    });

    it('Then describeGroups shows the group as an empty classic consumer group', async () => {
      const { groups } = await admin.describeGroups([GROUP_ID]);

      expect(groups).toHaveLength(1);
      expect(groups[0]).toMatchObject({ groupId: GROUP_ID, errorCode: 0, protocolType: 'consumer', state: 'Empty', members: [] });
    });
  });

  describe('When 10 more messages are produced and a new consumer joins the same group', () => {
    const lateMessages = keyedMessages('late', LATE_MESSAGES);
    let received: ReceivedMessage[] = [];

    beforeAll(
      whenStep(async () => {
        const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
        await producer.connect();
        try {
          // Every partition gets new messages, so a re-delivered old message would arrive before the last new one.
          const spreadOverPartitions = lateMessages.map((message, index) => ({ ...message, partition: index % PARTITIONS }));
          await producer.send({ topic: TOPIC, acks: -1, messages: spreadOverPartitions });
        } finally {
          await producer.disconnect();
        }

        const consumer = kafka.consumer({ groupId: GROUP_ID, maxWaitTimeInMs: 100 });
        await consumer.connect();
        try {
          // fromBeginning only applies to a group without committed offsets, so keeping it shows the commit wins.
          await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
          received = await consumeUntil(consumer, LATE_MESSAGES);
        } finally {
          await consumer.disconnect();
        }
      }),
      STEP_TIMEOUT_MS,
    );

    it('Then only the 10 new messages arrive, nothing already committed is re-delivered', () => {
      expect(received).toHaveLength(LATE_MESSAGES);
      expect(sortedKeys(received)).toEqual(lateMessages.map((message) => String(message.key)).sort());
    });

    it('Then admin.fetchOffsets shows the group committed up to the new end of each partition', async () => {
      const highWatermarks = await admin.fetchTopicOffsets(TOPIC);
      const [topicOffsets] = await admin.fetchOffsets({ groupId: GROUP_ID, topics: [TOPIC] });

      const total = (topicOffsets?.partitions ?? []).reduce((sum, partition) => sum + Number(partition.offset), 0);
      expect(total).toBe(2 * MESSAGES_PER_PRODUCER + LATE_MESSAGES);
      expect(sortedByPartition(topicOffsets?.partitions ?? [])).toEqual(
        sortedByPartition(highWatermarks.map(({ partition, high }) => ({ partition, offset: high }))),
      );
    });
  });

  describe('When the admin deletes the topic', () => {
    beforeAll(
      whenStep(async () => {
        await admin.deleteTopics({ topics: [TOPIC] });
      }),
      STEP_TIMEOUT_MS,
    );

    it('Then listTopics no longer includes it', async () => {
      await expect.poll(() => admin.listTopics(), { timeout: 10_000 }).not.toContain(TOPIC);
    });
  });
});
