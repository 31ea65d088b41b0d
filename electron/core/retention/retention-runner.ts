import type { RetentionSettings } from '../../../shared/config';
import type { Cancel, Clock, Log } from '../ports';
import type { Store } from '../store/store';

export const EVICTION_BATCH = 2_000;
const PASS_EVERY_MS = 30_000;

/**
 * Keeps the cache within its age and size limits. Each pass deletes in small
 * transactions and yields between them, so ingest is never held up for long.
 * The limits set in the app win over the config file's, read afresh each pass;
 * records in a pinned window are never evicted.
 */
export interface RetentionRunner {
  start(): void;
  /** One full pass; resolves with how many records were evicted. */
  runPass(): Promise<number>;
  stop(): void;
}

export function createRetentionRunner(options: {
  readonly store: Store;
  /** The config file's limits, for as long as the app has not changed them. */
  readonly settings: RetentionSettings;
  readonly clock: Clock;
  readonly log: Log;
}): RetentionRunner {
  const { store, clock } = options;
  let cancel: Cancel | null = null;
  let running: Promise<number> | null = null;

  const pass = async (): Promise<number> => {
    let evicted = 0;
    const settings = store.retentionOverride() ?? options.settings;
    const cutoff = clock.now() - settings.maxAgeHours * 3_600_000;
    for (let after = 0; ; ) {
      const step = store.evictReceivedBefore(cutoff, after, EVICTION_BATCH);
      evicted += step.deleted;
      if (step.deleted < EVICTION_BATCH || step.lastId === null) break;
      after = step.lastId;
      await yieldToIngest();
    }
    for (let after = 0; store.usedBytes() > settings.maxBytes; ) {
      const step = store.evictOldest(after, EVICTION_BATCH);
      evicted += step.deleted;
      if (step.lastId === null) break;
      after = step.lastId;
      await yieldToIngest();
    }
    if (evicted > 0) {
      const keyframes = store.dropKeyframesBeforeOldestFix();
      options.log.info('Retention evicted old records from the cache.', { evicted, keyframes });
    }
    return evicted;
  };

  const runPass = (): Promise<number> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    start() {
      cancel ??= clock.every(PASS_EVERY_MS, () => {
        runPass().catch((error: unknown) => options.log.error('A retention pass failed.', { error: String(error) }));
      });
    },
    runPass,
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}

function yieldToIngest(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
