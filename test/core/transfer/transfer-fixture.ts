import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { OutpostConfigSchema, type OutpostConfigInput } from '../../../shared/config';
import type { Job } from '../../../shared/jobs';
import { cacheHandlers } from '../../../electron/core/cache/cache-handlers';
import { createBatchWriter } from '../../../electron/core/ingest/batch-writer';
import { createIngest } from '../../../electron/core/ingest/ingest';
import { createJobRegistry } from '../../../electron/core/jobs/job-registry';
import type { JobRegistry } from '../../../electron/core/jobs/job-registry';
import { systemClock } from '../../../electron/core/ports';
import type { ServiceDeps } from '../../../electron/core/service-deps';
import { createIngestWriter } from '../../../electron/core/store/ingest-writer';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { createStore, type Store } from '../../../electron/core/store/store';
import { transferHandlers } from '../../../electron/core/transfer/transfer-handlers';
import { noRules } from '../../support/no-rules';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';

export interface TransferFixture {
  readonly db: Database;
  readonly store: Store;
  readonly dataDir: string;
  readonly handlers: ReturnType<typeof transferHandlers> & ReturnType<typeof cacheHandlers>;
  readonly jobs: JobRegistry;
  /** Waits for a job the handlers started to end. */
  settled(job: Job): Promise<Job>;
  close(): void;
}

/**
 * The export, import and cache handlers over an in-memory cache and a temporary data folder,
 * with the real ingest path behind the writer and no rules.
 */
export function transferFixture(config: OutpostConfigInput = {}): TransferFixture {
  const dir = makeTempDir();
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  const store = createStore(db);
  const parsedConfig = OutpostConfigSchema.parse(config);
  const ingest = createIngest({ writer: createIngestWriter(db), maxRecordBytes: parsedConfig.ingest.maxRecordBytes, now: () => systemClock.now(), rules: noRules() });
  const writer = createBatchWriter({
    ingest: async (groups) => ingest(groups),
    clock: systemClock,
    maxRecords: parsedConfig.ingest.batchMaxRecords,
    maxDelayMs: 1,
    onCommitted: () => undefined,
  });
  const jobs = createJobRegistry({ clock: systemClock, onChanged: () => undefined, onFailed: () => undefined });
  const deps: ServiceDeps = { store, config: parsedConfig, dataDir: dir.path, clock: systemClock, log: recordingLog(), emit: () => undefined, writer, jobs };
  return {
    db,
    store,
    dataDir: dir.path,
    handlers: { ...transferHandlers(deps), ...cacheHandlers(deps) },
    jobs,
    settled: (job) => jobs.settled(job.id),
    close() {
      store.close();
      dir.remove();
    },
  };
}
