import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface AuditRow {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** JSON text, hashed exactly as stored. */
  readonly details: string;
  readonly prev_hash: Buffer;
  readonly hash: Buffer;
}

export type NewAuditRow = Omit<AuditRow, 'id'>;

export interface AuditTables {
  /** The newest row's hash, or null when nothing has been recorded. */
  lastHash(): Buffer | null;
  /** Appends a row and returns its id. */
  append(row: NewAuditRow): number;
  /** Every row, oldest first, one at a time so a long log is never held whole. */
  rows(): IterableIterator<AuditRow>;
  /** The id of the row whose hash this is, if any row has it. */
  idOfHash(hash: Buffer): number | null;
  /** The highest id ever given to a row, deleted or not; 0 before the first. */
  highestIdIssued(): number;
  /** Runs `work` as one write transaction, so reading the last hash and appending cannot interleave. */
  transaction<T>(work: () => T): T;
}

export function createAuditTables(db: Database): AuditTables {
  const selectLastHash = db.prepare<[], Buffer>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck();
  const insert = db.prepare<NewAuditRow>(`
    INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash)
    VALUES (@at, @actor, @action, @subject, @details, @prev_hash, @hash)`);
  const selectRows = db.prepare<[], AuditRow>('SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id');
  const selectIdOfHash = db.prepare<[Buffer], number>('SELECT id FROM audit_log WHERE hash = ? ORDER BY id LIMIT 1').pluck();
  const selectHighestId = db.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck();

  return {
    lastHash: () => selectLastHash.get() ?? null,
    append: (row) => Number(insert.run(row).lastInsertRowid),
    rows: () => selectRows.iterate(),
    idOfHash: (hash) => selectIdOfHash.get(hash) ?? null,
    highestIdIssued: () => selectHighestId.get() ?? 0,
    transaction: (work) => db.transaction(work).immediate(),
  };
}
