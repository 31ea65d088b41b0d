import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchQuery, SearchRow } from '../../../shared/search';
import { searchCache, type SearchRequest } from '../../../electron/core/search/search-cache';
import { createSearchQueries, type SearchReads } from '../../../electron/core/store/search-queries';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { aCachedFix, aCachedRecord, aMigratedCache, cacheRecords, T0, type CachedRecord } from '../../builders/cached-records';
import { aSearchScenario, MINUTE, positionOf, RAPTOR_REMARKS, SCENARIO_MINUTES } from '../../builders/search-scenario';

/** Every page of a search, followed to the end. */
function allPages(reads: SearchReads, request: SearchRequest): { rows: SearchRow[]; pages: number } {
  const rows: SearchRow[] = [];
  let after: string | undefined;
  for (let pages = 1; pages <= 1_000; pages += 1) {
    const page = searchCache(reads, { ...request, after });
    rows.push(...page.rows);
    if (page.next === null) return { rows, pages };
    after = page.next;
  }
  throw new Error('The search never ended.');
}

const uidsOf = (rows: readonly SearchRow[]): string[] => [...new Set(rows.map((row) => row.uid))].sort();
const keyOf = (row: SearchRow): string => `${row.time}/${row.uid}/${row.recordId}`;

function expectNewestFirst(rows: readonly SearchRow[]): void {
  for (let n = 1; n < rows.length; n += 1) expect((rows[n - 1]?.time ?? 0) >= (rows[n]?.time ?? 0)).toBe(true);
}

