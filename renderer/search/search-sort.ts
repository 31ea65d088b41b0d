import type { SearchRow } from '../../shared/search';

export type SearchColumn = 'time' | 'callsign' | 'uid' | 'cotType' | 'affiliation' | 'topic' | 'source';
export interface SearchSort {
  readonly column: SearchColumn;
  readonly descending: boolean;
}

/** The cache's own order: newest first. */
export const NEWEST_FIRST: SearchSort = { column: 'time', descending: true };

const textOrder = new Intl.Collator('en', { numeric: true });

/** The fetched rows in the chosen order; equal rows keep the cache's order. */
export function sortedRows(rows: readonly SearchRow[], sort: SearchSort): readonly SearchRow[] {
  if (sort.column === NEWEST_FIRST.column && sort.descending) return rows;
  const direction = sort.descending ? -1 : 1;
  const { column } = sort;
  const compare =
    column === 'time' ? (a: SearchRow, b: SearchRow) => a.time - b.time : (a: SearchRow, b: SearchRow) => textOrder.compare(a[column] ?? a.uid, b[column] ?? b.uid);
  return rows.map((row, index) => ({ row, index })).sort((a, b) => direction * compare(a.row, b.row) || a.index - b.index).map(({ row }) => row);
}

/** A click on the sorted column turns it around; a click on another sorts by it, ascending. */
export function nextSort(current: SearchSort, column: SearchColumn): SearchSort {
  return current.column === column ? { column, descending: !current.descending } : { column, descending: false };
}
