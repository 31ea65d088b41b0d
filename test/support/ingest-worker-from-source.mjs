// Loads the ingest thread from its TypeScript source, for tests and benchmarks run with tsx.
import { register } from 'tsx/esm/api';

register();
await import('../../electron/core/ingest/ingest-worker.ts');
