import type { EventName, EventPayload, MethodName } from '../../shared/contract';
import type { OutpostConfig } from '../../shared/config';
import type { Handlers } from './dispatcher';
import type { BatchWriter } from './ingest/batch-writer';
import type { JobRegistry } from './jobs/job-registry';
import type { Clock, Log } from './ports';
import type { Store } from './store/store';

/** What the core's services are built from; each takes what it needs. */
export interface ServiceDeps {
  readonly store: Store;
  readonly config: OutpostConfig;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly log: Log;
  readonly emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Where decoded records go to be cached: the same batches, ingest thread and rules as a live feed. */
  readonly writer: BatchWriter;
  /** The one list of long work (exports, imports, compaction) the analyst watches. */
  readonly jobs: JobRegistry;
}

/** The handlers for every method whose name starts with one of the prefixes. */
export type HandlerGroup<Prefix extends string> = Pick<Handlers, Extract<MethodName, `${Prefix}.${string}`>>;
