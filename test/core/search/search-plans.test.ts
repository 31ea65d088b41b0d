import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketOf } from '../../../electron/core/store/entity-fixes';
import { SEARCH_SQL } from '../../../electron/core/store/search-queries';
import { T0 } from '../../builders/cached-records';
import { aSearchScenario, MINUTE } from '../../builders/search-scenario';

describe('Given the statements search runs', () => {
  let db: Database;
  const planOf = (sql: string, parameters: unknown[] | Record<string, unknown>): string =>
    db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(Array.isArray(parameters) ? parameters : [parameters]))
      .map((row) => row.detail)
      .join('\n');
  const fullScanOfPositions = /SCAN (p|positions)\b(?! USING)/;
  /** Conditions that leave every fix in, as the statements take them. */
  const anyFix = { from: 0, to: Number.MAX_SAFE_INTEGER, kinds: null, streams: null, entities: null, south: null, north: null, west: null, east: null };

  beforeAll(() => {
    db = aSearchScenario();
  });
  afterAll(() => db.close());

  it('When a uid is looked up, Then the unique uid index answers it', () => {
    expect(planOf(SEARCH_SQL.entityOfUid, ['raptor-3'])).toBe('SEARCH entities USING COVERING INDEX sqlite_autoindex_entities_1 (uid=?)');
  });

  it('When a callsign is looked up, Then the case-blind callsign index answers it', () => {
    expect(planOf(SEARCH_SQL.entitiesWithCallsign, ['alpha', 'alpha\u{10FFFF}'])).toBe(
      'SEARCH entities USING COVERING INDEX entities_by_callsign (callsign>? AND callsign<?)',
    );
  });

  it('When one entity’s fixes are read for a uid or callsign, Then one bucket of its index range is walked newest first, never all fixes', () => {
    const inBucket = { entity: 3, time: T0 + 30 * MINUTE, recordBelow: 10, bucket: bucketOf(T0) };
    const countPlan = planOf(SEARCH_SQL.entityCountInBucket, { ...inBucket, from: T0 });
    const edgePlan = planOf(SEARCH_SQL.entityFixEdgeInBucket, { ...inBucket, from: T0, skip: 199_999 });
    const fixesPlan = planOf(SEARCH_SQL.entityFixesInBucket, { ...inBucket, ...anyFix, edgeTime: T0, edgeRecordId: 0, limit: 200 });
    for (const plan of [countPlan, edgePlan, fixesPlan]) {
      expect(plan).toMatch(/^SEARCH p USING (COVERING )?INDEX positions_by_entity_bucket \(<expr>=\? AND entity=\? AND time>\? AND time<\?\)$/m);
      expect(plan).not.toMatch(fullScanOfPositions);
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });

  it('When fixes are walked by time for types and a window, Then a primary key range is walked newest first without sorting', () => {
    const below = { time: T0 + 30 * MINUTE, entity: 2, recordId: 5 };
    expect(planOf(SEARCH_SQL.fixEdge, { ...below, from: T0, skip: 199_999 })).toBe(
      'SEARCH p USING PRIMARY KEY (time>? AND (time,entity,record_id)<(?,?,?))',
    );
    const fixesPlan = planOf(SEARCH_SQL.fixesBetween, { ...below, ...anyFix, kinds: '[1,2]', edgeTime: T0, edgeEntity: 0, edgeRecordId: 0, limit: 200 });
    expect(fixesPlan.split('\n')[0]).toBe('SEARCH p USING PRIMARY KEY ((time,entity,record_id)>(?,?,?) AND (time,entity,record_id)<(?,?,?))');
    expect(fixesPlan).not.toMatch(fullScanOfPositions);
    expect(fixesPlan).not.toContain('TEMP B-TREE FOR ORDER BY');
  });

  it('When a window is turned into record ids, Then only those minutes are read', () => {
    expect(planOf(SEARCH_SQL.recordRangeOfMinutes, [100, 200])).toBe('SEARCH record_minutes USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
  });

  it('When free text is searched, Then FTS5 takes the match and the record id range and walks newest first; each record’s fixes are found by its id', () => {
    expect(planOf(SEARCH_SQL.textRecordEdge, { match: '"bridge"', first: 41, last: 124, skip: 4_999 })).toMatch(/^SCAN records_fts VIRTUAL TABLE INDEX \d+:M\d*><$/);
    const plan = planOf(SEARCH_SQL.textFixes, { ...anyFix, match: '"bridge"', first: 41, last: 124, recordId: 125, entity: 0, time: 0, limit: 200 });
    // Then come the condition sets, each built once per run (LIST SUBQUERY), never a walk of positions.
    expect(plan).not.toMatch(fullScanOfPositions);
    expect(plan.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^SCAN f VIRTUAL TABLE INDEX \d+:M\d*></),
      expect.stringMatching(/^SEARCH p USING (COVERING )?INDEX positions_by_record \(record_id=\?/),
    ]);
  });
});
