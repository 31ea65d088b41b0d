import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRECEDENCES, type OutboxCounts, type Precedence } from '../../../shared/outbox';
import { systemClock } from '../../../electron/core/ports';
import { createOutbox, type Outbox } from '../../../electron/core/outbox/outbox';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore, type Store } from '../../../electron/core/store/store';
import { anOutboxDraft } from '../../builders/outbox-draft-builder';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { readWholeTopic, summariseArrivals, type ArrivalSummary } from '../../support/outbox-receiver';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const TOPIC = 'outbox-link-flap';
const KEY = 'e'.repeat(64);
const QUEUED_AT_START = 1_500;
/** The analyst keeps writing while the link is down, so every return finds something queued. */
const QUEUED_PER_OUTAGE = 100;
const CYCLES = 3;
const DOWN_MS = 3_000;
const UP_MS = 4_000;
/** The link goes down early rather than let the queue run dry before the next outage: each outage must cut into a drain. */
const BACKLOG_RESERVE = 300;
const PROGRESS_WITHIN_MS = 15_000;
const TOTAL = QUEUED_AT_START + CYCLES * QUEUED_PER_OUTAGE;

interface Cycle {
  /** Counts as the broker was taken down. */
  readonly atTakeDown: OutboxCounts;
  /** Sent count when the broker answered again. */
  readonly sentAtReturn: number;
  /** From the broker answering again to the first rise of the sent count. */
  readonly firstProgressMs: number;
  /** How long the broker stayed up before the next outage, or before the rest drained after the last one. */
  readonly upMs: number;
}

describe('Given 1,500 messages draining while the broker goes down and comes back three times', () => {
  const dir = makeTempDir();
  const log = recordingLog();
  let kafka: RunningKafka;
  let store: Store;
  let outbox: Outbox;
  const queuedIds: string[] = [];
  const cycles: Cycle[] = [];
  let finalCounts: OutboxCounts;
  let summary: ArrivalSummary;

  const enqueue = (count: number): void => {
    for (let i = 0; i < count; i += 1) {
      const n = queuedIds.length;
      const precedence = PRECEDENCES[n % PRECEDENCES.length] as Precedence;
      queuedIds.push(outbox.enqueue(anOutboxDraft({ topic: TOPIC, precedence, format: n % 2 === 0 ? 'json' : 'cot', content: { kind: 'text', text: `flap report ${n}` } })).id);
    }
  };

  beforeAll(async () => {
    const began = Date.now();
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, 1);

    store = createStore(openDatabase({ file: join(dir.path, 'cache.db'), key: KEY }));
    store.saveProfile({ id: 'edge', name: 'Edge', brokers: kafka.brokers, clientId: 'outpost-test', groupId: null, tls: null, sasl: null, enabled: true });
    outbox = createOutbox({ store, secrets: memorySecrets(), clock: systemClock, log, onChange: () => undefined, backoff: { baseMs: 250, capMs: 2_000 } });
    outbox.start();
    enqueue(QUEUED_AT_START);

    // The first outage comes once draining is well under way.
    await waitFor(() => outbox.counts().sent, (sent) => sent >= 100, 60_000, 20);
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const atTakeDown = outbox.counts();
      await kafka.takeDown();
      enqueue(QUEUED_PER_OUTAGE);
      await delay(DOWN_MS);
      await kafka.bringUp();
      const backAt = Date.now();
      const sentAtReturn = outbox.counts().sent;
      await waitFor(() => outbox.counts().sent, (sent) => sent > sentAtReturn, PROGRESS_WITHIN_MS + 15_000, 25);
      const firstProgressMs = Date.now() - backAt;
      if (cycle < CYCLES - 1) {
        const upFor = UP_MS - firstProgressMs;
        if (upFor > 0) await waitFor(() => outbox.counts().queued, (queued) => queued <= BACKLOG_RESERVE, upFor, 25);
      }
      cycles.push({ atTakeDown, sentAtReturn, firstProgressMs, upMs: Date.now() - backAt });
    }

    const lastReturn = Date.now();
    finalCounts = await waitFor(() => outbox.counts(), (c) => c.sent + c.failed + c.cancelled === TOTAL, 90_000, 100);
    const drainMs = Date.now() - lastReturn;
    summary = summariseArrivals(await readWholeTopic(kafka.brokers, TOPIC, 90_000), queuedIds);
    const warnings = log.entries.filter((entry) => entry.level === 'warn').length;
    console.log(
      `[outbox-link-flap] ${cycles
        .map((c, i) => `cycle ${i + 1}: down at sent=${c.atTakeDown.sent} queued=${c.atTakeDown.queued} sending=${c.atTakeDown.sending}, back at sent=${c.sentAtReturn}, first progress ${c.firstProgressMs} ms, up ${c.upMs} ms`)
        .join('; ')}; rest drained in ${drainMs} ms; records=${summary.records} distinct=${summary.distinctIds} duplicates=${summary.duplicates}; ` +
        `${warnings} warnings logged; whole setup ${Date.now() - began} ms`,
    );
  }, 300_000);

  afterAll(async () => {
    await outbox?.stop();
    store?.close();
    await kafka?.stop();
    dir.remove();
  }, 60_000);

  it('Then the broker went down each time with messages still queued', () => {
    expect(cycles).toHaveLength(CYCLES);
    for (const cycle of cycles) expect(cycle.atTakeDown.queued + cycle.atTakeDown.sending).toBeGreaterThan(0);
  });

  it('Then after each return the sent count rises within 15 s', () => {
    for (const cycle of cycles) expect(cycle.firstProgressMs).toBeLessThanOrEqual(PROGRESS_WITHIN_MS);
  });

  it('Then the store counts every message sent, none failed or left queued', () => {
    expect(finalCounts).toEqual({ queued: 0, sending: 0, sent: TOTAL, failed: 0, cancelled: 0 });
  });

  it('Then a receiver that drops copies by id gets every id, and nothing it does not know', () => {
    expect(summary.missingIds).toEqual([]);
    expect(summary.unknownIds).toEqual([]);
    expect(summary.keyMismatches).toBe(0);
    expect(summary.distinctIds).toBe(TOTAL);
    // A copy can only come from a send cut off by an outage, at most one per outage.
    expect(summary.duplicates).toBeLessThanOrEqual(CYCLES);
  });
});
