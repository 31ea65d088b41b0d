import type { HandlerGroup, ServiceDeps } from '../service-deps';
import { compactCache } from './compact-cache';

/** What the cache holds, how long it keeps it, the windows it must keep, and compaction. */
export function cacheHandlers(deps: ServiceDeps): HandlerGroup<'cache'> {
  const { store, clock, jobs } = deps;
  let compacting: string | null = null;

  return {
    'cache.stats': () => {
      const pages = store.cachePages();
      return {
        fileBytes: pages.pageCount * pages.pageSize,
        usedBytes: (pages.pageCount - pages.freePages) * pages.pageSize,
        streams: store.streamStats(),
      };
    },
    'cache.retention': () => store.retentionOverride() ?? deps.config.retention,
    'cache.setRetention': ({ retention }) => {
      store.saveRetentionOverride(retention, clock.now());
      return retention;
    },
    'cache.pins.list': () => store.listPins(),
    'cache.pins.add': ({ pin }) => store.addPin(pin, clock.now()),
    'cache.pins.remove': ({ id }) => ({ removed: store.removePin(id) }),
    'cache.compact': () => {
      const running = compacting === null ? undefined : jobs.list().find((job) => job.id === compacting && job.state === 'running');
      if (running !== undefined) return running;
      const job = jobs.start('compact', 'Compact the cache', (control) => compactCache(store, control));
      compacting = job.id;
      return job;
    },
  };
}
