import { useCallback, useRef, useState } from 'react';
import type { SearchQuery, SearchRow } from '../../shared/search';
import type { Client } from '../client';

/** One page of results: enough to scan by eye, few enough to arrive at once. */
export const SEARCH_PAGE_ROWS = 200;

export interface SearchResults {
  /** The query the rows answer, or null before the first search. */
  readonly query: SearchQuery | null;
  readonly rows: readonly SearchRow[];
  readonly more: boolean;
  readonly loading: boolean;
  readonly problem: string | null;
}

const NOTHING: SearchResults = { query: null, rows: [], more: false, loading: false, problem: null };

/** Runs a search a page at a time; a new search drops the pages of the one before. */
export function useSearch(client: Client): [SearchResults, (query: SearchQuery) => void, () => void] {
  const [results, setResults] = useState<SearchResults>(NOTHING);
  // What Load more continues from, kept beside the state so the callbacks need not be rebuilt per page.
  const session = useRef<{ results: SearchResults; next: string | null; asked: number }>({ results: NOTHING, next: null, asked: 0 });

  const show = useCallback((next: SearchResults) => {
    session.current.results = next;
    setResults(next);
  }, []);
  const fetchPage = useCallback(
    (query: SearchQuery, after: string | null, earlier: readonly SearchRow[]) => {
      session.current.asked += 1;
      const asked = session.current.asked;
      show({ query, rows: earlier, more: after !== null, loading: true, problem: null });
      void client.call('search.query', { query, limit: SEARCH_PAGE_ROWS, ...(after === null ? {} : { after }) }).then((answer) => {
        if (asked !== session.current.asked) return;
        if (!answer.ok) {
          show({ query, rows: earlier, more: after !== null, loading: false, problem: answer.error.message });
          return;
        }
        session.current.next = answer.value.next;
        show({ query, rows: [...earlier, ...answer.value.rows], more: answer.value.next !== null, loading: false, problem: null });
      });
    },
    [client, show],
  );
  const run = useCallback((query: SearchQuery) => fetchPage(query, null, []), [fetchPage]);
  const loadMore = useCallback(() => {
    const { results: current, next } = session.current;
    if (current.query === null || current.loading || next === null) return;
    fetchPage(current.query, next, current.rows);
  }, [fetchPage]);
  return [results, run, loadMore];
}
