import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Store } from './store';

type RetentionQueries = Pick<Store, 'evictReceivedBefore' | 'evictOldest' | 'usedBytes'>;

/**
 * Eviction walks records in insertion order (their rowid), which is also the
 * order they were received, so finding the oldest needs no extra index.
 */
export function createRetentionQueries(db: Database): RetentionQueries {
  const deleteReceivedBefore = db.prepare(
    'DELETE FROM records WHERE id IN (SELECT id FROM records WHERE received_at < ? ORDER BY id LIMIT ?)',
  );
  const deleteOldest = db.prepare('DELETE FROM records WHERE id IN (SELECT id FROM records ORDER BY id LIMIT ?)');
  const subtractRecords = db.prepare("UPDATE counters SET value = value - ? WHERE name = 'records'");
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
    usedBytes: () => ((pageCount.get() ?? 0) - (freePages.get() ?? 0)) * (pageSize.get() ?? 4096),
  };
}
