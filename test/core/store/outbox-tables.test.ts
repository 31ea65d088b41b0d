import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRECEDENCES, type OutboxDraft } from '../../../shared/outbox';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { openDatabase, openWriterConnection } from '../../../electron/core/store/open-database';
import { createStore, type NewOutboundMessage, type Store } from '../../../electron/core/store/store';
import { makeTempDir } from '../../support/temp-dir';
import { queryPlanOf } from '../../support/query-plan';

const KEY = 'd'.repeat(64);
const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

let nextId = 0;
function aMessageId(): string {
  nextId += 1;
  return `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`;
}

function anOutboundMessage(draft: Partial<OutboxDraft> = {}, createdAt = T0): NewOutboundMessage {
  return {
    id: aMessageId(),
    draft: {
      profileId: 'edge',
      topic: 'chat.out',
      precedence: 'routine',
      format: 'json',
      classification: 'UNCLASSIFIED',
      content: { kind: 'text', text: 'Convoy at checkpoint 3.' },
      ...draft,
    },
    payload: new TextEncoder().encode('{"text":"Convoy at checkpoint 3."}'),
    wireBytes: 30,
    createdAt,
  };
}

describe('Given a store with an outbox', () => {
  let db: Database;
  let store: Store;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    store = createStore(db);
  });
  afterEach(() => store.close());

  const enqueue = (draft: Partial<OutboxDraft> = {}, createdAt = T0): string => store.enqueueOutbound(anOutboundMessage(draft, createdAt)).id;
  const drain = (profileId: string, topic: string): string[] => {
    const sent: string[] = [];
    for (let [next] = headOf(profileId, topic); next !== undefined; [next] = headOf(profileId, topic)) {
      sent.push(next.id);
      store.transitionOutbound(next.id, ['queued'], { state: 'sent', at: T0 });
    }
    return sent;
  };
  const headOf = (profileId: string, topic: string) => store.queuedOutbound({ profileId, topic }, (_next, countBefore) => countBefore === 0);

  it('When a message is enqueued, Then it reads back queued, with its content, bytes and a first history entry', () => {
    const message = anOutboundMessage({ content: { kind: 'marker', marker: 'hostile', lat: 41.5, lon: 9.25, label: 'OP North', remarks: null } });
    const stored = store.enqueueOutbound(message);

    expect(stored).toEqual({
      ...message.draft,
      id: message.id,
      state: 'queued',
      reason: null,
      bytes: message.payload.byteLength,
      wireBytes: 30,
      attempts: 0,
      createdAt: T0,
      updatedAt: T0,
      partition: null,
      offset: null,
      history: [{ state: 'queued', at: T0, note: null }],
    });
    expect(store.readOutbound(message.id)).toEqual(stored);
    expect(store.readOutbound('00000000-0000-4000-8000-ffffffffffff')).toBeNull();
  });

  it('When a queue is drained, Then flash goes before routine and messages of one precedence go oldest first', () => {
    const routineFirst = enqueue({ precedence: 'routine' }, T0);
    const priority = enqueue({ precedence: 'priority' }, T0 + 1);
    const routineSecond = enqueue({ precedence: 'routine' }, T0 + 2);
    const flash = enqueue({ precedence: 'flash' }, T0 + 3);
    const immediate = enqueue({ precedence: 'immediate' }, T0 + 4);

    expect(drain('edge', 'chat.out')).toEqual([flash, immediate, priority, routineFirst, routineSecond]);
  });

  it('When the next message is taken, Then it comes with the exact payload that was enqueued', () => {
    const message = anOutboundMessage({ precedence: 'priority' });
    store.enqueueOutbound(message);

    const [next] = headOf('edge', 'chat.out');

    expect(next).toMatchObject({ id: message.id, precedence: 'priority', bytes: message.payload.byteLength, wireBytes: 30, reason: null });
    expect(Buffer.from(next?.payload ?? []).equals(Buffer.from(message.payload))).toBe(true);
  });

  it('When a batch is taken off the queue, Then it follows the drain order and stops where the caller says, with running totals', () => {
    const routine = enqueue({ precedence: 'routine' }, T0);
    const flash = enqueue({ precedence: 'flash' }, T0 + 1);
    enqueue({ precedence: 'routine' }, T0 + 2);
    const seen: [number, number][] = [];

    const batch = store.queuedOutbound({ profileId: 'edge', topic: 'chat.out' }, (next, countBefore, bytesBefore) => {
      seen.push([countBefore, bytesBefore]);
      return bytesBefore + next.bytes <= 2 * next.bytes;
    });

    expect(batch.map(({ id }) => id)).toEqual([flash, routine]);
    const bytes = anOutboundMessage().payload.byteLength;
    expect(seen).toEqual([
      [0, 0],
      [1, bytes],
      [2, 2 * bytes],
    ]);
    expect(store.countOutbound().queued).toBe(3);
  });

  it('When many messages change state in one call, Then only those in a state it may leave move, each with a history entry', () => {
    const first = enqueue();
    const second = enqueue();
    const cancelled = enqueue();
    store.transitionOutbound(cancelled, ['queued'], { state: 'cancelled', at: T0 + 1 });

    const moved = store.transitionOutboundMany(
      ['queued'],
      [first, second, cancelled].map((id) => ({ id, change: { state: 'sending', at: T0 + 2, attempt: true } })),
    );

    expect(moved).toEqual([first, second]);
    expect(store.readOutbound(first)).toMatchObject({ state: 'sending', attempts: 1 });
    expect(store.readOutbound(first)?.history.at(-1)).toEqual({ state: 'sending', at: T0 + 2, note: null });
    expect(store.readOutbound(cancelled)?.state).toBe('cancelled');
    expect(store.transitionOutboundMany(['queued'], [])).toEqual([]);
  });

  it('When a batch is acknowledged, Then each message records its own partition and offset in the same commit', () => {
    const [first, second] = [enqueue(), enqueue()] as [string, string];
    store.transitionOutboundMany(['queued'], [first, second].map((id) => ({ id, change: { state: 'sending', at: T0 + 1, attempt: true } })));

    const sent = store.transitionOutboundMany(['sending'], [
      { id: second, change: { state: 'sent', at: T0 + 2, reason: null, partition: 1, offset: '9007199254740993' } },
      { id: first, change: { state: 'sent', at: T0 + 2, reason: null, partition: 0, offset: '41' } },
    ]);

    expect(sent).toEqual([second, first]);
    expect(store.readOutbound(first)).toMatchObject({ state: 'sent', partition: 0, offset: '41', attempts: 1 });
    expect(store.readOutbound(second)).toMatchObject({ state: 'sent', partition: 1, offset: '9007199254740993', attempts: 1 });
    expect(store.readOutbound(second)?.history.map((entry) => entry.state)).toEqual(['queued', 'sending', 'sent']);
  });

  it('When messages wait for several destinations, Then each destination drains only its own', () => {
    const chat = enqueue({ topic: 'chat.out' });
    const markers = enqueue({ topic: 'markers.out', precedence: 'flash' });
    const otherProfile = enqueue({ profileId: 'hq', precedence: 'flash' });
    store.transitionOutbound(enqueue({ topic: 'sent.out' }), ['queued'], { state: 'sent', at: T0 });

    expect(store.outboundDestinations()).toEqual([
      { profileId: 'edge', topic: 'chat.out' },
      { profileId: 'edge', topic: 'markers.out' },
      { profileId: 'hq', topic: 'chat.out' },
    ]);
    expect(drain('edge', 'chat.out')).toEqual([chat]);
    expect(drain('edge', 'markers.out')).toEqual([markers]);
    expect(drain('hq', 'chat.out')).toEqual([otherProfile]);
    expect(store.outboundDestinations()).toEqual([]);
  });

  it('When a message goes through sending to sent, Then each step is in its history and the attempt and placement are kept', () => {
    const id = enqueue();

    store.transitionOutbound(id, ['queued'], { state: 'sending', at: T0 + 1, attempt: true });
    const sent = store.transitionOutbound(id, ['sending'], { state: 'sent', at: T0 + 2, partition: 3, offset: '9007199254740993' });

    expect(sent).toMatchObject({ state: 'sent', attempts: 1, partition: 3, offset: '9007199254740993', updatedAt: T0 + 2 });
    expect(sent?.history.map((entry) => [entry.state, entry.at])).toEqual([
      ['queued', T0],
      ['sending', T0 + 1],
      ['sent', T0 + 2],
    ]);
  });

  it('When a sent message is cancelled, Then nothing changes and null says so', () => {
    const id = enqueue();
    const sent = store.transitionOutbound(id, ['queued'], { state: 'sent', at: T0 + 1 });

    expect(store.transitionOutbound(id, ['queued', 'failed'], { state: 'cancelled', at: T0 + 2, note: 'Cancelled by the analyst.' })).toBeNull();
    expect(store.readOutbound(id)).toEqual(sent);
    expect(store.transitionOutbound('00000000-0000-4000-8000-ffffffffffff', ['queued'], { state: 'cancelled', at: T0 })).toBeNull();
  });

  it('When an attempt fails and is retried, Then the reason is replaced only when a new one is given', () => {
    const id = enqueue();
    store.transitionOutbound(id, ['queued'], { state: 'sending', at: T0 + 1, attempt: true });
    const failed = store.transitionOutbound(id, ['sending'], {
      state: 'failed',
      at: T0 + 2,
      reason: 'The broker refused the message: it is too large.',
      note: 'The broker refused the message: it is too large.',
    });
    const requeued = store.transitionOutbound(id, ['failed'], { state: 'queued', at: T0 + 3, note: 'Queued again by the analyst.' });
    const cleared = store.transitionOutbound(id, ['queued'], { state: 'sending', at: T0 + 4, attempt: true, reason: null });

    expect(failed?.reason).toBe('The broker refused the message: it is too large.');
    expect(requeued?.reason).toBe('The broker refused the message: it is too large.');
    expect(cleared).toMatchObject({ reason: null, attempts: 2 });
    expect(cleared?.history.map((entry) => entry.note)).toEqual([
      null,
      null,
      'The broker refused the message: it is too large.',
      'Queued again by the analyst.',
      null,
    ]);
  });

  it('When a queued message is revised with a new precedence, Then it moves up the queue and its history says why', () => {
    const older = enqueue({ precedence: 'routine' }, T0);
    const raised = anOutboundMessage({ precedence: 'routine' }, T0 + 1);
    store.enqueueOutbound(raised);

    const message = store.reviseOutbound(raised.id, { draft: { ...raised.draft, precedence: 'flash' }, payload: raised.payload, wireBytes: 30, at: T0 + 5, note: 'Precedence set to FLASH.' });

    expect(message).toMatchObject({ precedence: 'flash', state: 'queued', createdAt: T0 + 1, updatedAt: T0 + 5 });
    expect(message?.history.at(-1)).toEqual({ state: 'queued', at: T0 + 5, note: 'Precedence set to FLASH.' });
    expect(drain('edge', 'chat.out')).toEqual([raised.id, older]);
  });

  it('When a queued message is revised, Then its content, destination and bytes change while its id and place in the queue stay', () => {
    const edited = anOutboundMessage({ topic: 'chat.out' }, T0);
    store.enqueueOutbound(edited);
    const behind = enqueue({ topic: 'reports.out' }, T0 + 1);
    const payload = new TextEncoder().encode('{"text":"Convoy at checkpoint 4, moving north."}');

    const message = store.reviseOutbound(edited.id, {
      draft: { ...edited.draft, topic: 'reports.out', content: { kind: 'text', text: 'Convoy at checkpoint 4, moving north.' } },
      payload,
      wireBytes: 41,
      at: T0 + 9,
      note: 'Edited by the analyst.',
    });

    expect(message).toMatchObject({ id: edited.id, topic: 'reports.out', content: { text: 'Convoy at checkpoint 4, moving north.' }, bytes: payload.byteLength, wireBytes: 41 });
    expect(Buffer.from(headOf('edge', 'reports.out')[0]?.payload ?? []).toString()).toContain('checkpoint 4');
    expect(drain('edge', 'reports.out')).toEqual([edited.id, behind]);
    expect(drain('edge', 'chat.out')).toEqual([]);
  });

  it('When a message that is no longer queued is revised, Then nothing changes and null says so', () => {
    const message = anOutboundMessage({ precedence: 'routine' });
    store.enqueueOutbound(message);
    const sending = store.transitionOutbound(message.id, ['queued'], { state: 'sending', at: T0 + 1 });

    expect(store.reviseOutbound(message.id, { draft: { ...message.draft, precedence: 'flash' }, payload: message.payload, wireBytes: 30, at: T0 + 2, note: 'Precedence set to FLASH.' })).toBeNull();
    expect(store.readOutbound(message.id)).toEqual(sending);
  });

  it('When budgets are set and lifted, Then each destination reads its own and the backlog lists queued and budgeted destinations', () => {
    enqueue({ topic: 'chat.out' });
    enqueue({ topic: 'chat.out' });
    store.transitionOutbound(enqueue({ topic: 'chat.out' }), ['queued'], { state: 'sent', at: T0 });
    store.setOutboundBudget({ profileId: 'edge', topic: 'chat.out' }, 2_000);
    store.setOutboundBudget({ profileId: 'edge', topic: 'chat.out' }, 1_000);
    store.setOutboundBudget({ profileId: 'cloud', topic: 'idle.out' }, 8_000);

    expect(store.outboundBudget({ profileId: 'edge', topic: 'chat.out' })).toBe(1_000);
    expect(store.outboundBudget({ profileId: 'edge', topic: 'other.out' })).toBeNull();
    expect(store.outboundBacklogs()).toEqual([
      { profileId: 'cloud', topic: 'idle.out', queued: 0, queuedWireBytes: 0, budgetBytesPerSecond: 8_000 },
      { profileId: 'edge', topic: 'chat.out', queued: 2, queuedWireBytes: 60, budgetBytesPerSecond: 1_000 },
    ]);

    store.setOutboundBudget({ profileId: 'cloud', topic: 'idle.out' }, null);
    store.setOutboundBudget({ profileId: 'edge', topic: 'chat.out' }, null);
    expect(store.outboundBacklogs()).toEqual([{ profileId: 'edge', topic: 'chat.out', queued: 2, queuedWireBytes: 60, budgetBytesPerSecond: null }]);
  });

  it('When a previous run left messages sending, Then they are queued again with the note, and others stay as they are', () => {
    const interrupted = enqueue({}, T0);
    const alsoInterrupted = enqueue({}, T0 + 1);
    const sent = enqueue({}, T0 + 2);
    const queued = enqueue({}, T0 + 3);
    for (const id of [interrupted, alsoInterrupted, sent]) store.transitionOutbound(id, ['queued'], { state: 'sending', at: T0 + 4 });
    store.transitionOutbound(sent, ['sending'], { state: 'sent', at: T0 + 5 });

    expect(store.requeueInterruptedOutbound(T0 + 10, 'Outpost stopped while sending; queued again.')).toBe(2);

    for (const id of [interrupted, alsoInterrupted]) {
      expect(store.readOutbound(id)?.history.at(-1)).toEqual({ state: 'queued', at: T0 + 10, note: 'Outpost stopped while sending; queued again.' });
    }
    expect(store.readOutbound(sent)?.state).toBe('sent');
    expect(store.readOutbound(queued)?.history).toHaveLength(1);
    expect(store.requeueInterruptedOutbound(T0 + 11, 'Outpost stopped while sending; queued again.')).toBe(0);
  });

  it('When messages are in different states, Then the counts cover all five states, zeros included', () => {
    expect(store.countOutbound()).toEqual({ queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 });
    enqueue();
    enqueue();
    store.transitionOutbound(enqueue(), ['queued'], { state: 'cancelled', at: T0 });
    store.transitionOutbound(enqueue(), ['queued'], { state: 'failed', at: T0, reason: 'The topic does not exist.' });

    expect(store.countOutbound()).toEqual({ queued: 2, sending: 0, sent: 0, failed: 1, cancelled: 1 });
  });

  it('When the outbox is listed, Then the newest come first, filtered by state when asked', () => {
    const first = enqueue({}, T0);
    const second = enqueue({}, T0 + 1);
    const sameTimeAsSecond = enqueue({}, T0 + 1);
    store.transitionOutbound(first, ['queued'], { state: 'cancelled', at: T0 + 2 });

    expect(store.listOutbound(null, 10).map((message) => message.id)).toEqual([sameTimeAsSecond, second, first]);
    expect(store.listOutbound(null, 2).map((message) => message.id)).toEqual([sameTimeAsSecond, second]);
    expect(store.listOutbound(['cancelled', 'failed'], 10).map((message) => message.id)).toEqual([first]);
    expect(store.listOutbound([], 10)).toEqual([]);
  });

  it('When a row holds a precedence or state outside the list, Then the table refuses it', () => {
    const id = enqueue();
    expect(() => db.prepare("UPDATE outbox_messages SET precedence = 'urgent' WHERE id = ?").run(id)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE outbox_messages SET state = 'lost' WHERE id = ?").run(id)).toThrow(/CHECK/);
    expect(() => store.enqueueOutbound({ ...anOutboundMessage(), id })).toThrow(/UNIQUE/);
  });
});

