import type { IngestWorkerScript } from '../../electron/core/ingest/ingest-thread';

/** The ingest thread from TypeScript source, as tests run the core from source. */
export const sourceIngestWorker: IngestWorkerScript = {
  path: new URL('./ingest-worker-from-source.mjs', import.meta.url),
};
