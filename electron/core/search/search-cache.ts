import { affiliationOf } from '../../../shared/cot-type';
import type { SearchPage, SearchQuery, SearchRow } from '../../../shared/search';
import type { FixConditions, FixKey, SearchDictionary, SearchFix, SearchReads, TextKey } from '../store/search-queries';
import { fixConditionsOf } from './fix-conditions';
import { ftsMatchOf } from './fts-match';
import { decodeSearchCursor, encodeSearchCursor, unknownCursor, type SearchCursor } from './search-cursor';

export const DEFAULT_SEARCH_PAGE = 200;

/**
 * The most rows one call walks: fixes when it walks by time or by entity, matching records when it
 * walks the free text (each costs a record read, so fewer). A rare match in a large cache can take
 * several calls; each answers within tens of milliseconds with `next` set, so the analyst sees the
 * search go on rather than wait.
 */
export const SCAN_BUDGET = { fixes: 200_000, textRecords: 5_000 } as const;

/** Above this many entities with a matching callsign, walking all fixes by time beats merging their histories. */
export const MAX_MERGED_ENTITIES = 64;

export interface SearchRequest {
  readonly query: SearchQuery;
  readonly after?: string | undefined;
  readonly limit?: number | undefined;
  /** The most rows this call walks; SCAN_BUDGET unless a test needs a small cache to run out. */
  readonly scanBudget?: { readonly fixes: number; readonly textRecords: number } | undefined;
}

interface FoundFixes {
  readonly fixes: readonly SearchFix[];
  readonly next: SearchCursor | null;
}

/**
 * One page of the fixes that match, newest first. The most selective part of the query drives the
 * walk: free text through FTS5, a uid or callsign through the entity index, anything else through
 * the fixes in time order. SQL checks every other condition per fix.
 */
export function searchCache(store: SearchReads, request: SearchRequest): SearchPage {
  const { query } = request;
  const limit = request.limit ?? DEFAULT_SEARCH_PAGE;
  const budget = request.scanBudget ?? SCAN_BUDGET;
  const after = request.after === undefined ? null : decodeSearchCursor(request.after);
  const dictionary = store.searchDictionary();
  const entities = entitiesNamed(store, query);
  const conditions = fixConditionsOf(query, dictionary, entities);
  if (conditions === null) return { rows: [], next: null };

  let found: FoundFixes;
  if (query.text !== undefined) {
    if (after?.kind === 'fix') throw unknownCursor();
    found = fixesMatchingText(store, query.text, conditions, after?.key ?? null, limit, budget.textRecords);
  } else {
    if (after?.kind === 'text') throw unknownCursor();
    const below = after?.key ?? { time: conditions.to, entity: Number.MAX_SAFE_INTEGER, recordId: Number.MAX_SAFE_INTEGER };
    found =
      entities !== null && entities.length <= MAX_MERGED_ENTITIES
        ? mergedEntityFixes(store, entities, conditions, below, limit, budget.fixes)
        : fixesByTime(store, conditions, below, limit, budget.fixes);
  }
  return { rows: rowsOf(store, dictionary, found.fixes), next: found.next === null ? null : encodeSearchCursor(found.next) };
}

/** The entities a uid or callsign names, or null when the query names none. */
function entitiesNamed(store: SearchReads, query: SearchQuery): number[] | null {
  const byUid = query.uid === undefined ? null : [store.entityIdOfUid(query.uid)].filter((id): id is number => id !== null);
  if (query.callsign === undefined) return byUid;
  const [lowest, highest] = callsignBounds(query.callsign);
  const byCallsign = store.entityIdsWithCallsignBetween(lowest, highest);
  return byUid === null ? byCallsign : byUid.filter((id) => byCallsign.includes(id));
}

/**
 * `ALPHA` matches ALPHA and alpha; `ALPHA*` matches every callsign starting so. The highest code
 * point caps the range, since the index compares callsigns after folding ASCII letter case only.
 */
function callsignBounds(callsign: string): [string, string] {
  if (!callsign.endsWith('*')) return [callsign, callsign];
  const prefix = callsign.slice(0, -1);
  return [prefix, `${prefix}\u{10FFFF}`];
}

/**
 * Walks at most `budget` fixes below `below`, newest first, and keeps those that match. Finding
 * the budget's edge costs as much as walking to it, so a first, short walk comes first: when the
 * matches are dense it fills the page, and only a sparse search pays for the whole budget.
 */
function fixesByTime(store: SearchReads, conditions: FixConditions, below: FixKey, limit: number, budget: number): FoundFixes {
  const short = walkByTime(store, conditions, below, limit, Math.ceil(budget / FIRST_WALK_SHARE));
  return short.settled ? short.found : walkByTime(store, conditions, below, limit, budget).found;
}

/** One walk of at most `rows` fixes; settled when it filled the page or reached the window's end. */
function walkByTime(store: SearchReads, conditions: FixConditions, below: FixKey, limit: number, rows: number): { found: FoundFixes; settled: boolean } {
  const stop = store.searchFixEdge(below, conditions.from, rows);
  const fixes = store.searchFixesBetween(below, stop?.edge ?? lowestFrom(conditions.from), conditions, limit);
  return { found: { fixes, next: nextAfter(fixes, limit, stop, fixCursor) }, settled: fixes.length === limit || stop?.more !== true };
}

/** The first walk by time covers this fraction of the budget. */
const FIRST_WALK_SHARE = 16;

