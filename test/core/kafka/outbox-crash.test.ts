import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxCounts, OutboxMessage, Precedence } from '../../../shared/outbox';
import { INTERRUPTED_NOTE } from '../../../electron/core/outbox/outbox';
import { anOutboxDraft } from '../../builders/outbox-draft-builder';
import { connectContract, type ContractClient } from '../../support/contract-client';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { readWholeTopic, summariseArrivals, type ArrivalSummary } from '../../support/outbox-receiver';
import { openCacheForInspection } from '../../support/read-cache';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { startWebHostProcess, type RunningWebHost } from '../../support/web-host-process';

const TOPIC = 'outbox-crash';
const MESSAGES = 5_000;
/** The newest messages go FLASH, so they drain first and the kill lands among what 'outbox.list' (newest first, at most 1,000) can show. */
const FLASH_MESSAGES = 1_000;
const CHUNK = 250;
/** Sent before the kill, at least: in all, and after the last message was queued. */
const SENT_BEFORE_KILL = 500;
const SENT_AFTER_LAST_QUEUED = 200;
/** The sender's largest request. */
const MESSAGES_PER_REQUEST = 500;

async function call<T>(client: ContractClient, method: string, args: unknown = {}): Promise<T> {
  const result = await client.call(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.code ?? '?'}: ${result.error?.message ?? ''}`);
  return result.value as T;
}

/** Enqueues through the contract in chunks whose calls are in flight together; returns the ids in the order queued. */
async function enqueueAll(client: ContractClient, precedenceOf: (i: number) => Precedence): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < MESSAGES; start += CHUNK) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(CHUNK, MESSAGES - start) }, (_, j) => {
        const i = start + j;
        const draft = anOutboxDraft({ topic: TOPIC, precedence: precedenceOf(i), format: i % 2 === 0 ? 'json' : 'cot', content: { kind: 'text', text: `crash report ${i}` } });
        return call<OutboxMessage>(client, 'outbox.enqueue', { draft });
      }),
    );
    ids.push(...chunk.map((message) => message.id));
  }
  return ids;
}

/** Ids in each state, read from the data folder the killed process left behind. */
async function statesOnDisk(dataDir: string): Promise<{ sending: string[]; counts: Record<string, number>; interruptedNotes: number }> {
  const db = await openCacheForInspection(dataDir);
  try {
    const sending = db.prepare<[], { id: string }>("SELECT id FROM outbox_messages WHERE state = 'sending' ORDER BY seq").all();
    const counts = db.prepare<[], { state: string; count: number }>('SELECT state, count(*) AS count FROM outbox_messages GROUP BY state').all();
    const notes = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM outbox_history WHERE note = ?').get(INTERRUPTED_NOTE);
    return { sending: sending.map((row) => row.id), counts: Object.fromEntries(counts.map((row) => [row.state, row.count])), interruptedNotes: notes?.n ?? 0 };
  } finally {
    db.close();
  }
}

interface StoredHistory {
  readonly state: string;
  readonly attempts: number;
  readonly states: readonly string[];
  readonly interrupted: boolean;
}

/** The state, attempts and history of each of `ids`, read from a data folder no process holds. */
async function historiesOnDisk(dataDir: string, ids: readonly string[]): Promise<Map<string, StoredHistory>> {
  const db = await openCacheForInspection(dataDir);
  try {
    const message = db.prepare<[string], { seq: number; state: string; attempts: number }>('SELECT seq, state, attempts FROM outbox_messages WHERE id = ?');
    const history = db.prepare<[number], { state: string; note: string | null }>('SELECT state, note FROM outbox_history WHERE message_seq = ? ORDER BY seq');
    const histories = new Map<string, StoredHistory>();
    for (const id of ids) {
      const row = message.get(id);
      if (row === undefined) continue;
      const entries = history.all(row.seq);
      histories.set(id, { state: row.state, attempts: row.attempts, states: entries.map((entry) => entry.state), interrupted: entries.some((entry) => entry.note === INTERRUPTED_NOTE) });
    }
    return histories;
  } finally {
    db.close();
  }
}

describe('Given 5,000 messages queued through the contract and an Outpost process killed with SIGKILL while it sends them', () => {
  const dir = makeTempDir();
  const dataDir = join(dir.path, 'data');
  const configFile = join(dir.path, 'outpost.json');
  let kafka: RunningKafka;
  let first: RunningWebHost | undefined;
  let second: RunningWebHost | undefined;
  let queuedIds: string[] = [];
  let countsAtKill: OutboxCounts;
  let leftSending: string[] = [];
  let notesBeforeRestart = 0;
  let countsAfterRestart: OutboxCounts;
  let newest: OutboxMessage[] = [];
  let interruptedNotesOnDisk = 0;
  let historiesAfterRestart = new Map<string, StoredHistory>();
  let summary: ArrivalSummary;

  beforeAll(async () => {
    const began = Date.now();
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, 1);
    writeFileSync(configFile, JSON.stringify({ profiles: [{ id: 'edge', name: 'Edge', brokers: kafka.brokers, subscriptions: [] }] }));

    first = await startWebHostProcess(['--config', configFile, '--data-dir', dataDir]);
    const client = await connectContract(first.url);
    const enqueueBegan = Date.now();
    queuedIds = await enqueueAll(client, (i) => (i >= MESSAGES - FLASH_MESSAGES ? 'flash' : 'routine'));
    const enqueueMs = Date.now() - enqueueBegan;
    const sentWhenQueued = (await call<OutboxCounts>(client, 'outbox.counts')).sent;

    // The sender keeps draining while the chunks arrive; the kill comes well after the last one.
    const target = Math.max(SENT_BEFORE_KILL, sentWhenQueued + SENT_AFTER_LAST_QUEUED);
    countsAtKill = await waitFor(
      () => call<OutboxCounts>(client, 'outbox.counts'),
      // Killing while a request is in flight, when the poll catches one, is the case worth testing.
      (c) => c.sent >= target + MESSAGES_PER_REQUEST || (c.sent >= target && c.sending > 0),
      60_000,
      5,
    );
    first.kill('SIGKILL');
    await first.stop();
    // stop() waits for an 'exit' that has already fired once the process is gone, so it is called once only.
    first = undefined;
    client.close();

    const onDisk = await statesOnDisk(dataDir);
    leftSending = onDisk.sending;
    notesBeforeRestart = onDisk.interruptedNotes;

    second = await startWebHostProcess(['--config', configFile, '--data-dir', dataDir]);
    const again = await connectContract(second.url);
    const restartedAt = Date.now();
    countsAfterRestart = await waitFor(() => call<OutboxCounts>(again, 'outbox.counts'), (c) => c.sent === MESSAGES, 150_000, 250);
    const restartDrainMs = Date.now() - restartedAt;
    newest = await call<OutboxMessage[]>(again, 'outbox.list', { limit: FLASH_MESSAGES });
    again.close();
    await second.stop();
    second = undefined;
    interruptedNotesOnDisk = (await statesOnDisk(dataDir)).interruptedNotes;
    historiesAfterRestart = await historiesOnDisk(dataDir, leftSending);

    const readBegan = Date.now();
    summary = summariseArrivals(await readWholeTopic(kafka.brokers, TOPIC, 90_000), queuedIds);
    console.log(
      `[outbox-crash] enqueue ${MESSAGES} in ${enqueueMs} ms (${sentWhenQueued} already sent); killed at sent=${countsAtKill.sent} sending=${countsAtKill.sending}; ` +
        `left sending on disk: ${leftSending.length}; drained after restart in ${restartDrainMs} ms; topic read in ${Date.now() - readBegan} ms; ` +
        `records=${summary.records} distinct=${summary.distinctIds} duplicates=${summary.duplicates}; whole setup ${Date.now() - began} ms`,
    );
  }, 300_000);

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await kafka?.stop();
    dir.remove();
  }, 60_000);

  it('Then the kill came midway: some messages were sent, not all', () => {
    expect(countsAtKill.sent).toBeGreaterThanOrEqual(SENT_BEFORE_KILL);
    expect(countsAtKill.sent).toBeLessThan(MESSAGES);
    expect(queuedIds).toHaveLength(MESSAGES);
    expect(new Set(queuedIds).size).toBe(MESSAGES);
  });

  it('Then the killed process left at most one request of messages half-sent, and no note yet', () => {
    expect(leftSending.length).toBeLessThanOrEqual(MESSAGES_PER_REQUEST);
    expect(notesBeforeRestart).toBe(0);
  });

  it('When Outpost starts again on the same data, Then the store counts all 5,000 sent and nothing else', () => {
    expect(countsAfterRestart).toEqual({ queued: 0, sending: 0, sent: MESSAGES, failed: 0, cancelled: 0 });
  });

  it('Then the messages left half-sent were queued again with a note in their history, and no other was', () => {
    expect(interruptedNotesOnDisk).toBe(leftSending.length);
    for (const id of leftSending) {
      expect(historiesAfterRestart.get(id)).toEqual({ state: 'sent', attempts: 2, states: ['queued', 'sending', 'queued', 'sending', 'sent'], interrupted: true });
    }
  });

  it('Then outbox.list shows the note on exactly those of its newest messages that were half-sent', () => {
    expect(newest).toHaveLength(FLASH_MESSAGES);
    const noted = newest.filter((m) => m.history.some((entry) => entry.state === 'queued' && entry.note === INTERRUPTED_NOTE));
    const halfSent = new Set(leftSending);
    expect(noted.map((m) => m.id).sort()).toEqual(newest.filter((m) => halfSent.has(m.id)).map((m) => m.id).sort());
  });

  it('Then a receiver gets every id, copies only of ids that were half-sent, and nothing it does not know', () => {
    expect(summary.missingIds).toEqual([]);
    expect(summary.unknownIds).toEqual([]);
    expect(summary.keyMismatches).toBe(0);
    expect(summary.distinctIds).toBe(MESSAGES);
    expect(summary.duplicates).toBeLessThanOrEqual(leftSending.length);
    expect(summary.duplicatedIds.every((id) => leftSending.includes(id))).toBe(true);
  });
});
