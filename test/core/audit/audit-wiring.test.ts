import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutpostConfigSchema } from '../../../shared/config';
import { auditedDeliveries, OUTPOST_ACTOR } from '../../../electron/core/audit/audited-deliveries';
import { createAuditTrail, type AuditTrail } from '../../../electron/core/audit/audit-trail';
import { createCore, type Core } from '../../../electron/core';
import { CACHE_FILE_NAME } from '../../../electron/core/create-core';
import { createAuditTables } from '../../../electron/core/store/audit-tables';
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

type LoggedEvent = { actor: string; action: string; subject: string; details: string };

describe('Given a core run by the analyst kim', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let closed: boolean;
  const secrets = memorySecrets();

  beforeEach(async () => {
    dir = makeTempDir();
    core = await createCore({
      dataDir: dir.path,
      config: OutpostConfigSchema.parse({}),
      secrets,
      clock: manualClock(),
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
      operator: 'kim',
    });
    closed = false;
  });
  afterEach(async () => {
    if (!closed) await core.close();
    dir.remove();
  });

  /** The log as it stands once the core has closed, read from the encrypted cache with its key. */
  const auditLog = async (): Promise<{ events: LoggedEvent[]; verdict: ReturnType<AuditTrail['verify']> }> => {
    await core.close();
    closed = true;
    const db = openDatabase({ file: join(dir.path, CACHE_FILE_NAME), key: secrets.key() ?? '' });
    try {
      const events = db.prepare<[], LoggedEvent>('SELECT actor, action, subject, details FROM audit_log ORDER BY id').all();
      return { events, verdict: createAuditTrail(createAuditTables(db), manualClock()).verify() };
    } finally {
      db.close();
    }
  };

  it('When she changes a connection, queues a message, edits a rule, exports and is refused an acknowledgement, Then each change is logged in order and the chain holds', async () => {
    expect(await core.dispatch('profiles.save', { profile: { id: 'edge', name: 'Edge', brokers: ['127.0.0.1:1'], enabled: false, sasl: { mechanism: 'plain', username: 'kim', password: 's3cret-pass' } } })).toMatchObject({ ok: true });
    expect(await core.dispatch('outbox.enqueue', { draft: anOutboxDraft({ profileId: 'edge' }) })).toMatchObject({ ok: true });
    expect(await core.dispatch('rules.save', { rule: { id: 'fast-movers', name: 'Fast movers', severity: 'info', enabled: true, filter: null, definition: { kind: 'expression', expression: 'speed > 250' } } })).toMatchObject({ ok: true });
    expect(await core.dispatch('rules.remove', { id: 'fast-movers' })).toMatchObject({ ok: true });
    expect(await core.dispatch('export.start', { scope: { kind: 'window', from: 0, to: 1 }, format: 'csv' })).toMatchObject({ ok: true });
    expect(await core.dispatch('alerts.acknowledge', { id: 'no-such-alert' })).toMatchObject({ ok: false });

    const { events, verdict } = await auditLog();

    expect(events.map(({ actor, action, subject }) => [actor, action, subject])).toEqual([
      ['kim', 'profiles.save', 'edge'],
      ['kim', 'outbox.enqueue', expect.any(String)],
      ['kim', 'rules.save', 'fast-movers'],
      ['kim', 'rules.remove', 'fast-movers'],
      ['kim', 'export.start', expect.any(String)],
    ]);
    expect(JSON.parse(events[0]?.details ?? '')).toMatchObject({ name: 'Edge', brokers: ['127.0.0.1:1'], sasl: 'plain' });
    expect(events.some((event) => event.details.includes('s3cret-pass'))).toBe(false);
    expect(verdict).toEqual({ ok: true, count: 5 });
  });
});

describe('Given the outbox store wrapped to log deliveries', () => {
  let db: Database;
  let store: Store;
  let trail: AuditTrail;
  let audited: Store;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = createStore(db);
    trail = createAuditTrail(createAuditTables(db), manualClock());
    audited = auditedDeliveries(store, trail);
  });
  afterEach(() => store.close());

  const enqueue = (id: string): void => {
    store.enqueueOutbound({ id, draft: anOutboxDraft({ profileId: 'edge', topic: 'orders' }), payload: new Uint8Array([1]), wireBytes: 1, createdAt: 0 });
  };
  const loggedActions = (): LoggedEvent[] => db.prepare<[], LoggedEvent>('SELECT actor, action, subject, details FROM audit_log ORDER BY id').all();

  it('When a batch is handed to the brokers and then marked sent, Then one delivery is logged for the batch, naming each message and where it landed', () => {
    enqueue('m-1');
    enqueue('m-2');
    audited.transitionOutboundMany(['queued'], ['m-1', 'm-2'].map((id) => ({ id, change: { state: 'sending', at: 1 } })));
    expect(loggedActions()).toEqual([]);

    audited.transitionOutboundMany(['sending'], [
      { id: 'm-1', change: { state: 'sent', at: 2, partition: 0, offset: '41' } },
      { id: 'm-2', change: { state: 'sent', at: 2, partition: 1, offset: '7' } },
    ]);

    expect(loggedActions()).toEqual([{ actor: OUTPOST_ACTOR, action: 'outbox.delivered', subject: 'edge/orders', details: JSON.stringify({ messages: [{ id: 'm-1', partition: 0, offset: '41' }, { id: 'm-2', partition: 1, offset: '7' }] }) }]);
    expect(trail.verify()).toEqual({ ok: true, count: 1 });
  });

  it('When a send fails and the batch goes back to the queue, Then nothing is logged as delivered', () => {
    enqueue('m-1');
    audited.transitionOutboundMany(['queued'], [{ id: 'm-1', change: { state: 'sending', at: 1 } }]);
    audited.transitionOutboundMany(['sending'], [{ id: 'm-1', change: { state: 'queued', at: 2, reason: 'The brokers did not answer.' } }]);
    expect(loggedActions()).toEqual([]);
  });
});
