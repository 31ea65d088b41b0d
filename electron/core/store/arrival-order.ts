import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Records are numbered as they arrive, so the first one of a time window is found by a binary
 * search over those numbers, each probe one primary-key seek, with no index on arrival time for
 * ingest to keep up. Arrival order and id order agree but for clock steps, which move the
 * boundary by a few records at most; callers that must not cross it check the time as well.
 */
export interface ArrivalOrder {
  /** The id of the first record that arrived at or after `cutoff`; null when none did. */
  firstRecordReceivedSince(cutoff: number): number | null;
  lastRecordId(): number | null;
}

export function createArrivalOrder(db: Database): ArrivalOrder {
  const bounds = db.prepare<[], { first: number | null; last: number | null }>('SELECT min(id) AS first, max(id) AS last FROM records');
  const firstFrom = db.prepare<[number], { id: number; receivedAt: number }>('SELECT id, received_at AS receivedAt FROM records WHERE id >= ? ORDER BY id LIMIT 1');

  return {
    firstRecordReceivedSince(cutoff) {
      const { first, last } = bounds.get() ?? { first: null, last: null };
      if (first === null || last === null) return null;
      let low = first;
      let high = last + 1;
      while (low < high) {
        const middle = Math.floor((low + high) / 2);
        const probe = firstFrom.get(middle);
        if (probe === undefined || probe.receivedAt >= cutoff) high = middle;
        else low = probe.id + 1;
      }
      return low > last ? null : (firstFrom.get(low)?.id ?? null);
    },
    lastRecordId: () => bounds.get()?.last ?? null,
  };
}
