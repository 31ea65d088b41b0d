import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketOf, createEntityFixReads, ENTITY_BUCKET_MS } from '../../../electron/core/store/entity-fixes';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { createSearchQueries, type FixKey } from '../../../electron/core/store/search-queries';
import { createStore } from '../../../electron/core/store/store';
import { cacheReviewScript, type ScriptedEntity } from '../../support/review-cache';
import { seeded } from '../../support/seeded';

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const unit = (uid: string, reportsAt: (time: number) => boolean): ScriptedEntity => ({
  uid,
  callsign: uid.toUpperCase(),
  type: 'a-f-G-U-C',
  positionAt: (time) => ({ lat: 40 + (time - T0) / HOUR / 100, lon: 9 + uid.length / 100 }),
  reportsAt,
});

/** What each reader must agree with: the same question asked of every fix, with no index. */
function bruteForce(db: Database) {
  const columns = 'time, entity, record_id AS recordId';
  return {
    latest: db.prepare<[number, number], { time: number; recordId: number }>(
      `SELECT ${columns} FROM positions NOT INDEXED WHERE entity = ? AND time <= ? ORDER BY time DESC, record_id DESC LIMIT 1`,
    ),
    trail: db.prepare<[number, number, number, number], { time: number }>(
      'SELECT time FROM positions NOT INDEXED WHERE entity = ? AND time > ? AND time <= ? ORDER BY time DESC, record_id DESC LIMIT ?',
    ),
    below: db.prepare<[number, number, number, number, number], FixKey>(
      `SELECT ${columns} FROM positions NOT INDEXED WHERE entity = ? AND (time < ? OR (time = ? AND record_id < ?)) AND time >= ? ORDER BY time DESC, record_id DESC`,
    ),
  };
}

describe('Given three units cached through the real writer over four hours, one silent for an hour, and a late file of older fixes', () => {
  let db: Database;
  const ids = new Map<string, number>();

  beforeAll(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    cacheReviewScript(db, {
      entities: [
        unit('alpha', () => true),
        unit('bravo', (time) => time < T0 + HOUR || time >= T0 + 2 * HOUR),
        unit('charlie', (time) => (time - T0) % (7 * MINUTE) === 0),
      ],
      from: T0,
      to: T0 + 4 * HOUR,
      everyMs: MINUTE,
    });
    // Older than anything alpha sent before, arriving last, as from a unit that was out of reach.
    cacheReviewScript(db, { entities: [unit('alpha', () => true)], from: T0 - 3 * HOUR, to: T0 - 2 * HOUR, everyMs: 5 * MINUTE, topic: 'late' });
    for (const row of db.prepare<[], { id: number; uid: string }>('SELECT id, uid FROM entities').all()) ids.set(row.uid, row.id);
  });
  afterAll(() => db.close());

  it('Then each unit spans its first to last fix, the late ones included, with no flush needed', () => {
    const reads = createEntityFixReads(db);
    expect(reads.spanOfUid('alpha')).toEqual({ id: ids.get('alpha'), firstTime: T0 - 3 * HOUR, lastTime: T0 + 4 * HOUR });
    expect(reads.spanOfUid('charlie')?.lastTime).toBe(T0 + 4 * HOUR - (4 * 60 % 7) * MINUTE);
  });

  it('When the latest fix at or before 300 random moments is asked for, Then it is the one a scan of every fix finds, across buckets and gaps', () => {
    const reads = createEntityFixReads(db);
    const brute = bruteForce(db);
    const random = seeded(11);
    for (let n = 0; n < 300; n += 1) {
      const at = T0 - 4 * HOUR + Math.floor(random() * 9 * HOUR);
      for (const entity of ids.values()) {
        const expected = brute.latest.get(entity, at);
        const found = reads.latestFixOf(entity, at);
        expect(found === null ? undefined : { time: found.time, recordId: found.recordId }).toEqual(expected === undefined ? undefined : { time: expected.time, recordId: expected.recordId });
      }
    }
  });

  it('When trails of random windows and lengths are read, Then they are the newest fixes a scan finds, in order, across bucket edges', () => {
    const reads = createEntityFixReads(db);
    const brute = bruteForce(db);
    const random = seeded(12);
    for (let n = 0; n < 200; n += 1) {
      const to = T0 - 4 * HOUR + Math.floor(random() * 9 * HOUR);
      const from = to - Math.floor(random() * 3 * HOUR);
      const limit = 1 + Math.floor(random() * 80);
      for (const entity of ids.values()) {
        expect(reads.trailOf(entity, from, to, limit).map((point) => point.time)).toEqual(brute.trail.all(entity, from, to, limit).map((row) => row.time));
      }
    }
  });

  it('When a unit’s track history is read, Then it is its newest fixes, oldest first, and its latest record is the last of them', () => {
    const store = createStore(db);
    const times = store.trackPoints('bravo', 150).map((point) => point.time);
    expect(times).toHaveLength(150);
    expect(times.at(-1)).toBe(T0 + 4 * HOUR);
    // 121 fixes after the silent hour, so the newest 150 reach back 29 minutes into the first hour.
    expect(times[0]).toBe(T0 + HOUR - 29 * MINUTE);
    expect(times.every((time, index) => index === 0 || time > (times[index - 1] ?? 0))).toBe(true);
    expect(store.latestRecordOf('bravo')?.topic).toBe('cot');
    expect(store.trackPoints('alpha', 1000).length).toBe(4 * 60 + 1 + 13);
  });

  it('When search walks one unit’s history below a key with a budget, Then its edge and its fixes are those a scan finds', () => {
    const search = createSearchQueries(db);
    const brute = bruteForce(db);
    const random = seeded(13);
    const anyFix = { kinds: null, streams: null, entities: null, area: null };
    for (let n = 0; n < 150; n += 1) {
      const entity = [...ids.values()][n % ids.size] ?? 0;
      const below: FixKey = { time: T0 - 3 * HOUR + Math.floor(random() * 8 * HOUR), entity, recordId: Math.floor(random() * 2_000) };
      const from = below.time - Math.floor(random() * 5 * HOUR);
      const count = 1 + Math.floor(random() * 120);
      const all = brute.below.all(entity, below.time, below.time, below.recordId, from);

      const edge = search.searchEntityFixEdge(entity, below, from, count);
      const expectedEdge = all[count - 1];
      expect(edge).toEqual(expectedEdge === undefined ? null : { edge: expectedEdge, more: all.length > count });

      const lowest = edge?.edge ?? { time: from, entity: 0, recordId: 0 };
      const fixes = search.searchEntityFixesBetween(entity, below, lowest, { from, to: below.time, ...anyFix }, 50);
      const expected = all.filter((fix) => fix.time > lowest.time || (fix.time === lowest.time && fix.recordId >= lowest.recordId)).slice(0, 50);
      expect(fixes.map((fix) => [fix.time, fix.recordId])).toEqual(expected.map((fix) => [fix.time, fix.recordId]));
    }
  });

  it('Then the buckets are what the index is built on', () => {
    expect(bucketOf(T0 + ENTITY_BUCKET_MS - 1)).toBe(bucketOf(T0));
    const sqlBucket = db.prepare<[number], number>(`SELECT CAST(? AS INTEGER) / ${ENTITY_BUCKET_MS}`).pluck();
    for (const time of [T0, T0 + ENTITY_BUCKET_MS - 1, T0 + ENTITY_BUCKET_MS, 0, 599_999]) expect(bucketOf(time)).toBe(sqlBucket.get(time));
  });
});