describe('Given an hour of five entities in the cache', () => {
  let db: Database;
  let reads: SearchReads;
  const everything = (query: SearchQuery, limit = 10_000): SearchRow[] => allPages(reads, { query, limit }).rows;

  beforeEach(() => {
    db = aSearchScenario();
    reads = createSearchQueries(db);
  });
  afterEach(() => db.close());

  it('When searching by uid, Then that entity’s fixes come, newest first, with their names', () => {
    const page = searchCache(reads, { query: { uid: 'raptor-3' }, limit: 3 });
    expect(page.rows).toEqual([57, 58, 59].reverse().map((minute) => ({
      recordId: 2 + minute * 4,
      time: T0 + minute * MINUTE,
      uid: 'raptor-3',
      callsign: 'RAPTOR 3',
      cotType: 'a-h-A-M-F',
      affiliation: 'hostile',
      ...positionOf('raptor', minute),
      source: 'kafka-2',
      topic: 'air',
    })));
    expect(page.next).not.toBeNull();
    expect(everything({ uid: 'raptor-3' })).toHaveLength(SCENARIO_MINUTES);
  });

  it('When searching by a uid the cache never saw, Then nothing comes and the search is over', () => {
    expect(searchCache(reads, { query: { uid: 'nobody' } })).toEqual({ rows: [], next: null });
  });

  it('When searching by callsign in another letter case, Then it matches', () => {
    expect(uidsOf(everything({ callsign: 'alpha 1' }))).toEqual(['alpha-1']);
    expect(uidsOf(everything({ callsign: 'ALPHA 2' }))).toEqual(['alpha-2']);
    expect(everything({ callsign: 'ALPHA' })).toEqual([]);
  });

  it('When a callsign ends with *, Then every callsign starting so matches, whatever its case', () => {
    const rows = everything({ callsign: 'alp*' });
    expect(uidsOf(rows)).toEqual(['alpha-1', 'alpha-2']);
    expect(rows).toHaveLength(2 * SCENARIO_MINUTES);
    expectNewestFirst(rows);
  });

  it('When searching by type, Then each type is a prefix of whole CoT type parts', () => {
    expect(uidsOf(everything({ types: ['a-f'] }))).toEqual(['alpha-1', 'alpha-2']);
    expect(uidsOf(everything({ types: ['a-h-A'] }))).toEqual(['raptor-3']);
    expect(uidsOf(everything({ types: ['a-h-A-M-F'] }))).toEqual(['raptor-3']);
    expect(uidsOf(everything({ types: ['a-f-G', 'a-n'] }))).toEqual(['alpha-1', 'boat-7']);
    expect(everything({ types: ['a-h-AM'] })).toEqual([]);
  });

  it('When searching by affiliation, Then the types of that affiliation match', () => {
    expect(uidsOf(everything({ affiliations: ['hostile'] }))).toEqual(['raptor-3']);
    expect(uidsOf(everything({ affiliations: ['neutral', 'unknown'] }))).toEqual(['boat-7', 'dateline-9']);
  });

  it('When searching by topic or source, Then only fixes from those streams match', () => {
    expect(uidsOf(everything({ topics: ['ais'] }))).toEqual(['boat-7']);
    expect(uidsOf(everything({ sources: ['kafka-2'] }))).toEqual(['dateline-9', 'raptor-3']);
    expect(uidsOf(everything({ topics: ['cot'], sources: ['kafka-2'] }))).toEqual(['dateline-9']);
  });

  it('When searching a time window, Then the fixes from its start to its end, both included, match', () => {
    const rows = everything({ from: T0 + 10 * MINUTE, to: T0 + 20 * MINUTE });
    expect(rows).toHaveLength(5 * 11);
    expect(Math.min(...rows.map((row) => row.time))).toBe(T0 + 10 * MINUTE);
    expect(Math.max(...rows.map((row) => row.time))).toBe(T0 + 20 * MINUTE);
    expectNewestFirst(rows);
  });

  it('When searching an area, Then only fixes inside it match', () => {
    const rows = everything({ area: { west: 8.5, south: 40.01, east: 9.5, north: 40.02 } });
    expect(uidsOf(rows)).toEqual(['alpha-1']);
    expect(rows.map((row) => row.lat).every((lat) => lat >= 40.01 && lat <= 40.02)).toBe(true);
    expect(rows).toHaveLength(11);
  });

  it('When an area’s west edge is east of its east edge, Then it is read as crossing the 180° meridian', () => {
    const rows = everything({ area: { west: 179, south: -20, east: -179, north: -10 } });
    expect(uidsOf(rows)).toEqual(['dateline-9']);
    expect(rows).toHaveLength(SCENARIO_MINUTES);
    expect(everything({ area: { west: -179, south: -20, east: 179, north: -10 } })).toEqual([]);
  });

  it('When searching free text, Then the fixes of records whose remarks hold every word match, letter case aside', () => {
    const rows = everything({ text: 'BRIDGE' });
    const minutesWithBridge = Object.entries(RAPTOR_REMARKS).filter(([, remarks]) => /bridge/i.test(remarks));
    expect(rows.map((row) => row.time)).toEqual(minutesWithBridge.map(([minute]) => T0 + Number(minute) * MINUTE).reverse());
    expect(uidsOf(everything({ text: 'bridge north' }))).toEqual(['raptor-3']);
    expect(everything({ text: 'bridge north' })).toHaveLength(1);
    expect(everything({ text: 'bridge nowhere' })).toEqual([]);
  });

  it('When the text holds FTS syntax, Then it is searched as words and never obeyed', () => {
    const fifteen = [T0 + 15 * MINUTE];
    const timesOf = (text: string): number[] => everything({ text }).map((row) => row.time);
    expect(timesOf('NEAR(bridge tower)')).toEqual(fifteen);
    expect(timesOf('"quoted"')).toEqual(fifteen);
    expect(timesOf('callsign:ALPHA')).toEqual(fifteen);
    expect(timesOf('star*')).toEqual(fifteen);
    expect(timesOf('sta*')).toEqual([]);
    expect(timesOf('^start')).toEqual(fifteen);
    expect(timesOf('bridge OR rtb')).toEqual([]);
    expect(timesOf('bridge AND')).toEqual([]);
    expect(timesOf('"')).toEqual([]);
    expect(timesOf('* - ( ) :')).toEqual([]);
    expect(timesOf('remarks:bridge')).toEqual([]);
  });

  it('When text is combined with a window, Then the search reads only the records with fixes in that window', () => {
    const seen: { first: number; last: number }[] = [];
    const spying: SearchReads = {
      ...reads,
      searchTextFixes: (match, first, last, after, conditions, limit) => {
        seen.push({ first, last });
        return reads.searchTextFixes(match, first, last, after, conditions, limit);
      },
    };
    const rows = allPages(spying, { query: { text: 'bridge', from: T0 + 10 * MINUTE, to: T0 + 30 * MINUTE } }).rows;
    expect(rows.map((row) => row.time)).toEqual([T0 + 25 * MINUTE, T0 + 15 * MINUTE]);
    expect(seen).toEqual([{ first: 1 + 10 * 4, last: 4 + 30 * 4 }]);
  });

  it('When text is combined with other fields, Then every one must match', () => {
    expect(everything({ text: 'bridge', uid: 'raptor-3', affiliations: ['hostile'], topics: ['air'] })).toHaveLength(4);
    expect(everything({ text: 'bridge', callsign: 'alpha 1' })).toEqual([]);
    expect(everything({ text: 'bridge', area: { west: 9.5, south: 41.8, east: 10.5, north: 42 } }).map((row) => row.time)).toEqual([
      T0 + 15 * MINUTE,
      T0 + 5 * MINUTE,
    ]);
  });

  it('When callsign, window, type and area are combined, Then only fixes meeting all of them come', () => {
    const rows = everything({
      callsign: 'ALPHA*',
      types: ['a-f-A'],
      from: T0 + 20 * MINUTE,
      to: T0 + 40 * MINUTE,
      area: { west: 9.25, south: 40, east: 9.35, north: 42 },
    });
    expect(rows.map((row) => row.time)).toEqual([35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25].map((minute) => T0 + minute * MINUTE));
    expect(uidsOf(rows)).toEqual(['alpha-2']);
  });

  it('When a uid and a callsign name different entities, Then nothing matches', () => {
    expect(searchCache(reads, { query: { uid: 'raptor-3', callsign: 'ALPHA 1' } })).toEqual({ rows: [], next: null });
  });

  it('When a type or stream the cache never saw is asked for, Then nothing matches at once', () => {
    expect(searchCache(reads, { query: { types: ['b-m-p'] } })).toEqual({ rows: [], next: null });
    expect(searchCache(reads, { query: { topics: ['nowhere'] } })).toEqual({ rows: [], next: null });
  });

  describe.each<[string, SearchQuery]>([
    ['the fixes by time', { affiliations: ['friend', 'hostile', 'neutral'] }],
    ['merged entity histories', { callsign: 'a*' }],
    ['one entity’s history', { uid: 'boat-7', to: T0 + 50 * MINUTE }],
    ['free text', { text: 'bridge' }],
  ])('When the search walks %s a page at a time', (_walk, query) => {
    it('Then every match comes exactly once, newest first, and the last page says there is no more', () => {
      const whole = everything(query);
      for (const limit of [1, 3, 7]) {
        const paged = allPages(reads, { query, limit });
        expect(paged.rows).toEqual(whole);
        expect(new Set(paged.rows.map(keyOf)).size).toBe(whole.length);
        expectNewestFirst(paged.rows);
        expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(whole.length / limit));
      }
    });
  });

  it('When a rare match lies beyond what one call may read, Then each call stops at its budget, says where to go on, and the match is found', () => {
    const budget = 25;
    const rare: SearchQuery = { area: { west: 8.999, south: 40, east: 9.001, north: 40.0005 } };
    const first = searchCache(reads, { query: rare, scanBudget: { fixes: budget, textRecords: budget } });
    expect(first).toEqual({ rows: [], next: expect.any(String) });
    const found = allPages(reads, { query: rare, scanBudget: { fixes: budget, textRecords: budget } });
    expect(found.rows.map((row) => row.time)).toEqual([T0]);
    expect(found.pages).toBe(Math.ceil((5 * SCENARIO_MINUTES) / budget));
  });

  it('When matches fill a page early, Then one short walk answers; when they are sparse, Then the walk widens to the whole budget', () => {
    const walks: number[] = [];
    const counting: SearchReads = {
      ...reads,
      searchFixEdge: (below, from, count) => {
        walks.push(count);
        return reads.searchFixEdge(below, from, count);
      },
    };
    const budget = { fixes: 160, textRecords: 160 };
    const dense = searchCache(counting, { query: { from: T0, to: T0 + SCENARIO_MINUTES * MINUTE }, limit: 5, scanBudget: budget });
    expect(dense.rows).toEqual(everything({ from: T0, to: T0 + SCENARIO_MINUTES * MINUTE }).slice(0, 5));
    expect(walks).toEqual([10]);

    walks.length = 0;
    const rare: SearchQuery = { area: { west: 8.999, south: 40, east: 9.001, north: 40.0005 } };
    searchCache(counting, { query: rare, scanBudget: budget });
    expect(walks).toEqual([10, 160]);
  });

  it('When merged histories run out of budget, Then the next call goes on where the last stopped', () => {
    const query: SearchQuery = { callsign: 'ALPHA*', area: { west: 8.5, south: 40, east: 9.5, north: 40.0005 } };
    const found = allPages(reads, { query, scanBudget: { fixes: 10, textRecords: 10 } });
    expect(found.rows.map((row) => `${row.uid}@${(row.time - T0) / MINUTE}`)).toEqual(['alpha-1@0']);
    expect(found.pages).toBeGreaterThan(1);
  });

  it('When a page marker is not one a search made, Then the analyst is told to start again', () => {
    expect(() => searchCache(reads, { query: { uid: 'boat-7' }, after: 'f.1.2' })).toThrow(UserFacingError);
    expect(() => searchCache(reads, { query: { uid: 'boat-7' }, after: 'x'.repeat(20) })).toThrow(/Run the search again/);
  });

  it('When a page marker of a text search is used for another kind of search, Then it is refused', () => {
    const textPage = searchCache(reads, { query: { text: 'bridge' }, limit: 1 });
    expect(textPage.next).not.toBeNull();
    expect(() => searchCache(reads, { query: { uid: 'raptor-3' }, after: textPage.next ?? undefined })).toThrow(UserFacingError);
    const fixPage = searchCache(reads, { query: { uid: 'raptor-3' }, limit: 1 });
    expect(() => searchCache(reads, { query: { text: 'bridge' }, after: fixPage.next ?? undefined })).toThrow(UserFacingError);
  });
});

