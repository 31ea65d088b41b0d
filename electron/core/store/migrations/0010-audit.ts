import type { Migration } from '../migration';

/** What SQLite answers to any attempt to change or remove an audit row. */
export const AUDIT_APPEND_ONLY_SENTENCE =
  'The audit log is append-only: a recorded event cannot be changed or removed. Record a new event instead.';

/**
 * The audit trail: security-relevant events, each chained to the one before by its hash (see
 * electron/core/audit/audit-chain.ts). The triggers stop ordinary writes from changing history;
 * the chain catches whoever drops them. AUTOINCREMENT keeps the highest id ever used in
 * sqlite_sequence, so rows deleted from the end still leave a trace.
 */
export const audit: Migration = {
  version: 10,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        details TEXT NOT NULL CHECK (json_valid(details)),
        prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
        hash BLOB NOT NULL CHECK (length(hash) = 32)
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, '${AUDIT_APPEND_ONLY_SENTENCE}');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, '${AUDIT_APPEND_ONLY_SENTENCE}');
      END;
    `);
  },
};
