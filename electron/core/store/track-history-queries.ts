import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TrackHistoryPoint } from '../../../shared/domain';
import type { DecodedFields } from './ingest-writer';
import type { CachedRecordValue, Store } from './store';

type TrackHistoryQueries = Pick<Store, 'trackPoints' | 'latestRecordOf'>;

/**
 * A track's past, read from the records whose first entity it is. Both
 * statements walk records_by_uid_time backwards from the newest, so the work
 * is bounded by the rows asked for, not by the size of the cache.
 */
export function createTrackHistoryQueries(db: Database): TrackHistoryQueries {
  const selectDecoded = db
    .prepare<[string, number], string>('SELECT decoded FROM records WHERE uid = ? AND decoded IS NOT NULL ORDER BY event_time DESC LIMIT ?')
    .pluck();
  const selectLatest = db.prepare<[string], { topic: string; partition: number; offset: number; receivedAt: number; value: Buffer }>(
    `SELECT topic, partition, "offset", received_at AS receivedAt, value FROM records WHERE uid = ? ORDER BY event_time DESC LIMIT 1`,
  );

  return {
    trackPoints: (uid, limit) => selectDecoded.all(uid, limit).flatMap((decoded) => pointsOf(uid, decoded)).reverse(),
    latestRecordOf: (uid): CachedRecordValue | null => selectLatest.get(uid) ?? null,
  };
}

function pointsOf(uid: string, decoded: string): TrackHistoryPoint[] {
  // A record may carry several entities; only the ones about this track are its history.
  return (JSON.parse(decoded) as DecodedFields[])
    .filter((fields) => fields[0] === uid)
    .map(([, , , lat, lon, hae, course, speed, time]) => ({ time, lat, lon, hae, speed, course }));
}