describe('Given one record that holds many entities, some of them matching', () => {
  it('When its text matches and the page is smaller than the record, Then its fixes are split over pages without loss', () => {
    const db = aMigratedCache();
    const fixes = Array.from({ length: 9 }, (_, n) =>
      aCachedFix({ uid: `unit-${n}`, callsign: `UNIT ${n}`, cotType: n % 3 === 0 ? 'a-h-G' : 'a-f-G', time: T0 + n }),
    );
    cacheRecords(db, [aCachedRecord({ fixes: [aCachedFix({ uid: 'before', time: T0 - 1 })], remarks: 'convoy' }), aCachedRecord({ fixes, remarks: 'convoy halted' })]);
    const reads = createSearchQueries(db);

    const paged = allPages(reads, { query: { text: 'convoy' }, limit: 2 });
    expect(paged.rows.map((row) => row.uid)).toEqual([...fixes.map((fix) => fix.uid), 'before']);
    expect(allPages(reads, { query: { text: 'convoy', affiliations: ['hostile'] }, limit: 2 }).rows.map((row) => row.uid)).toEqual([
      'unit-0',
      'unit-3',
      'unit-6',
    ]);
    db.close();
  });
});

describe('Given an entity that has two fixes at the same time from two records', () => {
  it('When its history is paged one fix at a time, Then both come', () => {
    const db = aMigratedCache();
    const [first, mirrored, other] = cacheRecords(db, [
      aCachedRecord({ fixes: [aCachedFix({ uid: 'twin', time: T0 })] }),
      aCachedRecord({ topic: 'mirror', fixes: [aCachedFix({ uid: 'twin', time: T0 })] }),
      aCachedRecord({ fixes: [aCachedFix({ uid: 'other', time: T0 })] }),
    ]);
    const reads = createSearchQueries(db);
    expect(allPages(reads, { query: { uid: 'twin' }, limit: 1 }).rows.map((row) => row.recordId)).toEqual([mirrored, first]);
    expect(allPages(reads, { query: { callsign: 'alpha*' }, limit: 1 }).rows.map((row) => row.recordId)).toEqual([other, mirrored, first]);
    expect(allPages(reads, { query: { from: T0 }, limit: 1 }).rows.map((row) => row.recordId)).toEqual([other, mirrored, first]);
    db.close();
  });
});

