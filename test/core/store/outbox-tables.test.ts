import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRECEDENCES, type OutboxDraft } from '../../../shared/outbox';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { openDatabase, openWriterConnection } from '../../../electron/core/store/open-database';
import { createStore, type NewOutboundMessage, type Store } from '../../../electron/core/store/store';
import { makeTempDir } from '../../support/temp-dir';

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
    for (let next = store.nextOutbound({ profileId, topic }); next !== null; next = store.nextOutbound({ profileId, topic })) {
      sent.push(next.message.id);
      store.transitionOutbound(next.message.id, ['queued'], { state: 'sent', at: T0 });
    }
    return sent;
  };

  it('When a message is enqueued, Then it reads back queued, with its content, bytes and a first history entry', () => {
    const message = anOutboundMessage({ content: { kind: 'marker', marker: 'hostile', lat: 41.5, lon: 9.25, label: 'OP North', remarks: null } });
    const stored = store.enqueueOutbound(message);

    expect(stored).toEqual({
      ...message.draft,
      id: message.id,
      state: 'queued',
      reason: null,
      bytes: message.payload.byteLength,
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
    const message = anOutboundMessage();
    store.enqueueOutbound(message);

    const next = store.nextOutbound({ profileId: 'edge', topic: 'chat.out' });

    expect(next?.message.id).toBe(message.id);
    expect(Buffer.from(next?.payload ?? []).equals(Buffer.from(message.payload))).toBe(true);
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

  it('When a queued message is given a new precedence, Then it moves up the queue and its history says why', () => {
    const older = enqueue({ precedence: 'routine' }, T0);
    const raised = enqueue({ precedence: 'routine' }, T0 + 1);

    const message = store.reprioritiseOutbound(raised, 'flash', T0 + 5);

    expect(message).toMatchObject({ precedence: 'flash', state: 'queued', updatedAt: T0 + 5 });
    expect(message?.history.at(-1)).toEqual({ state: 'queued', at: T0 + 5, note: 'Precedence set to FLASH.' });
    expect(drain('edge', 'chat.out')).toEqual([raised, older]);
  });

  it('When a message that is no longer queued is given a new precedence, Then nothing changes and null says so', () => {
    const id = enqueue({ precedence: 'routine' });
    const sending = store.transitionOutbound(id, ['queued'], { state: 'sending', at: T0 + 1 });

    expect(store.reprioritiseOutbound(id, 'flash', T0 + 2)).toBeNull();
    expect(store.readOutbound(id)).toEqual(sending);
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
    expect(second.nextOutbound({ profileId: 'edge', topic: 'chat.out' })?.message.id).toBe(message.id);
    second.close();
  });
});

describe('Given the outbox queue queries', () => {
  const planOf = (sql: string): string => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all()
      .map((row) => row.detail)
      .join('\n');
    db.close();
    return plan;
  };

  it('When the next message to send is planned, Then it walks the queue index in drain order without sorting', () => {
    const plan = planOf(
      "SELECT *, payload FROM outbox_messages WHERE state = 'queued' AND profile_id = 'edge' AND topic = 'chat.out' ORDER BY precedence_rank, seq LIMIT 1",
    );
    expect(plan).toContain('USING INDEX outbox_queue (profile_id=? AND topic=?)');
    expect(plan).not.toMatch(/SCAN outbox_messages|TEMP B-TREE/);
  });

  it('When the destinations with queued messages are planned, Then only the queue index is read', () => {
    const plan = planOf("SELECT DISTINCT profile_id, topic FROM outbox_messages WHERE state = 'queued' ORDER BY profile_id, topic");
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
