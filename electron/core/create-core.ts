import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import type { OutpostConfig } from '../../shared/config';
import { RoleSchema, type Role } from '../../shared/roles';
import { createAuditForwarder } from './audit/audit-forwarding';
import { auditedDeliveries } from './audit/audited-deliveries';
import { auditedHandlers } from './audit/audited-handlers';
import { createAuditTrail, type AuditEvent } from './audit/audit-trail';
import { createBasemapRegistry } from './basemaps/basemap-registry';
import { tilePackageOpener } from './basemaps/open-tile-package';
import type { Tile } from './basemaps/tile-archive';
import { createConnectionManager } from './connections/connection-manager';
import { demoRestrictedAreaRule } from './demo/demo-rules';
import { DEMO_SOURCE } from './demo/demo-source';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createEventHub, type EventListener } from './event-hub';
import { createBatchWriter } from './ingest/batch-writer';
import { startIngestThread, type IngestWorkerScript } from './ingest/ingest-thread';
import { createTrackBroadcaster } from './ingest/track-broadcaster';
import { createOutbox } from './outbox/outbox';
import type { Cancel, Clock, Log, Secrets } from './ports';
import { createRetentionRunner } from './retention/retention-runner';
import { createAlertsService } from './rules/alerts-service';
import { testRuleAgainstCache } from './rules/test-rule-against-cache';
import { createAuditTables } from './store/audit-tables';
import { createForwardTables } from './store/forward-tables';
import { creditedDeliveries } from './forwarding/credited-deliveries';
import { createForwarder } from './forwarding/forwarder';
import { databaseKeyFor } from './store/database-key';
import { openDatabase } from './store/open-database';
import { createStore, type Store } from './store/store';
import { roleCheckedDispatch } from './security/role-checked-dispatch';
import { readTrackHistory } from './tracks/track-history';
import { OUTPOST_VERSION } from './version';
import { operatorName } from './operator-name';
import { cacheHandlers } from './cache/cache-handlers';
import { reviewHandlers } from './review/review-handlers';
import { searchHandlers } from './search/search-handlers';
import type { ServiceDeps } from './service-deps';
import { createJobRegistry } from './jobs/job-registry';
import { transferHandlers } from './transfer/transfer-handlers';
import { findExportFile, type ExportFile } from './transfer/export-files';

export interface CoreOptions {
  readonly dataDir: string;
  readonly config: OutpostConfig;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly log: Log;
  /** The SQLite addon built for Electron's ABI, when the host is Electron run from source. */
  readonly nativeBinding?: string | undefined;
  /** The ingest thread's code: each host knows where its build put it. */
  readonly ingestWorker: IngestWorkerScript;
  /** How often coalesced track updates go out to the hosts. */
  readonly trackBatchIntervalMs?: number;
  /** Who acknowledges and resolves alerts; the login name of the user running Outpost when absent. */
  readonly operator?: string;
}

export interface Core {
  readonly dispatch: Dispatch;
  subscribe(listener: EventListener): () => void;
  /**
   * One tile of an added tile package, for the hosts' tile routes: binary, so
   * it bypasses the JSON dispatcher. Null when the package has no tile there;
   * rejects with UnknownBasemapError when no package has that id.
   */
  readTile(basemapId: string, z: number, x: number, y: number): Promise<Tile | null>;
  /** A finished export in the exports folder, for the web host's download route; null when there is none by that name. */
  exportFile(name: string): Promise<ExportFile | null>;
  /** The role every call is checked against. */
  role(): Role;
  /** Only the session calls this, once the passphrase has been given. */
  setRole(role: Role): void;
  /** For the session's own events: unlocks, lockouts, role changes. */
  recordAudit(event: AuditEvent): void;
  close(): Promise<void>;
}

export const CACHE_FILE_NAME = 'cache.db';
const ROLE_META_KEY = 'security.role';

const STATUS_EVERY_MS = 1_000;

