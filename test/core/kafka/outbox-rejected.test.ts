import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../shared/outbox';
import { systemClock } from '../../../electron/core/ports';
import { createOutbox, type Outbox } from '../../../electron/core/outbox/outbox';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore, type Store } from '../../../electron/core/store/store';
import { anOutboxDraft } from '../../builders/outbox-draft-builder';
import { startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const TOPIC = 'outbox-small';
const KEY = 'e'.repeat(64);
const MAX_MESSAGE_BYTES = 4_096;

async function createSmallTopic(brokers: string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'outbox-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: String(MAX_MESSAGE_BYTES) }] }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

async function receivedIds(brokers: string[], expected: number): Promise<string[]> {
  const consumer = new Kafka({ clientId: 'outbox-receiver', brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: `receiver-${Date.now()}` });
  const ids: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void ids.push(String(message.headers?.['outpost-msg-id'])) });
    await waitFor(() => ids.length, (n) => n >= expected, 60_000, 200);
  } finally {
    await consumer.disconnect();
  }
  return ids;
}

describe('Given a topic that takes messages of at most 4 KiB', () => {
  const dir = makeTempDir();
  let kafka: RunningKafka;
  let store: Store;
  let outbox: Outbox;
  let oversized: OutboxMessage;
  let behind: OutboxMessage[] = [];
  let received: string[] = [];

  beforeAll(async () => {
    kafka = await startKafka();
    await createSmallTopic(kafka.brokers);
    store = createStore(openDatabase({ file: join(dir.path, 'cache.db'), key: KEY }));
    store.saveProfile({ id: 'edge', name: 'Edge', brokers: kafka.brokers, clientId: 'outpost-test', groupId: null, tls: null, sasl: null, enabled: true });
    outbox = createOutbox({ store, secrets: memorySecrets(), clock: systemClock, log: recordingLog(), onChange: () => undefined, backoff: { baseMs: 200, capMs: 2_000 } });
    outbox.start();

    // Random text, so that gzip cannot shrink it under the limit.
    const noise = randomBytes(6_000).toString('base64');
    oversized = outbox.enqueue(anOutboxDraft({ topic: TOPIC, precedence: 'flash', content: { kind: 'text', text: noise } }));
    behind = [1, 2, 3].map((n) => outbox.enqueue(anOutboxDraft({ topic: TOPIC, precedence: 'flash', content: { kind: 'text', text: `follow-up ${n}` } })));
    await waitFor(() => outbox.counts(), (c) => c.failed === 1 && c.sent === 3, 90_000, 200);
    received = await receivedIds(kafka.brokers, 3);
  }, 300_000);

  afterAll(async () => {
    await outbox?.stop();
    store?.close();
    await kafka?.stop();
    dir.remove();
  }, 60_000);

  it('When a larger message is sent, Then it ends failed with a sentence saying what to do', () => {
    const failed = outbox.list(['failed'], 10);
    expect(failed.map((m) => m.id)).toEqual([oversized.id]);
    expect(failed[0]?.reason).toMatch(/^The brokers at 127\.0\.0\.1:\d+ refused the message as too large for topic outbox-small \(\d+ bytes before compression\); shorten it, or ask the topic's administrator to raise max\.message\.bytes and then retry it\.$/);
    // It goes first in one request with the three behind it; the broker refuses the whole request, so each goes again alone.
    expect(failed[0]?.history.map((h) => [h.state, h.note?.startsWith('The broker refused the request this message was in') ?? false])).toEqual([
      ['queued', false],
      ['sending', false],
      ['queued', true],
      ['sending', false],
      ['failed', false],
    ]);
  });

  it('Then the messages queued behind it are sent, in order, and nothing else reaches the topic', () => {
    expect(received).toEqual(behind.map((m) => m.id));
    expect(outbox.counts()).toMatchObject({ sent: 3, failed: 1, queued: 0, sending: 0 });
  });

  it('When the analyst cancels the failed message, Then it is cancelled; and a sent one cannot be', () => {
    expect(outbox.cancel(oversized.id).state).toBe('cancelled');
    expect(() => outbox.cancel(behind[0]?.id ?? '')).toThrow(/already sent/);
  });
});
