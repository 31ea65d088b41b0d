import type { HandlerGroup, ServiceDeps } from '../service-deps';
import { createSavedSearches } from './saved-searches';
import { searchCache } from './search-cache';

/** Search of the cache and the saved searches; they need only the store and the clock. */
export function searchHandlers(deps: Pick<ServiceDeps, 'store' | 'clock'>): HandlerGroup<'search'> {
  const saved = createSavedSearches(deps.store, deps.clock);
  return {
    'search.query': ({ query, after, limit }) => searchCache(deps.store, { query, after, limit }),
    'search.saved.list': () => saved.list(),
    'search.saved.save': ({ name, query }) => saved.save(name, query),
    'search.saved.remove': ({ id }) => ({ removed: saved.remove(id) }),
  };
}
