import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReplayedRecord, Store } from './store';

type ReplayQueries = Pick<Store, 'firstRecordReceivedSince' | 'recordsFrom' | 'lastRecordId'>;

/**
 * Reading the cache back in the order it arrived, for trying a rule against it. Records are
 * numbered as they arrive, so the first one of a time window is found by a binary search over
 * those numbers (each probe one index seek), with no index on arrival time to keep up on ingest.
 */
export function createReplayQueries(db: Database): ReplayQueries {
  const bounds = db.prepare<[], { first: number | null; last: number | null }>('SELECT min(id) AS first, max(id) AS last FROM records');
  const firstFrom = db.prepare<[number], { id: number; receivedAt: number }>('SELECT id, received_at AS receivedAt FROM records WHERE id >= ? ORDER BY id LIMIT 1');
  const page = db.prepare<[number, number], ReplayedRecord>(
    'SELECT id, received_at AS receivedAt, source, topic, decoded FROM records WHERE id >= ? ORDER BY id LIMIT ?',
  );

  return {
    firstRecordReceivedSince(cutoff) {
      const { first, last } = bounds.get() ?? { first: null, last: null };
      if (first === null || last === null) return null;
      // Arrival order and id order agree but for clock steps, which moves the boundary by a few records at most.
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
    recordsFrom: (id, limit) => page.all(id, limit),
    lastRecordId: () => bounds.get()?.last ?? null,
  };
}
