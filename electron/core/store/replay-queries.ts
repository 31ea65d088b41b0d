import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createArrivalOrder } from './arrival-order';
import { createRecordFixReads } from './record-fixes';
import type { ReplayedRecord, Store } from './store';

type ReplayQueries = Pick<Store, 'firstRecordReceivedSince' | 'recordsFrom' | 'lastRecordId'>;

/** Reading the cache back in the order it arrived, for trying a rule against it. */
export function createReplayQueries(db: Database): ReplayQueries {
  const arrival = createArrivalOrder(db);
  const page = db.prepare<[number, number], Omit<ReplayedRecord, 'tracks'>>(
    'SELECT id, received_at AS receivedAt, source, topic FROM records WHERE id >= ? ORDER BY id LIMIT ?',
  );
  const recordFixes = createRecordFixReads(db);

  return {
    firstRecordReceivedSince: arrival.firstRecordReceivedSince,
    recordsFrom(id, limit) {
      const records = page.all(id, limit);
      const last = records.at(-1);
      if (last === undefined) return [];
      const tracks = recordFixes.tracksByRecord(id - 1, last.id);
      return records.map((record) => ({ ...record, tracks: tracks.get(record.id) ?? [] }));
    },
    lastRecordId: arrival.lastRecordId,
  };
}
