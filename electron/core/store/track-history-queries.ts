import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TrackHistoryPoint } from '../../../shared/domain';
import { BUCKET_OF_TIME, createEntityFixReads, newestFirstAcrossBuckets } from './entity-fixes';
import type { CachedRecordValue, Store } from './store';

type TrackHistoryQueries = Pick<Store, 'trackPoints' | 'latestRecordOf'>;

/** The statements behind track history; each reads one bucket of the per-entity index, newest first. */
export const TRACK_HISTORY_SQL = {
  pointsInBucket: `
    SELECT time, lat, lon, hae, speed, course FROM positions
    WHERE ${BUCKET_OF_TIME} = ? AND entity = ? ORDER BY time DESC, record_id DESC LIMIT ?`,
  latestRecordInBucket: `
    SELECT records.topic, records.partition, records."offset", records.received_at AS receivedAt, records.value
    FROM positions JOIN records ON records.id = positions.record_id
    WHERE positions.${BUCKET_OF_TIME} = ? AND positions.entity = ? ORDER BY positions.time DESC, positions.record_id DESC LIMIT 1`,
} as const;

/**
 * A track's past, read from its fixes, so the work is bounded by the rows asked for, not by the
 * size of the cache.
 */
export function createTrackHistoryQueries(db: Database): TrackHistoryQueries {
  const entityFixes = createEntityFixReads(db);
  const selectPoints = db.prepare<[number, number, number], TrackHistoryPoint>(TRACK_HISTORY_SQL.pointsInBucket);
  const selectLatest = db.prepare<[number, number], { topic: string; partition: number; offset: number; receivedAt: number; value: Buffer }>(
    TRACK_HISTORY_SQL.latestRecordInBucket,
  );

  return {
    trackPoints(uid, limit) {
      const span = entityFixes.spanOfUid(uid);
      if (span === null) return [];
      return newestFirstAcrossBuckets(span, span.firstTime, span.lastTime, limit, (bucket, wanted) => selectPoints.all(bucket, span.id, wanted)).reverse();
    },
    latestRecordOf(uid): CachedRecordValue | null {
      const span = entityFixes.spanOfUid(uid);
      if (span === null) return null;
      return newestFirstAcrossBuckets(span, span.firstTime, span.lastTime, 1, (bucket) => {
        const row = selectLatest.get(bucket, span.id);
        return row === undefined ? [] : [row];
      })[0] ?? null;
    },
  };
}
