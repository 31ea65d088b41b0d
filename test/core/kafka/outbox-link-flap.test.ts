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
import { createNetworkLink, type NetworkLink } from '../../support/network-link';
import { readWholeTopic, summariseArrivals, type ArrivalSummary } from '../../support/outbox-receiver';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const TOPIC = 'outbox-link-flap';
const KEY = 'e'.repeat(64);
const QUEUED_AT_START = 1_500;
const LINK_BITS_PER_SECOND = 64_000;
/** The analyst keeps writing while the link is cut, so every return finds something queued. */
const QUEUED_PER_OUTAGE = 100;
const CYCLES = 3;
const DOWN_MS = 3_000;
const UP_MS = 4_000;
/** The link goes down early rather than let the queue run dry before the next outage: each outage must cut into a drain. */
const BACKLOG_RESERVE = 300;
const PROGRESS_WITHIN_MS = 15_000;
const TOTAL = QUEUED_AT_START + CYCLES * QUEUED_PER_OUTAGE;

interface Cycle {
  /** Counts as the link was cut. */
  readonly atCut: OutboxCounts;
  /** Sent count when the link came back; an answer already on its way at the cut may have raised it meanwhile. */
  readonly sentAtReturn: number;
  /** From the link coming back to the first rise of the sent count. */
  readonly firstProgressMs: number;
  /** How long the link stayed up before the next outage, or before the rest drained after the last one. */
  readonly upMs: number;
}

describe('Given 1,500 messages draining over a 64 kbit/s link that is cut and restored three times', () => {
  const dir = makeTempDir();
  const log = recordingLog();
  let link: NetworkLink;
  let kafka: RunningKafka;
  let store: Store;
  let outbox: Outbox;
  const queuedIds: string[] = [];
  const cycles: Cycle[] = [];
  let finalCounts: OutboxCounts;
  let summary: ArrivalSummary;
  /** Ids that arrived more often than the sender tried them; each copy needs a send of its own. */
  let copiesBeyondAttempts: string[];

  const enqueue = (count: number): void => {
    for (let i = 0; i < count; i += 1) {
      const n = queuedIds.length;
      const precedence = PRECEDENCES[n % PRECEDENCES.length] as Precedence;
      queuedIds.push(outbox.enqueue(anOutboxDraft({ topic: TOPIC, precedence, format: n % 2 === 0 ? 'json' : 'cot', content: { kind: 'text', text: `flap report ${n}` } })).id);
    }
  };

  beforeAll(async () => {
    const began = Date.now();
    // A hard cut, not a stopped broker: packets vanish and open connections hang until the link returns.
    link = await createNetworkLink();
    kafka = await startKafka({ link });
    await createTopic(kafka.brokers, TOPIC, 1);
    // A radio link, with the budget an analyst would set for it: the drain lasts through every cut, one short request at a time.
    await link.limitRate(LINK_BITS_PER_SECOND);

    store = createStore(openDatabase({ file: join(dir.path, 'cache.db'), key: KEY }));
    store.saveProfile({ id: 'edge', name: 'Edge', brokers: kafka.brokers, clientId: 'outpost-test', groupId: null, tls: null, sasl: null, enabled: true });
    outbox = createOutbox({ store, secrets: memorySecrets(), clock: systemClock, log, onChange: () => undefined, backoff: { baseMs: 250, capMs: 2_000 } });
    outbox.setBudget({ profileId: 'edge', topic: TOPIC }, LINK_BITS_PER_SECOND / 8);
    outbox.start();
    enqueue(QUEUED_AT_START);

    // The first outage comes once draining is well under way.
    await waitFor(() => outbox.counts().sent, (sent) => sent >= 100, 60_000, 20);
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const atCut = outbox.counts();
      await link.cut();
      enqueue(QUEUED_PER_OUTAGE);
      await delay(DOWN_MS);
      await link.restore();
      const backAt = Date.now();
      const sentAtReturn = outbox.counts().sent;
      await waitFor(() => outbox.counts().sent, (sent) => sent > sentAtReturn, PROGRESS_WITHIN_MS + 15_000, 25);
      const firstProgressMs = Date.now() - backAt;
      if (cycle < CYCLES - 1) {
        const upFor = UP_MS - firstProgressMs;
        if (upFor > 0) await waitFor(() => outbox.counts().queued, (queued) => queued <= BACKLOG_RESERVE, upFor, 25);
      }
      cycles.push({ atCut, sentAtReturn, firstProgressMs, upMs: Date.now() - backAt });
    }

    const lastReturn = Date.now();
    finalCounts = await waitFor(() => outbox.counts(), (c) => c.sent + c.failed + c.cancelled === TOTAL, 90_000, 100);
    const drainMs = Date.now() - lastReturn;
    const arrivals = await readWholeTopic(kafka.brokers, TOPIC, 90_000);
    summary = summariseArrivals(arrivals, queuedIds);
    copiesBeyondAttempts = summary.duplicatedIds.filter(
      (id) => arrivals.filter((arrival) => arrival.id === id).length > (store.readOutbound(id)?.attempts ?? 0),
    );
    const warnings = log.entries.filter((entry) => entry.level === 'warn').length;
    console.log(
      `[outbox-link-flap] ${cycles
        .map((c, i) => `cycle ${i + 1}: cut at sent=${c.atCut.sent} queued=${c.atCut.queued} sending=${c.atCut.sending}, back at sent=${c.sentAtReturn}, first progress ${c.firstProgressMs} ms, up ${c.upMs} ms`)
        .join('; ')}; rest drained in ${drainMs} ms; records=${summary.records} distinct=${summary.distinctIds} duplicates=${summary.duplicates}; ` +
        `${warnings} warnings logged; whole setup ${Date.now() - began} ms`,
    );
  }, 300_000);

  afterAll(async () => {
    try {
      // Should setup have failed mid-outage, the sender and the broker would otherwise stop only after their timeouts.
      await link?.restore();
      await outbox?.stop();
      store?.close();
      await kafka?.stop();
    } finally {
      await link?.remove();
      dir.remove();
    }
  }, 60_000);

  it('Then the link was cut each time with messages still queued', () => {
    expect(cycles).toHaveLength(CYCLES);
    for (const cycle of cycles) expect(cycle.atCut.queued + cycle.atCut.sending).toBeGreaterThan(0);
  });

  it('Then after each return of the link the sent count rises within 15 s', () => {
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
    // A send whose answer the cut swallowed goes again through a new producer, which the broker cannot
    // recognise as the same; so a copy is allowed, but never more copies of an id than sends of it.
    expect(copiesBeyondAttempts).toEqual([]);
  });
});