/**
 * Walks a few entities' histories side by side, newest first, sharing the budget between them. Of
 * an entity with fixes beyond its share, only those down to its share's edge are known, so the page
 * keeps only the fixes at or above the newest such edge, and the next call starts below it.
 */
function mergedEntityFixes(store: SearchReads, entities: readonly number[], conditions: FixConditions, below: FixKey, limit: number, budget: number): FoundFixes {
  const share = Math.max(1, Math.floor(budget / entities.length));
  let known: FixKey | null = null;
  const found: SearchFix[] = [];
  for (const entity of entities) {
    const stop = store.searchEntityFixEdge(entity, below, conditions.from, share);
    const fixes = store.searchEntityFixesBetween(entity, below, stop?.edge ?? lowestFrom(conditions.from), conditions, limit);
    found.push(...fixes);
    const oldest = fixes.at(-1);
    const knownDownTo = fixes.length === limit && oldest !== undefined ? oldest : stop?.more === true ? stop.edge : null;
    if (knownDownTo !== null && (known === null || compareNewestFirst(knownDownTo, known) < 0)) known = knownDownTo;
  }
  const fixes = found.sort(compareNewestFirst).filter((fix) => known === null || compareNewestFirst(fix, known) <= 0);
  const page = fixes.slice(0, limit);
  const last = page.at(-1);
  if (page.length === limit && last !== undefined) return { fixes: page, next: fixCursor(last) };
  return { fixes: page, next: known === null ? null : fixCursor(known) };
}

/** Walks at most `budget` matching records below the cursor, newest first, and keeps the fixes that match. */
function fixesMatchingText(store: SearchReads, text: string, conditions: FixConditions, after: TextKey | null, limit: number, budget: number): FoundFixes {
  const records = recordsInWindow(store, conditions);
  if (records === null) return { fixes: [], next: null };
  const match = ftsMatchOf(text);
  const last = Math.min(records.last, after?.recordId ?? records.last);
  const stop = store.searchTextRecordEdge(match, records.first, last, budget);
  const fixes = store.searchTextFixes(match, stop?.edge ?? records.first, records.last, after, conditions, limit);
  // Below the edge record as a whole: the walk read all of it.
  const textStop = stop === null ? null : { edge: { recordId: stop.edge, entity: Number.MAX_SAFE_INTEGER, time: Number.MAX_SAFE_INTEGER }, more: stop.more };
  return { fixes, next: nextAfter(fixes, limit, textStop, textCursor) };
}

/**
 * The records that can hold a fix in the window: `record_minutes` maps each minute of fix time to
 * the ids of the records with fixes in it, which FTS5 then takes as a rowid range.
 */
function recordsInWindow(store: SearchReads, conditions: FixConditions): { first: number; last: number } | null {
  if (conditions.from === 0 && conditions.to === Number.MAX_SAFE_INTEGER) return { first: 0, last: Number.MAX_SAFE_INTEGER };
  return store.recordRangeOfMinutes(Math.floor(conditions.from / MINUTE_MS), Math.floor(conditions.to / MINUTE_MS));
}

const MINUTE_MS = 60_000;

/** A full page goes on after its last row; a walk cut short by its budget goes on below its edge. */
function nextAfter<K>(found: readonly K[], limit: number, stop: { edge: K; more: boolean } | null, cursorOf: (key: K) => SearchCursor): SearchCursor | null {
  const lastFound = found.at(-1);
  if (found.length === limit && lastFound !== undefined) return cursorOf(lastFound);
  return stop?.more === true ? cursorOf(stop.edge) : null;
}

const lowestFrom = (from: number): FixKey => ({ time: from, entity: 0, recordId: 0 });
const fixCursor = (key: FixKey): SearchCursor => ({ kind: 'fix', key: { time: key.time, entity: key.entity, recordId: key.recordId } });
const textCursor = (key: TextKey): SearchCursor => ({ kind: 'text', key: { recordId: key.recordId, entity: key.entity, time: key.time } });

function compareNewestFirst(a: FixKey, b: FixKey): number {
  return b.time - a.time || b.entity - a.entity || b.recordId - a.recordId;
}

function rowsOf(store: SearchReads, dictionary: SearchDictionary, fixes: readonly SearchFix[]): SearchRow[] {
  if (fixes.length === 0) return [];
  const uids = store.uidsOfEntities([...new Set(fixes.map((fix) => fix.entity))]);
  const callsigns = store.callsignsOfLabels([...new Set(fixes.flatMap((fix) => (fix.label === null ? [] : [fix.label])))]);
  const cotTypes = new Map(dictionary.kinds.map((kind) => [kind.id, kind.cotType]));
  const streams = new Map(dictionary.streams.map((stream) => [stream.id, stream]));
  return fixes.map((fix) => {
    const uid = uids.get(fix.entity);
    const cotType = cotTypes.get(fix.kind);
    const stream = streams.get(fix.stream);
    if (uid === undefined || cotType === undefined || stream === undefined) {
      throw new Error(`Fix of record ${fix.recordId} names an entity, type or stream missing from the cache's dictionaries.`);
    }
    return {
      recordId: fix.recordId,
      time: fix.time,
      uid,
      callsign: fix.label === null ? null : (callsigns.get(fix.label) ?? null),
      cotType,
      affiliation: affiliationOf(cotType),
      lat: fix.lat,
      lon: fix.lon,
      source: stream.source,
      topic: stream.topic,
    };
  });
}
