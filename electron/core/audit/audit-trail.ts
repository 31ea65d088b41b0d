import type { Clock } from '../ports';
import type { AuditRow, AuditTables } from '../store/audit-tables';
import { GENESIS_HASH, linkHash } from './audit-chain';

export interface AuditEvent {
  /** Who did it: the analyst's login name, or "outpost" for what Outpost did on its own. */
  readonly actor: string;
  /** The method or step, such as "rules.save" or "outbox.delivered". */
  readonly action: string;
  /** What it was done to: an id, or a profile and topic. */
  readonly subject: string;
  /** What else a reviewer needs; never secrets. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type AuditProblem = 'edited' | 'deleted' | 'reordered' | 'broken-link';

export type AuditVerdict =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly rowId: number; readonly problem: AuditProblem; readonly sentence: string };

export interface AuditTrail {
  /** Appends the event, chained to the last one, and hands it to whatever forwards the log; returns its row id. */
  record(event: AuditEvent): number;
  /** Walks the whole chain and reports the first row that breaks it. */
  verify(): AuditVerdict;
}

/**
 * `onAppended` sees each row inside the transaction that appends it, on the same connection, so
 * what it writes (a copy queued in the outbox) commits with the row or not at all.
 */
export function createAuditTrail(tables: AuditTables, clock: Pick<Clock, 'now'>, onAppended?: (row: AuditRow) => void): AuditTrail {
  return {
    record(event) {
      return tables.transaction(() => {
        const prevHash = tables.lastHash() ?? GENESIS_HASH;
        const fields = { at: clock.now(), actor: event.actor, action: event.action, subject: event.subject, details: JSON.stringify(event.details ?? {}) };
        const row = { ...fields, prev_hash: prevHash, hash: linkHash(prevHash, fields) };
        const id = tables.append(row);
        onAppended?.({ id, ...row });
        return id;
      });
    },
    verify: () => verifyChain(tables),
  };
}

/** Where the walk stopped: the row it was looking at, and what was wrong there. */
type Break =
  | { readonly row: AuditRow; readonly problem: 'edited' | 'unlinked' }
  | { readonly row: AuditRow; readonly problem: 'deleted'; readonly missingFrom: number };

function verifyChain(tables: AuditTables): AuditVerdict {
  let expectedPrev: Buffer = GENESIS_HASH;
  let expectedId = 1;
  let count = 0;
  let found: Break | null = null;
  for (const row of tables.rows()) {
    found = breakAt(row, expectedPrev, expectedId);
    if (found !== null) break;
    expectedPrev = row.hash;
    expectedId = row.id + 1;
    count += 1;
  }
  if (found === null) {
    if (tables.highestIdIssued() >= expectedId) {
      return broken(expectedId, 'deleted', `Audit rows from ${expectedId} on are missing: they were deleted after they were recorded.`);
    }
    return { ok: true, count };
  }
  const { row } = found;
  switch (found.problem) {
    case 'edited':
      return broken(row.id, 'edited', `Audit row ${row.id} was edited after it was recorded: its fields no longer match its hash.`);
    case 'deleted':
      return broken(
        found.missingFrom,
        'deleted',
        found.missingFrom === row.id - 1
          ? `Audit row ${found.missingFrom} is missing: it was deleted after it was recorded.`
          : `Audit rows ${found.missingFrom} to ${row.id - 1} are missing: they were deleted after they were recorded.`,
      );
    case 'unlinked': {
      const followed = row.prev_hash.equals(GENESIS_HASH) ? 0 : tables.idOfHash(row.prev_hash);
      if (followed !== null) {
        const what = followed === 0 ? 'the start of the log' : `row ${followed}`;
        return broken(row.id, 'reordered', `Audit row ${row.id} is out of order: it was recorded after ${what}, not after row ${row.id - 1}.`);
      }
      return broken(row.id, 'broken-link', `Audit row ${row.id} does not follow row ${row.id - 1}: a row before it was rewritten with a new hash, or inserted by hand.`);
    }
  }
}

function breakAt(row: AuditRow, expectedPrev: Buffer, expectedId: number): Break | null {
  if (row.id !== expectedId) return { row, problem: 'deleted', missingFrom: expectedId };
  if (!linkHash(row.prev_hash, row).equals(row.hash)) return { row, problem: 'edited' };
  if (!row.prev_hash.equals(expectedPrev)) return { row, problem: 'unlinked' };
  return null;
}

function broken(rowId: number, problem: AuditProblem, sentence: string): AuditVerdict {
  return { ok: false, rowId, problem, sentence };
}
