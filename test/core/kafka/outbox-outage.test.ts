import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRECEDENCES, type OutboxCounts, type Precedence } from '../../../shared/outbox';
import { systemClock } from '../../../electron/core/ports';
import { createOutbox, type Outbox } from '../../../electron/core/outbox/outbox';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore, type Store } from '../../../electron/core/store/store';
import { anOutboxDraft } from '../../builders/outbox-draft-builder';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const TOPIC = 'outbox-outage';
const KEY = 'd'.repeat(64);
const MESSAGES = 1_000;

interface Arrival {
  readonly id: string;
  readonly precedence: Precedence;
  readonly offset: number;
}

/** Reads the whole topic with a client of its own, as a receiver on the far side would. */
async function consumeUntil(brokers: string[], distinctIds: number, timeoutMs: number): Promise<Arrival[]> {
  const consumer = new Kafka({ clientId: 'outbox-receiver', brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: `receiver-${Date.now()}` });
  const arrivals: Arrival[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        arrivals.push({
          id: String(message.headers?.['outpost-msg-id']),
          precedence: String(message.headers?.['outpost-precedence']) as Precedence,
          offset: Number(message.offset),
        });
      },
    });
    await waitFor(() => new Set(arrivals.map((a) => a.id)).size, (n) => n >= distinctIds, timeoutMs, 200);
  } finally {
    await consumer.disconnect();
  }
  return arrivals;
}

async function highWatermark(brokers: string[]): Promise<string | undefined> {
  const admin = new Kafka({ clientId: 'outbox-watermark', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(TOPIC))[0]?.high;
  } finally {
    await admin.disconnect();
  }
}

describe('Given 1,000 messages of mixed precedence queued while the broker is down', () => {
  const dir = makeTempDir();
  const log = recordingLog();
  let kafka: RunningKafka;
  let store: Store;
  let outbox: Outbox;
  let changes = 0;
  let queuedOrder: Array<{ id: string; precedence: Precedence }> = [];
  let waitingReason: string | null = null;
  let arrivals: Arrival[] = [];
  let counts: OutboxCounts;
  let drainMs = 0;

  beforeAll(async () => {
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, 1);
    await kafka.takeDown();

    store = createStore(openDatabase({ file: join(dir.path, 'cache.db'), key: KEY }));
    store.saveProfile({ id: 'edge', name: 'Edge', brokers: kafka.brokers, clientId: 'outpost-test', groupId: null, tls: null, sasl: null, enabled: true });
    outbox = createOutbox({ store, secrets: memorySecrets(), clock: systemClock, log, onChange: () => (changes += 1), backoff: { baseMs: 200, capMs: 2_000 } });
    outbox.start();

    // Lowest precedence first, so the broker's order can only come from the outbox's.
    queuedOrder = Array.from({ length: MESSAGES }, (_, i) => {
      const precedence = PRECEDENCES[PRECEDENCES.length - 1 - (i % PRECEDENCES.length)] as Precedence;
      const message = outbox.enqueue(anOutboxDraft({ topic: TOPIC, precedence, format: i % 2 === 0 ? 'json' : 'cot', content: { kind: 'text', text: `report ${i}` } }));
      return { id: message.id, precedence };
    });
    const waiting = await waitFor(() => outbox.list(['queued'], 1_000).find((m) => m.reason !== null), (m) => m !== undefined, 30_000, 200);
    waitingReason = waiting?.reason ?? null;

    await kafka.bringUp();
    const backAt = Date.now();
    arrivals = await consumeUntil(kafka.brokers, MESSAGES, 180_000);
    drainMs = Date.now() - backAt;
    counts = (await waitFor(() => outbox.counts(), (c) => c.sent === MESSAGES, 30_000)) as OutboxCounts;
  }, 400_000);

  afterAll(async () => {
    await outbox?.stop();
    store?.close();
    await kafka?.stop();
    dir.remove();
  }, 60_000);

  it('Then, while the broker is down, the message at the head of the queue says why it waits', () => {
    expect(waitingReason).toMatch(/^Cannot reach the brokers at 127\.0\.0\.1:\d+: .*Outpost keeps trying and sends it when the brokers answer\.$/);
  });

  it('When the broker returns, Then every id arrives exactly once and the topic holds nothing else', async () => {
    expect(arrivals).toHaveLength(MESSAGES);
    expect(new Set(arrivals.map((a) => a.id))).toEqual(new Set(queuedOrder.map((m) => m.id)));
    expect(await highWatermark(kafka.brokers)).toBe(String(MESSAGES));
    expect(drainMs).toBeLessThan(180_000);
  });

  it('Then every FLASH lands before every IMMEDIATE, and so on down to ROUTINE, each in the order queued', () => {
    const rank = (p: Precedence): number => PRECEDENCES.indexOf(p);
    const expected = queuedOrder
      .map((m, queuedAt) => ({ ...m, queuedAt }))
      .sort((a, b) => rank(a.precedence) - rank(b.precedence) || a.queuedAt - b.queuedAt)
      .map((m) => m.id);
    const byOffset = [...arrivals].sort((a, b) => a.offset - b.offset);
    expect(byOffset.map((a) => a.id)).toEqual(expected);
    const lastFlash = Math.max(...arrivals.filter((a) => a.precedence === 'flash').map((a) => a.offset));
    const firstRoutine = Math.min(...arrivals.filter((a) => a.precedence === 'routine').map((a) => a.offset));
    expect(lastFlash).toBeLessThan(firstRoutine);
  });

  it('Then the store counts 1,000 sent, none left queued or failed, and every change was announced', () => {
    expect(counts).toMatchObject({ sent: MESSAGES, queued: 0, sending: 0, failed: 0, cancelled: 0 });
    // One announcement per enqueue, then at least one as each request goes and one as it is acknowledged.
    expect(changes).toBeGreaterThanOrEqual(MESSAGES + 2);
  });

  it('Then each message sent in a batch records the partition and offset it landed at', () => {
    const landedAt = new Map(arrivals.map((a) => [a.id, String(a.offset)]));
    const sent = outbox.list(['sent'], 1_000);
    expect(sent).toHaveLength(MESSAGES);
    for (const message of sent) expect({ id: message.id, partition: message.partition, offset: message.offset }).toEqual({ id: message.id, partition: 0, offset: landedAt.get(message.id) });
  });
});