describe('Given the cache on disk', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'cache.db');
  });
  afterEach(() => dir.remove());

  it('When the store and the ingest writer open it, Then the store syncs every commit and ingest syncs at checkpoints', () => {
    const main = openDatabase({ file, key: KEY });
    const ingest = openWriterConnection({ file, key: KEY });

    // 2 is FULL: an enqueued message is on disk before the UI shows it queued. 1 is NORMAL.
    expect(main.pragma('synchronous', { simple: true })).toBe(2);
    expect(ingest.pragma('synchronous', { simple: true })).toBe(1);
    ingest.close();
    main.close();
  });

  it('When the cache is closed and opened again, Then queued messages and their history are still there', () => {
    const first = createStore(openDatabase({ file, key: KEY }));
    const message = first.enqueueOutbound(anOutboundMessage({ precedence: 'immediate' }));
    first.close();

    const second = createStore(openDatabase({ file, key: KEY }));
    expect(second.readOutbound(message.id)).toEqual(message);
    expect(second.queuedOutbound({ profileId: 'edge', topic: 'chat.out' }, () => true).map(({ id }) => id)).toEqual([message.id]);
    second.close();
  });
});

describe('Given the outbox queue queries', () => {
  const planOf = queryPlanOf;

  it('When the next batch to send is planned, Then it walks the queue index in drain order without sorting', () => {
    const plan = planOf(
      "SELECT id, precedence, bytes, wire_bytes, reason, payload FROM outbox_messages WHERE state = 'queued' AND profile_id = 'edge' AND topic = 'chat.out' ORDER BY precedence_rank, seq",
    );
    expect(plan).toContain('USING INDEX outbox_queue (profile_id=? AND topic=?)');
    expect(plan).not.toMatch(/SCAN outbox_messages|TEMP B-TREE/);
  });

  it('When the destinations with queued messages are planned, Then only the queue index is read', () => {
    const plan = planOf("SELECT DISTINCT profile_id, topic FROM outbox_messages WHERE state = 'queued' ORDER BY profile_id, topic");
    expect(plan).toContain('USING COVERING INDEX outbox_queue');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('When a batch changes state, Then each message is found by its id, not by a scan', () => {
    const plan = planOf(
      `UPDATE outbox_messages SET state = 'sent' FROM (SELECT value ->> 'id' AS id FROM json_each('[{"id":"a"}]')) AS moving
       WHERE outbox_messages.id = moving.id AND outbox_messages.state IN (SELECT value FROM json_each('["sending"]'))`,
    );
    expect(plan).toMatch(/SEARCH outbox_messages USING INDEX sqlite_autoindex_outbox_messages_1 \(id=\?\)/);
    expect(plan).not.toMatch(/SCAN outbox_messages/);
  });

  it('When the queued bytes per destination are summed, Then only the queue index is read', () => {
    const plan = planOf("SELECT profile_id, topic, count(*), sum(wire_bytes) FROM outbox_messages WHERE state = 'queued' GROUP BY profile_id, topic");
    expect(plan).toContain('USING COVERING INDEX outbox_queue');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('When the outbox list is planned, Then it reads newest first without sorting', () => {
    const plan = planOf('SELECT * FROM outbox_messages ORDER BY created_at DESC, seq DESC LIMIT 50');
    expect(plan).toContain('outbox_by_created');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('Then precedence ranks follow the drain order of PRECEDENCES', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const insert = db.prepare(
      `INSERT INTO outbox_messages (id, profile_id, topic, precedence, state, format, content, payload, bytes, created_at, updated_at)
       VALUES (?, 'edge', 'chat.out', ?, 'queued', 'json', '{}', x'00', 1, 0, 0)`,
    );
    for (const precedence of [...PRECEDENCES].reverse()) insert.run(precedence, precedence);
    expect(db.prepare('SELECT precedence FROM outbox_messages ORDER BY precedence_rank').pluck().all()).toEqual(PRECEDENCES);
    db.close();
  });
});
