import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Store } from './store';

type RetentionQueries = Pick<Store, 'evictReceivedBefore' | 'evictOldest' | 'usedBytes' | 'dropKeyframesBeforeOldestFix'>;

// A record whose fix time falls in a pinned window is never a candidate.
const NOT_PINNED = 'NOT EXISTS (SELECT 1 FROM cache_pins AS p WHERE p.from_time <= r.event_time AND p.to_time >= r.event_time)';
export const RECEIVED_BEFORE_SQL = `SELECT r.id FROM records AS r WHERE r.received_at < ? AND ${NOT_PINNED} ORDER BY r.id LIMIT ?`;
export const OLDEST_SQL = `SELECT r.id FROM records AS r WHERE ${NOT_PINNED} ORDER BY r.id LIMIT ?`;

/**
 * Eviction walks records in insertion order (their rowid), which is also the
 * order they were received, so finding the oldest needs no extra index. What
 * was derived from an evicted record (its fixes, its free text, its stream's
 * totals) goes with it, through the records_evicted trigger.
 */
export function createRetentionQueries(db: Database): RetentionQueries {
  const deleteReceivedBefore = db.prepare(`DELETE FROM records WHERE id IN (${RECEIVED_BEFORE_SQL})`);
  const deleteOldest = db.prepare(`DELETE FROM records WHERE id IN (${OLDEST_SQL})`);
  const subtractRecords = db.prepare("UPDATE counters SET value = value - ? WHERE name = 'records'");
  const deleteStaleKeyframes = db.prepare(`
    DELETE FROM review_keyframes
    WHERE time < (SELECT max(time) FROM review_keyframes WHERE time <= (SELECT min(time) FROM positions))`);
  const pageCount = db.prepare<[], number>('PRAGMA page_count').pluck();
  const freePages = db.prepare<[], number>('PRAGMA freelist_count').pluck();
  const pageSize = db.prepare<[], number>('PRAGMA page_size').pluck();

  const evict = db.transaction((run: () => number): number => {
    const deleted = run();
    if (deleted > 0) subtractRecords.run(deleted);
    return deleted;
  });

  return {
    evictReceivedBefore: (cutoff, limit) => evict.immediate(() => deleteReceivedBefore.run(cutoff, limit).changes),
    evictOldest: (limit) => evict.immediate(() => deleteOldest.run(limit).changes),
    dropKeyframesBeforeOldestFix: () => deleteStaleKeyframes.run().changes,
    usedBytes: () => ((pageCount.get() ?? 0) - (freePages.get() ?? 0)) * (pageSize.get() ?? 4096),
  };
}
