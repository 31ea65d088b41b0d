import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AlertMark } from '../../../shared/review';
import { FIX_COLUMNS, type FixRow } from '../review/fix-row';
import { createEntityFixReads, type EntityFixReads } from './entity-fixes';

/** What review reads: fixes by time, keyframes, trails, alerts by time and the dictionaries behind a fix's numbers. */
export interface ReviewQueries extends Pick<EntityFixReads, 'latestFixOf' | 'trailOf'> {
  /** The first and last fix times, how many fixes and entities; null when the cache holds no fixes. */
  reviewRange(): { from: number; to: number; fixes: number; entities: number } | null;
  /** The newest keyframe at or before `at`, its states still encoded. */
  keyframeAtOrBefore(at: number): StoredKeyframe | null;
  /** Up to `limit` fixes with from < time <= to, oldest first. */
  fixesBetween(from: number, to: number, limit: number): FixRow[];
  /** Every entity the cache has known. */
  entityIds(): number[];
  /** Alerts with from <= time <= to, oldest first. */
  alertMarks(from: number, to: number, limit: number): AlertMark[];
  /** Dictionary rows with an id above the given one, for keeping a reader's copy current. */
  entityUidsAfter(id: number): { id: number; value: string }[];
  cotTypesAfter(id: number): { id: number; cotType: string; affiliation: string; dimension: string }[];
  callsignsAfter(id: number): { id: number; value: string }[];
  streamsAfter(id: number): { id: number; source: string; topic: string }[];
}

export interface StoredKeyframe {
  readonly time: number;
  readonly states: Uint8Array;
}

/** The statements behind ReviewQueries; every hot one is a range on an index (see migrations.test.ts). */
export const REVIEW_SQL = {
  keyframe: 'SELECT time, states FROM review_keyframes WHERE time <= ? ORDER BY time DESC LIMIT 1',
  fixesBetween: `SELECT ${FIX_COLUMNS} FROM positions WHERE time > ? AND time <= ? ORDER BY time, entity, record_id LIMIT ?`,
  alertMarks: `
    SELECT id, time, severity, subject, callsign, rule_name AS ruleName, lat, lon FROM alerts
    WHERE time >= ? AND time <= ? ORDER BY time LIMIT ?`,
} as const;

export function createReviewQueries(db: Database): ReviewQueries {
  const range = db.prepare<[], { first: number | null; last: number | null; fixes: number; entities: number }>(`
    SELECT (SELECT min(time) FROM positions) AS first, (SELECT max(time) FROM positions) AS last,
      (SELECT value FROM counters WHERE name = 'fixes') AS fixes, (SELECT count(*) FROM entities) AS entities`);
  const keyframe = db.prepare<[number], StoredKeyframe>(REVIEW_SQL.keyframe);
  const fixesBetween = db.prepare<[number, number, number], FixRow>(REVIEW_SQL.fixesBetween);
  const entityIds = db.prepare<[], number>('SELECT id FROM entities').pluck();
  const entityFixes = createEntityFixReads(db);
  const alertMarks = db.prepare<[number, number, number], AlertMark>(REVIEW_SQL.alertMarks);
  const entityUids = db.prepare<[number], { id: number; value: string }>('SELECT id, uid AS value FROM entities WHERE id > ? ORDER BY id');
  const cotTypes = db.prepare<[number], { id: number; cotType: string; affiliation: string; dimension: string }>(
    'SELECT id, cot_type AS cotType, affiliation, dimension FROM cot_types WHERE id > ? ORDER BY id',
  );
  const callsigns = db.prepare<[number], { id: number; value: string }>('SELECT id, callsign AS value FROM callsigns WHERE id > ? ORDER BY id');
  const streams = db.prepare<[number], { id: number; source: string; topic: string }>('SELECT id, source, topic FROM streams WHERE id > ? ORDER BY id');

  return {
    reviewRange() {
      const row = range.get();
      if (row === undefined || row.first === null || row.last === null) return null;
      return { from: row.first, to: row.last, fixes: row.fixes, entities: row.entities };
    },
    keyframeAtOrBefore: (at) => keyframe.get(at) ?? null,
    fixesBetween: (from, to, limit) => fixesBetween.all(from, to, limit),
    entityIds: () => entityIds.all(),
    latestFixOf: entityFixes.latestFixOf,
    trailOf: entityFixes.trailOf,
    alertMarks: (from, to, limit) => alertMarks.all(from, to, limit),
    entityUidsAfter: (id) => entityUids.all(id),
    cotTypesAfter: (id) => cotTypes.all(id),
    callsignsAfter: (id) => callsigns.all(id),
    streamsAfter: (id) => streams.all(id),
  };
}
