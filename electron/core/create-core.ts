import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import type { OutpostConfig } from '../../shared/config';
import { createDemoSource } from './demo/demo-source';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createEventHub, type EventListener } from './event-hub';
import { createConnectionMonitor } from './ingest/connection-monitor';
import { createIngest, DEFAULT_MAX_RECORD_BYTES } from './ingest/ingest';
import { createKafkaSource } from './ingest/kafka-source';
import type { Source } from './ingest/source';
import { createTrackBroadcaster } from './ingest/track-broadcaster';
import type { Clock, Log, Secrets } from './ports';
import { databaseKeyFor } from './store/database-key';
import { openDatabase } from './store/open-database';
import { createStore } from './store/store';
import { OUTPOST_VERSION } from './version';

export interface CoreOptions {
  readonly dataDir: string;
  readonly config: OutpostConfig;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly log: Log;
  /** The SQLite addon built for Electron's ABI, when the host is Electron run from source. */
  readonly nativeBinding?: string | undefined;
  /** How often coalesced track updates go out to the hosts. */
  readonly trackBatchIntervalMs?: number;
}

export interface Core {
  readonly dispatch: Dispatch;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export const CACHE_FILE_NAME = 'cache.db';

export async function createCore(options: CoreOptions): Promise<Core> {
  const { clock, log, config } = options;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const file = join(options.dataDir, CACHE_FILE_NAME);
  const key = await databaseKeyFor(file, options.secrets);
  const store = createStore(openDatabase({ file, key, nativeBinding: options.nativeBinding }));
  const installationId = store.readMeta('installation_id') ?? storeNewInstallationId(store);
  const startedAt = clock.now();

  const hub = createEventHub((error) => log.error('An event listener failed.', { error: String(error) }));
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => hub.emit(event, payload);
  const broadcaster = createTrackBroadcaster({
    clock,
    intervalMs: options.trackBatchIntervalMs ?? 250,
    deliver: (tracks) => emit('tracks.updated', { tracks }),
  });
  const ingest = createIngest({
    store,
    clock,
    maxRecordBytes: DEFAULT_MAX_RECORD_BYTES,
    onTracksChanged: (tracks) => broadcaster.push(tracks),
  });

  const kafka = config.kafka;
  const connection = createConnectionMonitor({
    clock,
    kind: kafka === undefined ? 'demo' : 'kafka',
    source: kafka === undefined ? 'demo scenario' : `kafka ${kafka.brokers.join(', ')}`,
    onChange: (status) => emit('connection.changed', status),
  });
  const source: Source =
    kafka === undefined
      ? createDemoSource({ settings: config.demo, ingest, store, clock, log, connection })
      : createKafkaSource({
          settings: kafka,
          groupId: kafka.groupId ?? `outpost-${installationId}`,
          ingest,
          connection,
          log,
        });

  const dispatch = createDispatcher(
    {
      'app.status': () => ({
        version: OUTPOST_VERSION,
        startedAt,
        recordCount: store.countRecords(),
        quarantinedCount: store.countQuarantined(),
        trackCount: store.countTracks(),
        connection: connection.current(),
      }),
      'tracks.list': ({ limit }) => store.listTracks(limit ?? 100_000),
      'connection.status': () => connection.current(),
    },
    log,
  );

  await source.start();
  return {
    dispatch,
    subscribe: (listener) => hub.subscribe(listener),
    async close() {
      await source.stop();
      broadcaster.stop();
      store.close();
    },
  };
}

function storeNewInstallationId(store: ReturnType<typeof createStore>): string {
  const id = randomUUID();
  store.writeMeta('installation_id', id);
  return id;
}