export async function createCore(options: CoreOptions): Promise<Core> {
  const { clock, log, config, secrets } = options;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const file = join(options.dataDir, CACHE_FILE_NAME);
  const key = await databaseKeyFor(file, secrets);
  const db = openDatabase({ file, key, nativeBinding: options.nativeBinding });
  const store = createStore(db);
  const auditForwarder = createAuditForwarder({ settings: config.audit, store, marking: config.classification.marking });
  const audit = createAuditTrail(createAuditTables(db), clock, auditForwarder?.forward);
  const installationId = store.readMeta('installation_id') ?? storeNewInstallationId(store);
  // The config names the role a cache starts with, written at its first open; after that only the session
  // changes it, with the passphrase, so a config edited later cannot raise it. Anything unreadable is a viewer.
  const storedRole = store.readMeta(ROLE_META_KEY);
  if (storedRole === null) store.writeMeta(ROLE_META_KEY, config.security.role);
  let role: Role = RoleSchema.catch('viewer').parse(storedRole ?? config.security.role);
  const startedAt = clock.now();

  const hub = createEventHub((error) => log.error('An event listener failed.', { error: String(error) }));
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => hub.emit(event, payload);
  // The demo's tracks stay in the cache but never mix with a real picture.
  const hiddenSources = (): string[] => (connections.isDemo() ? [] : [DEMO_SOURCE]);
  const broadcaster = createTrackBroadcaster({
    clock,
    intervalMs: options.trackBatchIntervalMs ?? 250,
    // A demo batch still in flight when a real feed starts must not bring its tracks back.
    deliver: (tracks) => {
      const hidden = hiddenSources();
      const shown = hidden.length === 0 ? tracks : tracks.filter((track) => !hidden.includes(track.source));
      if (shown.length > 0) emit('tracks.updated', { tracks: shown });
    },
  });
  const ingestThread = await startIngestThread(
    options.ingestWorker,
    { file, key, nativeBinding: options.nativeBinding, maxRecordBytes: config.ingest.maxRecordBytes, rules: store.listRules() },
    log,
  );
  const alerts = createAlertsService({
    store,
    applier: ingestThread,
    clock,
    log,
    operator: options.operator ?? operatorName(),
    onRaised: (raised) => emit('alerts.raised', [...raised]),
    onChanged: (counts) => emit('alerts.changed', counts),
  });
  const writer = createBatchWriter({
    ingest: (groups, receivedAt) => ingestThread.ingest(groups, receivedAt),
    clock,
    maxRecords: config.ingest.batchMaxRecords,
    maxDelayMs: config.ingest.batchMaxDelayMs,
    onCommitted: (outcome) => {
      broadcaster.push(outcome.changedTracks);
      alerts.announce(outcome.alerts);
    },
  });

  // State changes go out at once; lag and rate ride along at most once a second.
  let statusPending = false;
  const connections = createConnectionManager({
    config,
    store,
    writer,
    secrets,
    clock,
    log,
    installationId,
    onDemoStopped: () => emit('tracks.removed', { uids: store.trackUidsFrom(DEMO_SOURCE) }),
    onStatusChange: () => {
      if (statusPending) return;
      statusPending = true;
      queueMicrotask(() => {
        statusPending = false;
        emit('connections.changed', connections.statuses());
      });
    },
  });
  const statusTimer: Cancel = clock.every(STATUS_EVERY_MS, () => emit('connections.changed', connections.statuses()));
  const retention = createRetentionRunner({ store, settings: config.retention, clock, log });
  const basemaps = createBasemapRegistry({
    store,
    openTilePackage: tilePackageOpener({ nativeBinding: options.nativeBinding }),
    clock,
    log,
  });

  const forwardTables = createForwardTables(db);
  const outbox = createOutbox({
    store: auditedDeliveries(creditedDeliveries(store, forwardTables), audit, config.audit.forwardTo),
    secrets,
    clock,
    log,
    siteMarking: config.classification.marking,
    ownStream: auditForwarder?.stream ?? null,
    onChange: () => {
      emit('outbox.changed', outbox.counts());
      forwarder.noticeOutboxChange();
    },
  });
  auditForwarder?.sendThrough(outbox);
  const forwarder = createForwarder({
    tables: forwardTables,
    store,
    outbox,
    clock,
    log,
    marking: config.classification.marking,
    onChange: (rules) => emit('forwarding.changed', rules),
  });

  const jobs = createJobRegistry({
    clock,
    onChanged: (list) => emit('jobs.changed', list),
    onFailed: (job, error) => log.error('A job failed.', { kind: job.kind, label: job.label, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  });
  const deps: ServiceDeps = { store, config, dataDir: options.dataDir, clock, log, emit, writer, jobs };
  const dispatch = roleCheckedDispatch(createDispatcher(
    auditedHandlers({
      ...reviewHandlers(deps),
      ...searchHandlers(deps),
      ...transferHandlers(deps),
      ...cacheHandlers(deps),
      'app.status': () => ({
        version: OUTPOST_VERSION,
        startedAt,
        recordCount: store.countRecords(),
        quarantinedCount: store.countQuarantined(),
        trackCount: store.countTracks(hiddenSources()),
        demo: connections.isDemo(),
      }),
      'tracks.list': ({ limit }) => store.listTracks(limit ?? 100_000, hiddenSources()),
      'tracks.history': ({ uid, limit }) => readTrackHistory(store, uid, limit),
      'quarantine.list': ({ limit }) => store.listQuarantine(limit ?? 100),
      'connections.status': () => connections.statuses(),
      'profiles.list': () => connections.listProfiles(),
      'profiles.save': ({ profile }) => connections.saveProfile(profile),
      'profiles.remove': async ({ id }) => ({ removed: await connections.removeProfile(id) }),
      'profiles.test': ({ id }) => connections.testProfile(id),
      'subscriptions.list': () => connections.listSubscriptions(),
      'subscriptions.add': ({ profileId, subscription }) => connections.addSubscription(profileId, subscription),
      'subscriptions.remove': async ({ id }) => ({ removed: await connections.removeSubscription(id) }),
      'basemaps.list': () => basemaps.list(),
      'basemaps.add': ({ path }) => basemaps.add(path),
      'basemaps.remove': async ({ id }) => ({ removed: await basemaps.remove(id) }),
      'outbox.enqueue': ({ draft }) => outbox.enqueue(draft),
      'outbox.list': ({ states, limit }) => outbox.list(states ?? null, limit ?? 200),
      'outbox.counts': () => outbox.counts(),
      'outbox.cancel': ({ id }) => outbox.cancel(id),
      'outbox.retry': ({ id }) => outbox.retry(id),
      'outbox.setPrecedence': ({ id, precedence }) => outbox.setPrecedence(id, precedence),
      'outbox.edit': ({ id, draft }) => outbox.edit(id, draft),
      'outbox.destinations': () => outbox.destinations(),
      'outbox.setBudget': ({ profileId, topic, bytesPerSecond }) => outbox.setBudget({ profileId, topic }, bytesPerSecond),
      'rules.list': () => alerts.listRules(),
      'rules.save': ({ rule }) => alerts.saveRule(rule),
      'rules.remove': ({ id }) => ({ removed: alerts.removeRule(id) }),
      'rules.setEnabled': ({ id, enabled }) => alerts.setRuleEnabled(id, enabled),
      'rules.testAgainstCache': ({ rule, hours }) => testRuleAgainstCache({ store, rule, hours, now: clock.now(), log }),
      'alerts.list': ({ states, severities, limit }) => alerts.listAlerts(states ?? null, severities ?? null, limit ?? 200),
      'alerts.counts': () => alerts.counts(),
      'alerts.acknowledge': ({ id, note }) => alerts.acknowledge(id, note ?? null),
      'alerts.resolve': ({ id, note }) => alerts.resolve(id, note ?? null),
      'forwarding.list': () => forwarder.list(),
      'forwarding.save': ({ rule }) => forwarder.save(rule),
      'forwarding.remove': ({ id }) => ({ removed: forwarder.remove(id) }),
      'forwarding.setPaused': ({ id, paused }) => forwarder.setPaused(id, paused),
      'forwarding.dryRun': ({ rule, hours }) => forwarder.dryRun(rule, hours),
    }, audit, options.operator ?? operatorName()),
    log,
  ), () => role);

  connections.start();
  auditForwarder?.warnIfProfileMissing(log);
  if (connections.isDemo()) alerts.ensureRule(demoRestrictedAreaRule());
  retention.start();
  outbox.start();
  alerts.start();
  forwarder.start();
  return {
    dispatch,
    subscribe: (listener) => hub.subscribe(listener),
    readTile: (basemapId, z, x, y) => basemaps.readTile(basemapId, z, x, y),
    exportFile: (name) => findExportFile(options.dataDir, name),
    role: () => role,
    setRole(next) {
      store.writeMeta(ROLE_META_KEY, next);
      role = next;
    },
    recordAudit: (event) => {
      audit.record(event);
    },
    async close() {
      statusTimer();
      forwarder.stop();
      alerts.stop();
      retention.stop();
      await outbox.stop();
      await connections.close();
      // An export or import stops between pages, so none is left writing to a closed cache.
      const running = jobs.list().filter((job) => job.state === 'running');
      for (const job of running) jobs.cancel(job.id);
      await Promise.all(running.map((job) => jobs.settled(job.id)));
      await writer.drain();
      await ingestThread.close();
      broadcaster.stop();
      await basemaps.close();
      store.close();
    },
  };
}

function storeNewInstallationId(store: Store): string {
  const id = randomUUID();
  store.writeMeta('installation_id', id);
  return id;
}
