import type { SearchPage, SearchQuery } from '../../../shared/search';
import type { ExportScope } from '../../../shared/transfer';
import type { ExportRow, TransferTables } from '../store/transfer-tables';

/** Rows per page: about 17 ms of work each, so other calls are answered between pages. */
export const EXPORT_PAGE_ROWS = 1_000;

/** The search a search-scoped export pages through, newest first. */
export type SearchPager = (query: SearchQuery, after: string | undefined, limit: number) => SearchPage;

export interface ScopeRows {
  /** How many fixes there are, when known before reading them. */
  readonly total: number | null;
  readonly pages: Iterable<ExportRow[]>;
}

/** The fixes an export scope covers, a page at a time, each page read only when the last is written. */
export function rowsOfScope(scope: ExportScope, tables: TransferTables, search: SearchPager): ScopeRows {
  if (scope.kind === 'window') {
    return { total: tables.countFixesBetween(scope.from, scope.to), pages: windowPages(tables, scope.from, scope.to) };
  }
  return { total: null, pages: searchPages(tables, search, scope.query) };
}

function* windowPages(tables: TransferTables, from: number, to: number): Generator<ExportRow[]> {
  let after: ExportRow | null = null;
  for (;;) {
    const page = tables.exportPage(from, to, after, EXPORT_PAGE_ROWS);
    if (page.length > 0) yield page;
    if (page.length < EXPORT_PAGE_ROWS) return;
    after = page[page.length - 1] ?? null;
  }
}

function* searchPages(tables: TransferTables, search: SearchPager, query: SearchQuery): Generator<ExportRow[]> {
  let after: string | undefined;
  for (;;) {
    const page = search(query, after, EXPORT_PAGE_ROWS);
    const rows = tables.exportRowsOf(page.rows.map((row) => ({ time: row.time, uid: row.uid, recordId: row.recordId })));
    if (rows.length > 0) yield rows;
    if (page.next === null) return;
    after = page.next;
  }
}
