import type { Database } from 'better-sqlite3-multiple-ciphers';
import { FIX_COLUMNS, type FixRow } from '../review/fix-row';

/** The width of the buckets of fix time that lead the per-entity index of fixes (migration 0009). */
export const ENTITY_BUCKET_MS = 600_000;
/** The bucket as SQL, exactly as the index is built on it: SQLite uses an expression index only for the same expression. */
export const BUCKET_OF_TIME = `time / ${ENTITY_BUCKET_MS}`;

/** The bucket of a fix time, rounding as SQLite's integer division does. */
export function bucketOf(time: number): number {
  return Math.trunc(time / ENTITY_BUCKET_MS);
}

/** An entity and the times of its first and last fix, which bound the buckets worth reading. */
export interface EntitySpan {
  readonly id: number;
  readonly firstTime: number;
  readonly lastTime: number;
}

/**
 * The buckets that can hold an entity's fixes with lower <= time <= upper, newest first. The
 * writer keeps `entities.first_time` exact and `last_time` in the right bucket, so a silent
 * entity costs no probes past its last fix.
 */
export function* bucketsNewestFirst(span: EntitySpan, lower: number, upper: number): Generator<number> {
  const bottom = bucketOf(Math.max(lower, span.firstTime));
  for (let bucket = bucketOf(Math.min(upper, span.lastTime)); bucket >= bottom; bucket -= 1) yield bucket;
}

/** Up to `limit` rows, newest first, read bucket by bucket until enough are found. */
export function newestFirstAcrossBuckets<T>(span: EntitySpan, lower: number, upper: number, limit: number, readBucket: (bucket: number, wanted: number) => readonly T[]): T[] {
  const found: T[] = [];
  for (const bucket of bucketsNewestFirst(span, lower, upper)) {
    if (found.length >= limit) break;
    found.push(...readBucket(bucket, limit - found.length));
  }
  return found;
}

export interface TrailPoint {
  readonly time: number;
  readonly lat: number;
  readonly lon: number;
}

/** One entity's fixes through the bucketed index: what review, keyframes and track history read. */
export interface EntityFixReads {
  spanOf(entity: number): EntitySpan | null;
  spanOfUid(uid: string): EntitySpan | null;
  /** The entity's latest fix at or before `at`. */
  latestFixOf(entity: number, at: number): FixRow | null;
  /** Up to `limit` of the entity's fixes with from < time <= to, newest first. */
  trailOf(entity: number, from: number, to: number, limit: number): TrailPoint[];
}

/** The statements behind EntityFixReads, each one range of one bucket of the index (see migrations.test.ts). */
export const ENTITY_FIX_SQL = {
  span: 'SELECT id, first_time AS firstTime, last_time AS lastTime FROM entities WHERE id = ?',
  spanOfUid: 'SELECT id, first_time AS firstTime, last_time AS lastTime FROM entities WHERE uid = ?',
  latestInBucket: `SELECT ${FIX_COLUMNS} FROM positions
    WHERE ${BUCKET_OF_TIME} = ? AND entity = ? AND time <= ? ORDER BY time DESC, record_id DESC LIMIT 1`,
  trailInBucket: `SELECT time, lat, lon FROM positions
    WHERE ${BUCKET_OF_TIME} = ? AND entity = ? AND time > ? AND time <= ? ORDER BY time DESC, record_id DESC LIMIT ?`,
} as const;

export function createEntityFixReads(db: Database): EntityFixReads {
  const span = db.prepare<[number], EntitySpan>(ENTITY_FIX_SQL.span);
  const spanOfUid = db.prepare<[string], EntitySpan>(ENTITY_FIX_SQL.spanOfUid);
  const latestInBucket = db.prepare<[number, number, number], FixRow>(ENTITY_FIX_SQL.latestInBucket);
  const trailInBucket = db.prepare<[number, number, number, number, number], TrailPoint>(ENTITY_FIX_SQL.trailInBucket);

  return {
    spanOf: (entity) => span.get(entity) ?? null,
    spanOfUid: (uid) => spanOfUid.get(uid) ?? null,
    latestFixOf(entity, at) {
      const known = span.get(entity);
      if (known === undefined) return null;
      for (const bucket of bucketsNewestFirst(known, Number.MIN_SAFE_INTEGER, at)) {
        const fix = latestInBucket.get(bucket, entity, at);
        if (fix !== undefined) return fix;
      }
      return null;
    },
    trailOf(entity, from, to, limit) {
      const known = span.get(entity);
      if (known === undefined) return [];
      return newestFirstAcrossBuckets(known, from + 1, to, limit, (bucket, wanted) => trailInBucket.all(bucket, entity, from, to, wanted));
    },
  };
}
