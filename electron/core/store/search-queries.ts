import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Bounds } from '../../../shared/review';
import type { FixRow } from '../review/fix-row';
import { BUCKET_OF_TIME, bucketsNewestFirst, createEntityFixReads, newestFirstAcrossBuckets } from './entity-fixes';

/** One fix as a search reads it: dictionary ids, turned into names only for the rows it returns. */
export type SearchFix = Pick<FixRow, 'time' | 'entity' | 'recordId' | 'kind' | 'label' | 'stream' | 'lat' | 'lon'>;

/** Where a newest-first walk of the fixes stands: it goes on strictly below this key. */
export interface FixKey {
  readonly time: number;
  readonly entity: number;
  readonly recordId: number;
}

/** Where a newest-first walk of the text matches stands: record by record newest first, and within a record by entity and time. */
export interface TextKey {
  readonly recordId: number;
  readonly entity: number;
  readonly time: number;
}

/**
 * How far one call may walk: the last row within its budget, and whether any lies beyond. Rows are
 * counted in SQL without being read into JavaScript, so the budget costs little to find.
 */
export interface ScanEdge<K> {
  readonly edge: K;
  readonly more: boolean;
}

/** What every fix found must meet, with names already turned into dictionary ids; null means any. */
export interface FixConditions {
  readonly from: number;
  readonly to: number;
  readonly kinds: readonly number[] | null;
  readonly streams: readonly number[] | null;
  readonly entities: readonly number[] | null;
  readonly area: Bounds | null;
}

export interface SearchDictionary {
  readonly kinds: readonly { readonly id: number; readonly cotType: string }[];
  readonly streams: readonly { readonly id: number; readonly source: string; readonly topic: string }[];
}

