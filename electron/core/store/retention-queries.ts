import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createArrivalOrder } from './arrival-order';
import type { EvictionStep, Store } from './store';

type RetentionQueries = Pick<Store, 'evictReceivedBefore' | 'evictOldest' | 'usedBytes' | 'dropKeyframesBeforeOldestFix'>;

// A record whose fix time falls in a pinned window is never a candidate.
const NOT_PINNED = 'NOT EXISTS (SELECT 1 FROM cache_pins AS p WHERE p.from_time <= r.event_time AND p.to_time >= r.event_time)';
// Between the step's start and the first record young enough; the time is checked as well, for clock steps.
export const RECEIVED_BEFORE_SQL = `SELECT r.id FROM records AS r WHERE r.id > ? AND r.id < ? AND r.received_at < ? AND ${NOT_PINNED} ORDER BY r.id LIMIT ?`;
export const OLDEST_SQL = `SELECT r.id FROM records AS r WHERE r.id > ? AND ${NOT_PINNED} ORDER BY r.id LIMIT ?`;

/**
 * Eviction walks records in insertion order (their rowid), which is also the order they were
 * received, so finding the oldest needs no extra index, and the records young enough to keep are
 * never read: the walk stops at the first of them (see ArrivalOrder). Each step starts after the
 * last record the one before deleted, so pinned records are passed over once, not once a step.
 * What was derived from an evicted record (its fixes, its free text, its stream's totals) goes
 * with it, through the records_evicted trigger.
 */
export function createRetentionQueries(db: Database): RetentionQueries {
  const arrival = createArrivalOrder(db);
  const receivedBefore = db.prepare<[number, number, number, number], number>(RECEIVED_BEFORE_SQL).pluck();
  const oldest = db.prepare<[number, number], number>(OLDEST_SQL).pluck();
  const deleteIds = db.prepare<[string]>('DELETE FROM records WHERE id IN (SELECT value FROM json_each(?))');
  const subtractRecords = db.prepare("UPDATE counters SET value = value - ? WHERE name = 'records'");
  const deleteStaleKeyframes = db.prepare(`
    DELETE FROM review_keyframes
    WHERE time < (SELECT max(time) FROM review_keyframes WHERE time <= (SELECT min(time) FROM positions))`);
  const pageCount = db.prepare<[], number>('PRAGMA page_count').pluck();
  const freePages = db.prepare<[], number>('PRAGMA freelist_count').pluck();
  const pageSize = db.prepare<[], number>('PRAGMA page_size').pluck();

  const evict = db.transaction((candidates: () => number[]): EvictionStep => {
    const ids = candidates();
    if (ids.length === 0) return { deleted: 0, lastId: null };
    const deleted = deleteIds.run(JSON.stringify(ids)).changes;
    subtractRecords.run(deleted);
    return { deleted, lastId: ids.at(-1) ?? null };
  });

  return {
    evictReceivedBefore: (cutoff, afterId, limit) =>
      evict.immediate(() => receivedBefore.all(afterId, arrival.firstRecordReceivedSince(cutoff) ?? Number.MAX_SAFE_INTEGER, cutoff, limit)),
    evictOldest: (afterId, limit) => evict.immediate(() => oldest.all(afterId, limit)),
    dropKeyframesBeforeOldestFix: () => deleteStaleKeyframes.run().changes,
    usedBytes: () => ((pageCount.get() ?? 0) - (freePages.get() ?? 0)) * (pageSize.get() ?? 4096),
  };
}
