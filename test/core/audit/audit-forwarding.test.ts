import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutpostConfigSchema, type OutpostConfigInput } from '../../../shared/config';
import type { OutboxMessage } from '../../../shared/outbox';
import { createAuditForwarder } from '../../../electron/core/audit/audit-forwarding';
import { linkHash } from '../../../electron/core/audit/audit-chain';
import { auditedDeliveries } from '../../../electron/core/audit/audited-deliveries';
import { createAuditTrail, type AuditTrail } from '../../../electron/core/audit/audit-trail';
import { CACHE_FILE_NAME, createCore, type Core } from '../../../electron/core/create-core';
import { createAuditTables, type AuditRow } from '../../../electron/core/store/audit-tables';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore, type Store } from '../../../electron/core/store/store';
import { anOutboxDraft } from '../../builders/outbox-draft-builder';
import { manualClock } from '../../support/manual-clock';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { makeTempDir } from '../../support/temp-dir';
import { aRuleSave, readAuditCopy } from './forwarded-audit';

const AUDIT_TOPIC = 'outpost-audit';
const HQ = { id: 'hq', name: 'HQ', brokers: ['127.0.0.1:1'], enabled: false };

interface QueuedRow {
  id: string;
  profile_id: string;
  topic: string;
  precedence: string;
  classification: string | null;
  state: string;
  payload: Buffer;
}

/** A core run by kim on a fresh cache; what it left in the cache is read back once it has closed. */
function kimsCore(config: OutpostConfigInput) {
  const secrets = memorySecrets();
  const log = recordingLog();
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let closed = false;
  return {
    log,
    core: () => core,
    async start() {
      dir = makeTempDir();
      closed = false;
      core = await createCore({ dataDir: dir.path, config: OutpostConfigSchema.parse(config), secrets, clock: manualClock(), log, ingestWorker: sourceIngestWorker, operator: 'kim' });
    },
    async stop() {
      if (!closed) await core.close();
      dir.remove();
    },
    /** The audit rows and outbox messages, oldest first, as the cache holds them after the core has closed. */
    async cacheContents(): Promise<{ rows: AuditRow[]; messages: QueuedRow[] }> {
      await core.close();
      closed = true;
      const db = openDatabase({ file: join(dir.path, CACHE_FILE_NAME), key: secrets.key() ?? '' });
      try {
        return {
          rows: [...createAuditTables(db).rows()],
          messages: db.prepare<[], QueuedRow>('SELECT id, profile_id, topic, precedence, classification, state, payload FROM outbox_messages ORDER BY seq').all(),
        };
      } finally {
        db.close();
      }
    },
  };
}

describe('Given a core whose audit log is forwarded to topic outpost-audit of profile hq, at a site marked NATO RESTRICTED', () => {
  const run = kimsCore({ profiles: [HQ], classification: { marking: 'NATO RESTRICTED' }, audit: { forwardTo: { profileId: 'hq', topic: AUDIT_TOPIC } } });
  beforeEach(() => run.start());
  afterEach(() => run.stop());

  it('When kim saves a rule, Then one routine message, marked as the site marks, is queued to hq/outpost-audit, carrying the row exactly as recorded', async () => {
    expect(await run.core().dispatch('rules.save', aRuleSave('fast-movers'))).toMatchObject({ ok: true });

    const { rows, messages } = await run.cacheContents();

    expect(rows.map(({ actor, action, subject }) => [actor, action, subject])).toEqual([['kim', 'rules.save', 'fast-movers']]);
    expect(messages.map(({ profile_id, topic, precedence, classification, state }) => ({ profile_id, topic, precedence, classification, state }))).toEqual([
      { profile_id: 'hq', topic: AUDIT_TOPIC, precedence: 'routine', classification: 'NATO RESTRICTED', state: 'queued' },
    ]);
    const copy = readAuditCopy(messages[0]?.payload ?? '');
    expect(copy.message).toMatchObject({ id: messages[0]?.id, kind: 'audit', precedence: 'routine', classification: 'NATO RESTRICTED' });
    expect(copy.row).toEqual(rows[0]);
    expect(linkHash(copy.row.prev_hash, copy.row).equals(copy.row.hash)).toBe(true);
  });

  it('When kim queues a message of her own to the audit topic, Then she is told to pick another topic, and nothing is queued or logged', async () => {
    const refused = await run.core().dispatch('outbox.enqueue', { draft: anOutboxDraft({ profileId: 'hq', topic: AUDIT_TOPIC }) });

    expect(refused).toEqual({ ok: false, error: { code: 'failed', message: "Topic outpost-audit of profile hq carries Outpost's audit log only; send the message to another topic." } });
    expect(await run.cacheContents()).toEqual({ rows: [], messages: [] });
  });

  it('When kim tries to edit, cancel or change the precedence of a queued copy, Then she is refused, as the copy goes as it was recorded', async () => {
    await run.core().dispatch('rules.save', aRuleSave('fast-movers'));
    const listed = await run.core().dispatch('outbox.list', {});
    const copyId = listed.ok ? ((listed.value as OutboxMessage[])[0]?.id ?? '') : '';

    const precedence = await run.core().dispatch('outbox.setPrecedence', { id: copyId, precedence: 'flash' });
    const edit = await run.core().dispatch('outbox.edit', { id: copyId, draft: anOutboxDraft({ profileId: 'hq', topic: 'elsewhere' }) });
    const cancel = await run.core().dispatch('outbox.cancel', { id: copyId });

    const sentence = "This is Outpost's copy of an audit event; it goes as it was recorded, so it cannot be changed or cancelled.";
    expect(precedence).toEqual({ ok: false, error: { code: 'failed', message: sentence } });
    expect(edit).toEqual({ ok: false, error: { code: 'failed', message: sentence } });
    expect(cancel).toEqual({ ok: false, error: { code: 'failed', message: sentence } });
    const { messages } = await run.cacheContents();
    expect(messages.map(({ id, precedence: stored, state }) => [id, stored, state])).toEqual([[copyId, 'routine', 'queued']]);
  });
});

