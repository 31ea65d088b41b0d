import { stopIfCancelled, type JobControl, type JobOutcome } from '../jobs/job-registry';
import type { CacheTables } from '../store/cache-tables';

/** Pages handed back per step: about 16 MiB at the cache's page size, a short pause for ingest. */
export const COMPACT_STEP_PAGES = 1_000;
/** Index pages merged per step of the free-text index. */
const TEXT_MERGE_PAGES = 500;
const MAX_TEXT_MERGE_STEPS = 10_000;

/**
 * Gives the space retention freed back to the disk a step at a time, with progress, then merges
 * the free-text index so searches read fewer segments. Steps are separate transactions, so ingest
 * and the analyst's calls go on between them. A cache made before steps were possible keeps its
 * free pages for new records instead, since freeing them would need a full rewrite that stops ingest.
 */
export async function compactCache(tables: CacheTables, control: JobControl, stepPages = COMPACT_STEP_PAGES): Promise<JobOutcome> {
  const start = tables.cachePages();
  let freed = 0;
  if (start.incremental) {
    control.report(0, start.freePages, 'Giving free space back to the disk.');
    for (;;) {
      stopIfCancelled(control.signal);
      const step = tables.releaseFreePages(stepPages);
      freed += step;
      control.report(Math.min(freed, start.freePages));
      if (step === 0 || freed >= start.freePages) break;
      await nextTurn();
    }
  }
  control.report(freed, start.freePages, 'Tidying the free-text index.');
  for (let step = 0; step < MAX_TEXT_MERGE_STEPS && tables.mergeTextIndex(TEXT_MERGE_PAGES); step++) {
    stopIfCancelled(control.signal);
    await nextTurn();
  }
  const mebibytes = (pages: number): string => ((pages * start.pageSize) / (1024 * 1024)).toFixed(1);
  if (start.incremental) return { message: `Gave ${mebibytes(freed)} MiB back to the disk and tidied the free-text index.` };
  return {
    message:
      `Tidied the free-text index. This cache was created before step-by-step compaction, so its ${mebibytes(start.freePages)} MiB ` +
      'of free space is kept for new records rather than given back to the disk.',
  };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
