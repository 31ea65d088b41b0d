import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TrackHistoryPoint } from '../../../shared/domain';
import type { CachedRecordValue, Store } from './store';

type TrackHistoryQueries = Pick<Store, 'trackPoints' | 'latestRecordOf'>;

/** The statements behind track history; both walk positions_by_entity backwards from the newest fix. */
export const TRACK_HISTORY_SQL = {
  points: `
    SELECT time, lat, lon, hae, speed, course FROM positions
    WHERE entity = (SELECT id FROM entities WHERE uid = ?) ORDER BY time DESC LIMIT ?`,
  latestRecord: `
    SELECT records.topic, records.partition, records."offset", records.received_at AS receivedAt, records.value
    FROM positions JOIN records ON records.id = positions.record_id
    WHERE positions.entity = (SELECT id FROM entities WHERE uid = ?) ORDER BY positions.time DESC LIMIT 1`,
} as const;

/**
 * A track's past, read from its fixes, so the work is bounded by the rows asked for, not by the
 * size of the cache.
 */
export function createTrackHistoryQueries(db: Database): TrackHistoryQueries {
  const selectPoints = db.prepare<[string, number], TrackHistoryPoint>(TRACK_HISTORY_SQL.points);
  const selectLatest = db.prepare<[string], { topic: string; partition: number; offset: number; receivedAt: number; value: Buffer }>(TRACK_HISTORY_SQL.latestRecord);

  return {
    trackPoints: (uid, limit) => selectPoints.all(uid, limit).reverse(),
    latestRecordOf: (uid): CachedRecordValue | null => selectLatest.get(uid) ?? null,
  };
}