export interface SavedSearchRow {
  readonly id: string;
  readonly name: string;
  /** JSON text, parsed by the reader since an older Outpost may have written it. */
  readonly query: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The reads a search is made of; `searchCache` decides which to run. */
export interface SearchReads {
  /** Every CoT type and stream the cache has seen; both stay small, so filters resolve them in memory. */
  searchDictionary(): SearchDictionary;
  entityIdOfUid(uid: string): number | null;
  /** Entities whose latest callsign lies between the two, letter case aside. */
  entityIdsWithCallsignBetween(lowest: string, highest: string): number[];
  /** The `count`-th fix below `below` with a time from `from` on, newest first; null when fewer remain. */
  searchFixEdge(below: FixKey, from: number, count: number): ScanEdge<FixKey> | null;
  /** Fixes below `below` and at or above `edge` that meet the conditions, newest first, at most `limit`. */
  searchFixesBetween(below: FixKey, edge: FixKey, conditions: FixConditions, limit: number): SearchFix[];
  /** As searchFixEdge, within one entity's history. */
  searchEntityFixEdge(entity: number, below: FixKey, from: number, count: number): ScanEdge<FixKey> | null;
  /** As searchFixesBetween, within one entity's history. */
  searchEntityFixesBetween(entity: number, below: FixKey, edge: FixKey, conditions: FixConditions, limit: number): SearchFix[];
  /** The ids of the records holding a fix in these minutes since the epoch, or null when there are none. */
  recordRangeOfMinutes(fromMinute: number, toMinute: number): { readonly first: number; readonly last: number } | null;
  /** The `count`-th record, newest first, with an id in [first, last] whose text matches `match` (FTS5 syntax); null when fewer match. */
  searchTextRecordEdge(match: string, first: number, last: number, count: number): ScanEdge<number> | null;
  /**
   * Fixes meeting the conditions in the records whose text matches `match`, with ids in [first,
   * last], after `after`: newest record first, and in a record in the order of its entities.
   */
  searchTextFixes(match: string, first: number, last: number, after: TextKey | null, conditions: FixConditions, limit: number): SearchFix[];
  uidsOfEntities(ids: readonly number[]): Map<number, string>;
  callsignsOfLabels(ids: readonly number[]): Map<number, string>;
}

export interface SearchQueries extends SearchReads {
  listSavedSearches(): SavedSearchRow[];
  /** Saving under a name in use replaces that search's query and keeps its id. */
  saveSearch(search: { readonly id: string; readonly name: string; readonly query: string; readonly at: number }): SavedSearchRow;
  removeSavedSearch(id: string): boolean;
}

const SEARCH_FIX_COLUMNS = 'p.time, p.entity, p.record_id AS recordId, p.kind, p.label, p.stream, p.lat, p.lon';
const NEWEST_FIRST = 'ORDER BY p.time DESC, p.entity DESC, p.record_id DESC';

// Sets arrive as JSON arrays, and a null leaves the condition out, so one prepared statement
// serves every query. An uncorrelated IN list is built once per run, then probed per fix.
const FIX_CONDITIONS = `(@kinds IS NULL OR p.kind IN (SELECT value FROM json_each(@kinds)))
    AND (@streams IS NULL OR p.stream IN (SELECT value FROM json_each(@streams)))
    AND (@entities IS NULL OR p.entity IN (SELECT value FROM json_each(@entities)))
    AND (@south IS NULL OR (p.lat BETWEEN @south AND @north
      AND CASE WHEN @west <= @east THEN p.lon BETWEEN @west AND @east ELSE p.lon >= @west OR p.lon <= @east END))`;

// Below a key at its own time means a lower record id for that entity, every record of an entity
// ranked below it, and none of one ranked above it: `@recordBelow` carries that per entity.
const ENTITY_BELOW = 'p.entity = @entity AND p.time <= @time AND (p.time < @time OR p.record_id < @recordBelow)';

/** The hot statements, exported so their plans are asserted on the very text that runs. */
export const SEARCH_SQL = {
  entityOfUid: 'SELECT id FROM entities WHERE uid = ?',
  entitiesWithCallsign: `SELECT id FROM entities
    WHERE callsign COLLATE NOCASE >= ? AND callsign COLLATE NOCASE <= ? AND callsign IS NOT NULL`,
  fixEdge: `SELECT p.time, p.entity, p.record_id AS recordId FROM positions AS p
    WHERE p.time >= @from AND (p.time, p.entity, p.record_id) < (@time, @entity, @recordId)
    ${NEWEST_FIRST} LIMIT 2 OFFSET @skip`,
  fixesBetween: `SELECT ${SEARCH_FIX_COLUMNS} FROM positions AS p
    WHERE (p.time, p.entity, p.record_id) < (@time, @entity, @recordId)
      AND (p.time, p.entity, p.record_id) >= (@edgeTime, @edgeEntity, @edgeRecordId)
      AND ${FIX_CONDITIONS}
    ${NEWEST_FIRST} LIMIT @limit`,
  entityCountInBucket: `SELECT count(*) FROM positions AS p
    WHERE p.${BUCKET_OF_TIME} = @bucket AND ${ENTITY_BELOW} AND p.time >= @from`,
  entityFixEdgeInBucket: `SELECT p.time, p.entity, p.record_id AS recordId FROM positions AS p
    WHERE p.${BUCKET_OF_TIME} = @bucket AND ${ENTITY_BELOW} AND p.time >= @from
    ORDER BY p.time DESC, p.record_id DESC LIMIT 2 OFFSET @skip`,
  entityFixesInBucket: `SELECT ${SEARCH_FIX_COLUMNS} FROM positions AS p
    WHERE p.${BUCKET_OF_TIME} = @bucket AND ${ENTITY_BELOW} AND p.time >= @edgeTime AND (p.time > @edgeTime OR p.record_id >= @edgeRecordId)
      AND ${FIX_CONDITIONS}
    ORDER BY p.time DESC, p.record_id DESC LIMIT @limit`,
  recordRangeOfMinutes: 'SELECT min(first_record) AS first, max(last_record) AS last FROM record_minutes WHERE minute BETWEEN ? AND ?',
  textRecordEdge: `SELECT rowid AS recordId FROM records_fts
    WHERE records_fts MATCH @match AND rowid BETWEEN @first AND @last ORDER BY rowid DESC LIMIT 2 OFFSET @skip`,
  // Ordered by the FTS rowid alone, which FTS5 walks backwards itself; a second ORDER BY term would
  // sort every match first. Within a record, fixes come in positions_by_record's order: entity, time.
  textFixes: `SELECT ${SEARCH_FIX_COLUMNS}
    FROM records_fts AS f
    CROSS JOIN positions AS p ON p.record_id = f.rowid
    WHERE records_fts MATCH @match AND f.rowid BETWEEN @first AND @last AND (f.rowid < @recordId OR (p.entity, p.time) > (@entity, @time))
      AND p.time BETWEEN @from AND @to AND ${FIX_CONDITIONS}
    ORDER BY f.rowid DESC LIMIT @limit`,
} as const;

interface ConditionParameters {
  from: number;
  to: number;
  kinds: string | null;
  streams: string | null;
  entities: string | null;
  south: number | null;
  north: number | null;
  west: number | null;
  east: number | null;
}

function parametersOf(conditions: FixConditions): ConditionParameters {
  const set = (ids: readonly number[] | null): string | null => (ids === null ? null : JSON.stringify(ids));
  const { area } = conditions;
  return {
    from: conditions.from,
    to: conditions.to,
    kinds: set(conditions.kinds),
    streams: set(conditions.streams),
    entities: set(conditions.entities),
    south: area?.south ?? null,
    north: area?.north ?? null,
    west: area?.west ?? null,
    east: area?.east ?? null,
  };
}

function edgeOf<K>(rows: readonly K[]): ScanEdge<K> | null {
  const [edge, beyond] = rows;
  return edge === undefined ? null : { edge, more: beyond !== undefined };
}

/** The record id below which an entity's fixes at the key's own time lie below the key. */
function recordBelow(entity: number, below: FixKey): number {
  if (entity < below.entity) return Number.MAX_SAFE_INTEGER;
  return entity === below.entity ? below.recordId : 0;
}

/** Reads what search needs from the review tables, and keeps the saved searches. */
export function createSearchQueries(db: Database): SearchQueries {
  const selectKinds = db.prepare<[], { id: number; cotType: string }>('SELECT id, cot_type AS cotType FROM cot_types');
  const selectStreams = db.prepare<[], { id: number; source: string; topic: string }>('SELECT id, source, topic FROM streams');
  const selectEntityOfUid = db.prepare<[string], { id: number }>(SEARCH_SQL.entityOfUid);
  const selectEntitiesWithCallsign = db.prepare<[string, string], { id: number }>(SEARCH_SQL.entitiesWithCallsign);
  type Below = FixKey & { from: number; skip: number };
  type Between = ConditionParameters & FixKey & { edgeTime: number; edgeEntity: number; edgeRecordId: number; limit: number };
  type EntityBelow = { entity: number; time: number; recordBelow: number };
  const selectFixEdge = db.prepare<Below, FixKey>(SEARCH_SQL.fixEdge);
  const selectFixesBetween = db.prepare<Between, SearchFix>(SEARCH_SQL.fixesBetween);
  type InBucket = EntityBelow & { bucket: number; from: number };
  const entityFixes = createEntityFixReads(db);
  const countEntityFixesInBucket = db.prepare<InBucket, number>(SEARCH_SQL.entityCountInBucket).pluck();
  const selectEntityFixEdgeInBucket = db.prepare<InBucket & { skip: number }, FixKey>(SEARCH_SQL.entityFixEdgeInBucket);
  const selectEntityFixesInBucket = db.prepare<
    ConditionParameters & EntityBelow & { bucket: number; edgeTime: number; edgeRecordId: number; limit: number },
    SearchFix
  >(SEARCH_SQL.entityFixesInBucket);

  /** The `count`-th of an entity's fixes below `below` and from `from` on, newest first: buckets are counted until the one that holds it. */
  const entityFixEdge = (entity: number, below: FixKey, from: number, count: number): ScanEdge<FixKey> | null => {
    const span = entityFixes.spanOf(entity);
    if (span === null) return null;
    const where = { entity, time: below.time, recordBelow: recordBelow(entity, below), from };
    let before = 0;
    let edge: FixKey | null = null;
    for (const bucket of bucketsNewestFirst(span, from, below.time)) {
      if (edge !== null) {
        if (selectEntityFixEdgeInBucket.all({ ...where, bucket, skip: 0 }).length > 0) return { edge, more: true };
        continue;
      }
      const inBucket = countEntityFixesInBucket.get({ ...where, bucket }) ?? 0;
      if (before + inBucket < count) {
        before += inBucket;
        continue;
      }
      const [found, beyond] = selectEntityFixEdgeInBucket.all({ ...where, bucket, skip: count - 1 - before });
      if (found === undefined) return null;
      if (beyond !== undefined) return { edge: found, more: true };
      edge = found;
    }
    return edge === null ? null : { edge, more: false };
  };
  const selectRecordRange = db.prepare<[number, number], { first: number | null; last: number | null }>(SEARCH_SQL.recordRangeOfMinutes);
  const selectTextRecordEdge = db.prepare<{ match: string; first: number; last: number; skip: number }, { recordId: number }>(SEARCH_SQL.textRecordEdge);
  const selectTextFixes = db.prepare<
    ConditionParameters & { match: string; first: number; last: number; recordId: number; entity: number; time: number; limit: number },
    SearchFix
  >(SEARCH_SQL.textFixes);
  const selectUids = db.prepare<[string], { id: number; name: string }>('SELECT id, uid AS name FROM entities WHERE id IN (SELECT value FROM json_each(?))');
  const selectCallsigns = db.prepare<[string], { id: number; name: string }>(
    'SELECT id, callsign AS name FROM callsigns WHERE id IN (SELECT value FROM json_each(?))',
  );
  const savedColumns = 'id, name, query, created_at AS createdAt, updated_at AS updatedAt';
  const selectSaved = db.prepare<[], SavedSearchRow>(`SELECT ${savedColumns} FROM saved_searches ORDER BY name COLLATE NOCASE, name`);
  const upsertSaved = db.prepare<{ id: string; name: string; query: string; at: number }, SavedSearchRow>(`
    INSERT INTO saved_searches (id, name, query, created_at, updated_at) VALUES (@id, @name, @query, @at, @at)
    ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at
    RETURNING ${savedColumns}`);
  const deleteSaved = db.prepare<[string]>('DELETE FROM saved_searches WHERE id = ?');

  const namesById = (statement: typeof selectUids, ids: readonly number[]): Map<number, string> =>
    new Map(statement.all(JSON.stringify(ids)).map((row) => [row.id, row.name]));

  const reads: SearchReads = {
    searchDictionary: () => ({ kinds: selectKinds.all(), streams: selectStreams.all() }),
    entityIdOfUid: (uid) => selectEntityOfUid.get(uid)?.id ?? null,
    entityIdsWithCallsignBetween: (lowest, highest) => selectEntitiesWithCallsign.all(lowest, highest).map((row) => row.id),
    searchFixEdge: (below, from, count) => edgeOf(selectFixEdge.all({ ...below, from, skip: count - 1 })),
    searchFixesBetween: (below, edge, conditions, limit) =>
      selectFixesBetween.all({
        ...parametersOf(conditions),
        ...below,
        edgeTime: edge.time,
        edgeEntity: edge.entity,
        edgeRecordId: edge.recordId,
        limit,
      }),
    searchEntityFixEdge: entityFixEdge,
    searchEntityFixesBetween(entity, below, edge, conditions, limit) {
      const span = entityFixes.spanOf(entity);
      if (span === null) return [];
      const where = { ...parametersOf(conditions), entity, time: below.time, recordBelow: recordBelow(entity, below), edgeTime: edge.time, edgeRecordId: edge.recordId };
      return newestFirstAcrossBuckets(span, edge.time, below.time, limit, (bucket, wanted) => selectEntityFixesInBucket.all({ ...where, bucket, limit: wanted }));
    },
    recordRangeOfMinutes(fromMinute, toMinute) {
      const row = selectRecordRange.get(fromMinute, toMinute);
      return row === undefined || row.first === null || row.last === null ? null : { first: row.first, last: row.last };
    },
    searchTextRecordEdge: (match, first, last, count) =>
      edgeOf(selectTextRecordEdge.all({ match, first, last, skip: count - 1 }).map((row) => row.recordId)),
    searchTextFixes(match, first, last, after, conditions, limit) {
      const start = after ?? { recordId: last + 1, entity: Number.MIN_SAFE_INTEGER, time: Number.MIN_SAFE_INTEGER };
      return selectTextFixes.all({
        ...parametersOf(conditions),
        match,
        first,
        last: Math.min(last, start.recordId),
        recordId: start.recordId,
        entity: start.entity,
        time: start.time,
        limit,
      });
    },
    uidsOfEntities: (ids) => namesById(selectUids, ids),
    callsignsOfLabels: (ids) => namesById(selectCallsigns, ids),
  };

  return {
    ...reads,
    listSavedSearches: () => selectSaved.all(),
    saveSearch(search) {
      const row = upsertSaved.get(search);
      if (row === undefined) throw new Error('Saving a search returned no row.');
      return row;
    },
    removeSavedSearch: (id) => deleteSaved.run(id).changes > 0,
  };
}
