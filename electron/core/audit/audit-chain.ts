import { createHash } from 'node:crypto';
import type { NewAuditRow } from '../store/audit-tables';

/** What the first row chains from: fixed, so every cache's log starts the same way. */
export const GENESIS_HASH = createHash('sha256').update('outpost audit log genesis v1').digest();

/**
 * SHA-256 over the previous row's hash and this row's fields. The fields are encoded as a JSON
 * array in a fixed order, so no two different rows encode alike. The id is left out: a row's
 * place is fixed by the hash it chains from, and leaving the id out is what lets verification
 * tell a row moved elsewhere from one that was changed.
 */
export function linkHash(prevHash: Buffer, row: Omit<NewAuditRow, 'prev_hash' | 'hash'>): Buffer {
  const fields = JSON.stringify([row.at, row.actor, row.action, row.subject, row.details]);
  return createHash('sha256').update(prevHash).update(fields, 'utf8').digest();
}
