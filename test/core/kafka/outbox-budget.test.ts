import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DestinationStatus, OutboxMessage } from '../../../shared/outbox';
import { systemClock } from '../../../electron/core/ports';
import { createOutbox, type Outbox } from '../../../electron/core/outbox/outbox';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore, type Store } from '../../../electron/core/store/store';
import { anOutboxDraft } from '../../builders/outbox-draft-builder';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { readWholeTopic, type OutboxArrival } from '../../support/outbox-receiver';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const TOPIC = 'outbox-budget';
const KEY = 'c'.repeat(64);
const BUDGET = 4_000;
const ROUTINE_MESSAGES = 80;
/** The bucket starts with a second of budget saved up. */
const BURST_BYTES = BUDGET;
const CONNECT_ALLOWANCE_SECONDS = 0.5;

describe('Given 80 ROUTINE messages for a three-partition topic limited to 4,000 bytes a second', () => {
  const dir = makeTempDir();
  let kafka: RunningKafka;
  let store: Store;
  let outbox: Outbox;
  let routine: OutboxMessage[] = [];
  let flash: OutboxMessage;
  let beforeStart: DestinationStatus | undefined;
  let whileDraining: DestinationStatus | undefined;
  let drainMs = 0;
  let drainingForMs = 0;
  let stillQueuedAtFlash: Set<string>;
  let arrivals: OutboxArrival[] = [];

  beforeAll(async () => {
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, 3);
    store = createStore(openDatabase({ file: join(dir.path, 'cache.db'), key: KEY }));
    store.saveProfile({ id: 'edge', name: 'Edge', brokers: kafka.brokers, clientId: 'outpost-test', groupId: null, tls: null, sasl: null, enabled: true });
    outbox = createOutbox({ store, secrets: memorySecrets(), clock: systemClock, log: recordingLog(), onChange: () => undefined, backoff: { baseMs: 200, capMs: 2_000 } });
    outbox.setBudget({ profileId: 'edge', topic: TOPIC }, BUDGET);
    // Random text, so the budget is charged close to what was written and gzip cannot make the test trivial.
    routine = Array.from({ length: ROUTINE_MESSAGES }, () => outbox.enqueue(anOutboxDraft({ topic: TOPIC, content: { kind: 'text', text: randomBytes(300).toString('base64') } })));
    beforeStart = outbox.destinations()[0];

    const startedAt = Date.now();
    outbox.start();
    await waitFor(() => outbox.counts().sent, (sent) => sent >= 50, 60_000, 20);
    stillQueuedAtFlash = new Set(outbox.list(['queued'], 1_000).map((message) => message.id));
    flash = outbox.enqueue(anOutboxDraft({ topic: TOPIC, precedence: 'flash', content: { kind: 'text', text: 'Contact, grid 38SMB4484, two BMPs moving north.' } }));
    whileDraining = outbox.destinations()[0];
    drainingForMs = Date.now() - startedAt;
    await waitFor(() => outbox.counts().sent, (sent) => sent === ROUTINE_MESSAGES + 1, 120_000, 20);
    drainMs = Date.now() - startedAt;
    arrivals = await readWholeTopic(kafka.brokers, TOPIC, 60_000);
  }, 300_000);

  afterAll(async () => {
    await outbox?.stop();
    store?.close();
    await kafka?.stop();
    dir.remove();
  }, 60_000);

  it('Then before sending the destination shows its queued cost and a time to drain at the budget', () => {
    const queuedWireBytes = routine.reduce((sum, message) => sum + message.wireBytes, 0);
    expect(beforeStart).toMatchObject({ queued: ROUTINE_MESSAGES, queuedWireBytes, budgetBytesPerSecond: BUDGET, drainSeconds: queuedWireBytes / BUDGET });
  });

  it('Then the drain takes at least as long as the budget allows', () => {
    // Compressed as a batch, each message costs less than on its own: about 0.82 here, so 0.7 leaves room.
    const chargedAtLeast = 0.7 * [...routine, flash].reduce((sum, message) => sum + message.wireBytes, 0);
    console.log(`[outbox-budget] drained ${ROUTINE_MESSAGES + 1} messages in ${drainMs} ms; at least ${Math.round(chargedAtLeast)} bytes charged at ${BUDGET} B/s`);
    expect(drainMs).toBeGreaterThanOrEqual(((chargedAtLeast - BURST_BYTES) / BUDGET) * 1000);
  });

  it('Then while draining the destination measures a rate within its budget and a time to drain', () => {
    console.log(`[outbox-budget] measured ${Math.round(whileDraining?.measuredBytesPerSecond ?? 0)} B/s after ${drainingForMs} ms`);
    // The second of budget saved up before the start spreads over the time measured, less the time it took to connect.
    const measuredSeconds = drainingForMs / 1000 - CONNECT_ALLOWANCE_SECONDS;
    expect(whileDraining?.measuredBytesPerSecond).toBeGreaterThan(BUDGET / 2);
    expect(whileDraining?.measuredBytesPerSecond).toBeLessThanOrEqual(BUDGET + BURST_BYTES / measuredSeconds);
    expect(whileDraining?.drainSeconds).toBeGreaterThan(0);
  });

  it('Then the FLASH queued mid-drain went no later than any ROUTINE message still queued when it came', () => {
    const sentAt = new Map(outbox.list(['sent'], 1_000).map((message) => [message.id, message.updatedAt]));
    const flashSentAt = sentAt.get(flash.id) ?? Number.POSITIVE_INFINITY;
    const overtaken = routine.filter((message) => stillQueuedAtFlash.has(message.id));
    expect(overtaken.length).toBeGreaterThan(10);
    for (const message of overtaken) expect(flashSentAt).toBeLessThanOrEqual(sentAt.get(message.id) ?? 0);
  });

  it('Then every message records the partition and offset a receiver reads it at, across all three partitions', () => {
    const sent = outbox.list(['sent'], 1_000);
    const landedAt = new Map(arrivals.map((arrival) => [arrival.id, { partition: arrival.partition, offset: String(arrival.offset) }]));
    expect(arrivals).toHaveLength(ROUTINE_MESSAGES + 1);
    expect(new Set(sent.map((message) => message.partition))).toEqual(new Set([0, 1, 2]));
    for (const message of sent) expect({ id: message.id, partition: message.partition, offset: message.offset }).toEqual({ id: message.id, ...landedAt.get(message.id) });
  });
});
