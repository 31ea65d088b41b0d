import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createAuditTrail, type AuditTrail } from '../../../electron/core/audit/audit-trail';
import { CACHE_FILE_NAME } from '../../../electron/core/create-core';
import { createAuditTables } from '../../../electron/core/store/audit-tables';
import { openDatabase } from '../../../electron/core/store/open-database';
import { manualClock } from '../../support/manual-clock';
import { testCacheKeys } from '../../support/test-keyring';

/** An encrypted cache in a data folder laid out as Outpost lays it out, keyring beside it, with an audit trail on it. */
export async function openAuditCache(dataDir: string): Promise<{ readonly db: Database; readonly trail: AuditTrail }> {
  const db = openDatabase({ file: join(dataDir, CACHE_FILE_NAME), key: (await testCacheKeys(dataDir)).databaseKey });
  return { db, trail: createAuditTrail(createAuditTables(db), manualClock()) };
}

/** Five events of the kinds Outpost records, in the order an analyst's shift might produce them. */
export function recordAShift(trail: AuditTrail): void {
  trail.record({ actor: 'kim', action: 'profiles.save', subject: 'north', details: { name: 'North', brokers: ['k1:9092'] } });
  trail.record({ actor: 'kim', action: 'rules.save', subject: 'fast-movers', details: { severity: 'info' } });
  trail.record({ actor: 'kim', action: 'outbox.enqueue', subject: 'msg-1', details: { topic: 'orders' } });
  trail.record({ actor: 'outpost', action: 'outbox.delivered', subject: 'north/orders', details: { messages: [{ id: 'msg-1' }] } });
  trail.record({ actor: 'kim', action: 'alerts.acknowledge', subject: 'alert-7', details: { note: null } });
}

/** What someone with the key and a SQLite shell can do: lift the append-only triggers. */
export function dropAppendOnlyTriggers(db: Database): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}
