import { parentPort, workerData } from 'node:worker_threads';
import { createIngestWriter, TRACK_FLUSH_MS } from '../store/ingest-writer';
import { openWriterConnection } from '../store/open-database';
import { createIngest } from './ingest';
import type { IngestReply, IngestRequest, IngestThreadSettings } from './ingest-protocol';

/**
 * The ingest thread: decodes records and writes them to the cache on its own
 * core, so the main thread stays free for Kafka, the hosts and the UI.
 */
const port = parentPort;
if (port === null) throw new Error('ingest-worker must run as a worker thread.');
const settings = workerData as IngestThreadSettings;
const reply = (message: IngestReply): void => port.postMessage(message);

let receivedAt = Date.now();
try {
  const db = openWriterConnection(settings);
  const writer = createIngestWriter(db);
  const ingest = createIngest({ writer, maxRecordBytes: settings.maxRecordBytes, now: () => receivedAt });
  // A quiet feed still gets its latest track states written, shortly after its last batch.
  let idleFlush: NodeJS.Timeout | null = null;
  port.on('message', (request: IngestRequest) => {
    if (idleFlush !== null) clearTimeout(idleFlush);
    if (request.kind === 'close') {
      writer.flushTracks();
      db.close();
      reply({ kind: 'closed' });
      port.close();
      return;
    }
    try {
      receivedAt = request.receivedAt;
      reply({ kind: 'done', id: request.id, outcome: ingest(request.groups) });
      idleFlush = setTimeout(() => writer.flushTracks(), TRACK_FLUSH_MS);
    } catch (error) {
      reply({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
  reply({ kind: 'ready' });
} catch (error) {
  reply({ kind: 'failed', id: null, message: error instanceof Error ? error.message : String(error) });
}