describe('Given two entities with the same callsign prefix, one reporting each minute and one every ten', () => {
  it('When a filter passes over the busy one’s newest fixes, Then paging still returns the fixes of both in time order', () => {
    const db = aMigratedCache();
    const records: CachedRecord[] = [];
    const inside = { lat: 40, lon: 9 };
    const outside = { lat: 50, lon: 9 };
    for (let minute = 0; minute < 60; minute += 1) {
      const busy = minute === 45 || minute < 30 ? inside : outside;
      records.push(aCachedRecord({ fixes: [aCachedFix({ uid: 'busy', callsign: 'ECHO 1', time: T0 + minute * MINUTE, ...busy })] }));
      if (minute % 10 === 0) records.push(aCachedRecord({ fixes: [aCachedFix({ uid: 'sparse', callsign: 'ECHO 2', time: T0 + minute * MINUTE, ...inside })] }));
    }
    cacheRecords(db, records);
    const reads = createSearchQueries(db);
    const query: SearchQuery = { callsign: 'echo*', area: { west: 8, south: 39, east: 10, north: 41 } };
    const minutesOf = (found: readonly SearchRow[]): string[] => found.map((row) => `${row.uid}@${(row.time - T0) / MINUTE}`);

    const whole = minutesOf(allPages(reads, { query }).rows);
    expect(whole.slice(0, 5)).toEqual(['sparse@50', 'busy@45', 'sparse@40', 'sparse@30', 'busy@29']);
    expect(whole).toHaveLength(2 + 30 + 5);
    for (const limit of [1, 2, 3]) expect(minutesOf(allPages(reads, { query, limit }).rows)).toEqual(whole);
    expect(minutesOf(allPages(reads, { query, limit: 3, scanBudget: { fixes: 4, textRecords: 4 } }).rows)).toEqual(whole);
    db.close();
  });
});
