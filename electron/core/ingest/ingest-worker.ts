import { parentPort, workerData } from 'node:worker_threads';
import { createIngestWriter, TRACK_FLUSH_MS } from '../store/ingest-writer';
import { openWriterConnection } from '../store/open-database';
import { createRulesEngine } from '../rules/rules-engine';
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

/** The main thread's clock, as of its last request: the thread keeps none of its own, so tests can drive it. */
let now = Date.now();
const warn = (message: string): void => reply({ kind: 'warning', message });
try {
  const db = openWriterConnection(settings);
  const writer = createIngestWriter(db);
  const log = { info: () => undefined, warn, error: warn };
  const rules = createRulesEngine({ rules: settings.rules, knownUids: () => writer.knownUids(), log, now: () => now });
  const ingest = createIngest({ writer, maxRecordBytes: settings.maxRecordBytes, now: () => now, rules });
  // A quiet feed still gets its latest track states written, shortly after its last batch.
  let idleFlush: NodeJS.Timeout | null = null;
  const stopIdleFlush = (): void => {
    if (idleFlush !== null) clearTimeout(idleFlush);
    idleFlush = null;
  };
  port.on('message', (request: IngestRequest) => {
    if (request.kind === 'close') {
      stopIdleFlush();
      writer.flushTracks();
      db.close();
      reply({ kind: 'closed' });
      port.close();
      return;
    }
    if (request.kind === 'rules') {
      rules.replaceRules(request.rules);
      return;
    }
    try {
      if (request.kind === 'tick') {
        now = request.now;
        rules.tick(now);
        reply({ kind: 'ticked', id: request.id, alerts: writer.writeAlerts(rules.takeRaised()) });
        return;
      }
      stopIdleFlush();
      now = request.receivedAt;
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
