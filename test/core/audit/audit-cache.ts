import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createAuditTrail, type AuditTrail } from '../../../electron/core/audit/audit-trail';
import { CACHE_FILE_NAME } from '../../../electron/core/create-core';
import { createAuditTables } from '../../../electron/core/store/audit-tables';
import { openDatabase } from '../../../electron/core/store/open-database';
import { manualClock } from '../../support/manual-clock';

export const AUDIT_KEY = 'c'.repeat(64);

/** An encrypted cache in a data folder laid out as Outpost lays it out, key file beside it, with an audit trail on it. */
export function openAuditCache(dataDir: string): { readonly db: Database; readonly trail: AuditTrail } {
  writeFileSync(join(dataDir, 'cache.key'), `${AUDIT_KEY}\n`, { mode: 0o600 });
  const db = openDatabase({ file: join(dataDir, CACHE_FILE_NAME), key: AUDIT_KEY });
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
