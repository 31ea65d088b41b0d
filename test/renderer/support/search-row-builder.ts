import type { SearchRow } from '../../../shared/search';

export const SEARCH_TIME = Date.UTC(2026, 10, 26, 6, 30, 0);

export function aSearchRow(overrides: Partial<SearchRow> = {}): SearchRow {
  return {
    recordId: 1,
    time: SEARCH_TIME,
    uid: 'raven-1',
    callsign: 'RAVEN 1',
    cotType: 'a-h-A-M-F',
    affiliation: 'hostile',
    lat: 40.5,
    lon: 9,
    source: 'edge',
    topic: 'cot',
    ...overrides,
  };
}

/** `count` rows, newest first, one a minute, as the cache pages them. */
export function searchRows(count: number, firstRecord = 1): SearchRow[] {
  return Array.from({ length: count }, (_, index) =>
    aSearchRow({ recordId: firstRecord + index, time: SEARCH_TIME - (firstRecord + index) * 60_000, uid: `unit-${firstRecord + index}`, callsign: `UNIT ${String(firstRecord + index).padStart(3, '0')}` }),
  );
}
