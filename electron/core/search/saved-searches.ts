import { describeIssues } from '../../../shared/describe-issues';
import { SearchQuerySchema, type SavedSearch, type SearchQuery } from '../../../shared/search';
import type { Clock } from '../ports';
import type { SavedSearchRow, SearchQueries } from '../store/search-queries';

type SavedSearchTables = Pick<SearchQueries, 'listSavedSearches' | 'saveSearch' | 'removeSavedSearch'>;

export interface SavedSearches {
  list(): SavedSearch[];
  /** Saving under a name in use replaces that search's query and keeps its id. */
  save(name: string, query: SearchQuery): SavedSearch;
  remove(id: string): boolean;
}

export function createSavedSearches(store: SavedSearchTables, clock: Clock): SavedSearches {
  return {
    list: () => store.listSavedSearches().map(savedSearchOf),
    save: (name, query) => savedSearchOf(store.saveSearch({ id: crypto.randomUUID(), name, query: JSON.stringify(query), at: clock.now() })),
    remove: (id) => store.removeSavedSearch(id),
  };
}

/**
 * Reads a stored query with today's schema. One written by another version that no longer reads is
 * kept and listed with the reason, so the analyst can remove it or save it again.
 */
function savedSearchOf(row: SavedSearchRow): SavedSearch {
  const parsed = SearchQuerySchema.safeParse(parseJson(row.query));
  const base = { id: row.id, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt };
  return parsed.success
    ? { ...base, query: parsed.data, problem: null }
    : { ...base, query: null, problem: `This saved search cannot be run by this version of Outpost (${describeIssues(parsed.error)}). Remove it, or save the search again.` };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
