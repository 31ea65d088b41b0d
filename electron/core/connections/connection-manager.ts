import type { ConfigProfile, OutpostConfig } from '../../../shared/config';
import type { ConnectionTestResult, ParsedProfileInput, Profile, ProfileStatus, Subscription } from '../../../shared/connections';
import type { JsonFieldMapping, RecordFormat } from '../../../shared/formats';
import { createDemoSource, type DemoSource } from '../demo/demo-source';
import type { BatchWriter } from '../ingest/batch-writer';
import { createProfileConsumer, type ProfileConsumer } from '../kafka/profile-consumer';
import { testConnection } from '../kafka/test-connection';
import type { Clock, Log, Secrets } from '../ports';
import type { Store, StoredProfile, StoredSubscription } from '../store/store';
import { UserFacingError } from '../user-facing-error';
import { toPublicProfile } from './public-profile';

/**
 * Owns the feeds: a supervised consumer per enabled profile, or the demo
 * scenario while no profile exists. Every change to a profile or its
 * subscriptions restarts just that profile's consumer.
 */
export interface ConnectionManager {
  start(): void;
  statuses(): ProfileStatus[];
  isDemo(): boolean;
  listProfiles(): Profile[];
  saveProfile(input: ParsedProfileInput): Promise<Profile>;
  removeProfile(id: string): Promise<boolean>;
  testProfile(id: string): Promise<ConnectionTestResult>;
  listSubscriptions(): Subscription[];
  addSubscription(profileId: string, fields: SubscriptionFields): Promise<Subscription>;
  removeSubscription(id: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface SubscriptionFields {
  readonly topic?: string | undefined;
  readonly pattern?: string | undefined;
  readonly format: RecordFormat;
  readonly mapping?: JsonFieldMapping | undefined;
}

export function createConnectionManager(options: {
  readonly config: OutpostConfig;
  readonly store: Store;
  readonly writer: BatchWriter;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly log: Log;
  readonly installationId: string;
  readonly onStatusChange: () => void;
  /** The demo has stopped for a real feed: its tracks should leave the map. */
  readonly onDemoStopped: () => void;
}): ConnectionManager {
  const { store, secrets, clock, log } = options;
  const consumers = new Map<string, ProfileConsumer>();
  const demo: DemoSource = createDemoSource({
    settings: options.config.demo,
    writer: options.writer,
    store,
    clock,
    log,
    onStatusChange: options.onStatusChange,
  });
  let demoRunning = false;

  const findProfile = (id: string): StoredProfile => {
    const profile = store.listProfiles().find((p) => p.id === id);
    if (profile === undefined) throw new UserFacingError(`There is no connection profile called "${id}".`);
    return profile;
  };

  const startConsumer = (profile: StoredProfile): void => {
    const consumer = createProfileConsumer({
      profile,
      subscriptions: store.listSubscriptions().filter((s) => s.profileId === profile.id),
      groupId: profile.groupId ?? `outpost-${options.installationId}`,
      settings: options.config.ingest,
      store,
      writer: options.writer,
      secrets,
      clock,
      log,
      onStatusChange: options.onStatusChange,
    });
    consumers.set(profile.id, consumer);
    consumer.start();
  };

  const stopConsumer = async (id: string): Promise<void> => {
    const consumer = consumers.get(id);
    consumers.delete(id);
    await consumer?.stop();
  };

  const restartProfile = async (id: string): Promise<void> => {
    await stopConsumer(id);
    const profile = store.listProfiles().find((p) => p.id === id);
    if (profile?.enabled === true) startConsumer(profile);
    options.onStatusChange();
  };

  /** The demo plays only while there is no profile at all, so it never mixes with real data. */
  const reconcileDemo = (): void => {
    const wanted = store.listProfiles().length === 0;
    if (wanted && !demoRunning) demo.start();
    const stopping = !wanted && demoRunning;
    if (stopping) demo.stop();
    demoRunning = wanted;
    if (stopping) options.onDemoStopped();
  };

  return {
    start() {
      for (const profile of options.config.profiles) applyConfigProfile(store, profile);
      reconcileDemo();
      for (const profile of store.listProfiles()) if (profile.enabled) startConsumer(profile);
    },
    statuses() {
      const kafka = store
        .listProfiles()
        .map((profile) => consumers.get(profile.id)?.status() ?? disabledStatus(profile, clock.now()));
      return demoRunning ? [demo.status(), ...kafka] : kafka;
    },
    isDemo: () => demoRunning,
    listProfiles: () => store.listProfiles().map(toPublicProfile),
    async saveProfile(input) {
      const existing = store.listProfiles().find((p) => p.id === input.id) ?? null;
      const profile = await sealProfile(input, existing, secrets);
      store.saveProfile(profile);
      reconcileDemo();
      await restartProfile(profile.id);
      return toPublicProfile(profile);
    },
    async removeProfile(id) {
      await stopConsumer(id);
      const removed = store.removeProfile(id);
      reconcileDemo();
      options.onStatusChange();
      return removed;
    },
    testProfile: async (id) => testConnection(findProfile(id), secrets, log),
    listSubscriptions: () => store.listSubscriptions().map(toPublicSubscription),
    async addSubscription(profileId, fields) {
      findProfile(profileId);
      const added = store.addSubscription({
        profileId,
        topic: fields.topic ?? null,
        pattern: fields.pattern ?? null,
        format: fields.format,
        mapping: fields.mapping ?? null,
      });
      await restartProfile(profileId);
      return toPublicSubscription(added);
    },
    async removeSubscription(id) {
      const subscription = store.listSubscriptions().find((s) => s.id === id);
      if (subscription === undefined) return false;
      store.removeSubscription(id);
      await restartProfile(subscription.profileId);
      return true;
    },
    async close() {
      if (demoRunning) demo.stop();
      await Promise.all([...consumers.keys()].map(stopConsumer));
    },
  };
}

async function sealProfile(input: ParsedProfileInput, existing: StoredProfile | null, secrets: Secrets): Promise<StoredProfile> {
  const keySealed = input.tls?.key === undefined ? (existing?.tls?.keySealed ?? null) : await secrets.seal(input.tls.key);
  const passwordSealed =
    input.sasl?.password === undefined ? (existing?.sasl?.passwordSealed ?? null) : await secrets.seal(input.sasl.password);
  return {
    id: input.id,
    name: input.name,
    brokers: input.brokers,
    clientId: input.clientId,
    groupId: input.groupId ?? null,
    tls:
      input.tls === undefined
        ? null
        : { ca: input.tls.ca ?? null, cert: input.tls.cert ?? null, keySealed, servername: input.tls.servername ?? null },
    sasl: input.sasl === undefined ? null : { mechanism: input.sasl.mechanism, username: input.sasl.username, passwordSealed },
    enabled: input.enabled,
  };
}

/**
 * A config file names its profiles and their subscriptions; saved secrets are
 * kept, and subscriptions are brought to exactly what the file lists, keeping
 * the counters of those that stay.
 */
function applyConfigProfile(store: Store, profile: ConfigProfile): void {
  const existing = store.listProfiles().find((p) => p.id === profile.id) ?? null;
  store.saveProfile({
    id: profile.id,
    name: profile.name,
    brokers: profile.brokers,
    clientId: profile.clientId,
    groupId: profile.groupId ?? null,
    tls:
      profile.tls === undefined
        ? null
        : { ca: profile.tls.ca ?? null, cert: profile.tls.cert ?? null, keySealed: existing?.tls?.keySealed ?? null, servername: profile.tls.servername ?? null },
    sasl:
      profile.sasl === undefined
        ? null
        : { mechanism: profile.sasl.mechanism, username: profile.sasl.username, passwordSealed: existing?.sasl?.passwordSealed ?? null },
    enabled: profile.enabled,
  });
  const wanted = profile.subscriptions.map((s) => ({
    profileId: profile.id,
    topic: s.topic ?? null,
    pattern: s.pattern ?? null,
    format: s.format,
    mapping: s.mapping ?? null,
  }));
  const sameAs = (a: Omit<StoredSubscription, 'id' | 'received' | 'quarantined'>, b: typeof a): boolean =>
    a.topic === b.topic && a.pattern === b.pattern && a.format === b.format && JSON.stringify(a.mapping) === JSON.stringify(b.mapping);
  const current = store.listSubscriptions().filter((s) => s.profileId === profile.id);
  for (const subscription of current) if (!wanted.some((w) => sameAs(subscription, w))) store.removeSubscription(subscription.id);
  for (const subscription of wanted) if (!current.some((c) => sameAs(c, subscription))) store.addSubscription(subscription);
}

function toPublicSubscription(subscription: StoredSubscription): Subscription {
  return { ...subscription };
}

function disabledStatus(profile: StoredProfile, now: number): ProfileStatus {
  return {
    profileId: profile.id,
    name: profile.name,
    state: 'offline',
    reason: 'This profile is disabled.',
    since: now,
    partitions: [],
    catchUp: null,
    rate: 0,
  };
}