describe('Given a core with no audit forwarding set, as by default', () => {
  const run = kimsCore({ profiles: [HQ] });
  beforeEach(() => run.start());
  afterEach(() => run.stop());

  it('When kim saves a rule, Then the row is recorded and nothing is queued in the outbox', async () => {
    await run.core().dispatch('rules.save', aRuleSave('fast-movers'));

    const { rows, messages } = await run.cacheContents();

    expect(rows).toHaveLength(1);
    expect(messages).toEqual([]);
  });
});

describe('Given a core whose audit log is forwarded to a profile nobody has added', () => {
  const run = kimsCore({ profiles: [HQ], audit: { forwardTo: { profileId: 'nowhere', topic: AUDIT_TOPIC } } });
  beforeEach(() => run.start());
  afterEach(() => run.stop());

  it('When the core starts, Then it says in the log that the copies wait for that profile; and a copy of each event still queues for it', async () => {
    expect(run.log.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.message)).toEqual([
      'Audit events are set to go to the connection profile nowhere, which does not exist; they wait in the outbox and go to topic outpost-audit once a profile with that id is added in the Connections tab or the config file.',
    ]);

    await run.core().dispatch('rules.save', aRuleSave('fast-movers'));

    const { messages } = await run.cacheContents();
    expect(messages.map(({ profile_id, topic, state }) => [profile_id, topic, state])).toEqual([['nowhere', AUDIT_TOPIC, 'queued']]);
  });
});

describe('Given the store and audit trail wired as the core wires them, forwarding to hq/outpost-audit', () => {
  const forwardTo = { profileId: 'hq', topic: AUDIT_TOPIC };
  let db: Database;
  let store: Store;
  let trail: AuditTrail;
  let delivering: Store;

  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = createStore(db);
    const forwarder = createAuditForwarder({ settings: { forwardTo }, store, marking: 'UNCLASSIFIED' });
    trail = createAuditTrail(createAuditTables(db), manualClock(), forwarder?.forward);
    delivering = auditedDeliveries(store, trail, forwardTo);
  });
  afterEach(() => store.close());

  const queuedIds = (): string[] => store.listOutbound(['queued'], 100).map((message) => message.id).reverse();
  const auditActions = (): string[] => [...createAuditTables(db).rows()].map((row) => row.action);
  /** What the sender does with every queued message once the brokers have acknowledged it. */
  const deliverEverythingQueued = (): void => {
    const ids = queuedIds();
    delivering.transitionOutboundMany(['queued'], ids.map((id) => ({ id, change: { state: 'sending', at: 1 } })));
    delivering.transitionOutboundMany(['sending'], ids.map((id, n) => ({ id, change: { state: 'sent', at: 2, partition: 0, offset: String(n) } })));
  };

  it('When an event is recorded and an analyst message is delivered, Then each is copied once, and delivering the copies records and queues nothing more', () => {
    trail.record({ actor: 'kim', action: 'rules.save', subject: 'fast-movers' });
    store.enqueueOutbound({ id: 'orders-1', draft: anOutboxDraft({ profileId: 'edge', topic: 'orders' }), payload: new Uint8Array([1]), wireBytes: 1, createdAt: 0 });

    // The analyst's message and the first copy go; the analyst's delivery is recorded and copied.
    deliverEverythingQueued();
    expect(auditActions()).toEqual(['rules.save', 'outbox.delivered']);
    expect(queuedIds()).toHaveLength(1);

    // The second copy goes: its delivery is not recorded, so nothing new is queued.
    deliverEverythingQueued();
    expect(auditActions()).toEqual(['rules.save', 'outbox.delivered']);
    expect(queuedIds()).toEqual([]);
    expect(store.countOutbound()).toMatchObject({ sent: 3, queued: 0 });
    expect(trail.verify()).toEqual({ ok: true, count: 2 });
  });

  it('When the transaction an event was recorded in is rolled back, Then its copy goes with it', () => {
    const recordThenFail = db.transaction(() => {
      trail.record({ actor: 'kim', action: 'rules.save', subject: 'fast-movers' });
      throw new Error('The step after recording failed.');
    });

    expect(() => recordThenFail.immediate()).toThrow('The step after recording failed.');
    expect(auditActions()).toEqual([]);
    expect(store.countOutbound()).toMatchObject({ queued: 0 });
  });

  it('When the copy cannot be queued, Then the row is not kept either, so no event is kept without its copy', () => {
    const failingCopies = createAuditTrail(createAuditTables(db), manualClock(), () => {
      throw new Error('The disk is full.');
    });

    expect(() => failingCopies.record({ actor: 'kim', action: 'rules.save', subject: 'fast-movers' })).toThrow('The disk is full.');
    expect(auditActions()).toEqual([]);
  });
});
