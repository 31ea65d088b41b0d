import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { JsonFieldMapping, RecordFormat } from '../../../shared/formats';
import type { QuarantinedRecordSummary, Track, TrackHistoryPoint } from '../../../shared/domain';
import type { OutboxCounts, OutboxDraft, OutboxMessage, OutboxState, Precedence } from '../../../shared/outbox';
import type { Alert, AlertCounts, AlertState, AlertStep } from '../../../shared/alerts';
import type { Rule, RuleInput, RuleKind, Severity } from '../../../shared/rules';
import { createBasemapTables } from './basemap-tables';
import { createConnectionTables } from './connection-tables';
import { createIngestTables } from './ingest-tables';
import { createOutboxTables } from './outbox-tables';
import { createRuleTables } from './rule-tables';
import { createAlertTables } from './alert-tables';
import { createReplayQueries } from './replay-queries';
import { createRetentionQueries } from './retention-queries';
import { createTrackHistoryQueries } from './track-history-queries';
import { createReviewQueries, type ReviewQueries } from './review-queries';
import { createSearchQueries, type SearchQueries } from './search-queries';
import { createTransferTables, type TransferTables } from './transfer-tables';
import { createCacheTables, type CacheTables } from './cache-tables';

/**
 * The SQL contract: everything the core asks of the cache goes through this
 * interface. The statements live beside it, one file per group of tables.
 */
export interface Store extends ReviewQueries, SearchQueries, TransferTables, CacheTables {
  /** The latest track states, newest first, leaving out tracks from the given sources. */
  listTracks(limit: number, hiddenSources?: readonly string[]): Track[];
  /** The latest state of one track, or null when the cache holds none. */
  readTrack(uid: string): Track | null;
  trackUidsFrom(source: string): string[];
  /** A track's positions from its `limit` most recent records, oldest first. */
  trackPoints(uid: string, limit: number): TrackHistoryPoint[];
  /** The most recent record about a track, raw, or null when none is cached. */
  latestRecordOf(uid: string): CachedRecordValue | null;
  /** The most recently quarantined records, newest first. */
  listQuarantine(limit: number): QuarantinedRecordSummary[];
  countRecords(): number;
  countQuarantined(): number;
  countTracks(hiddenSources?: readonly string[]): number;
  /** The next offset to consume for each partition of a source, as committed with the records. */
  nextOffsets(source: string): PartitionOffset[];
  readMeta(key: string): string | null;
  writeMeta(key: string, value: string): void;

  listProfiles(): StoredProfile[];
  saveProfile(profile: StoredProfile): void;
  removeProfile(id: string): boolean;
  listSubscriptions(): StoredSubscription[];
  addSubscription(subscription: NewSubscription): StoredSubscription;
  removeSubscription(id: number): boolean;

  /** Tile packages added from disk, oldest first. */
  listBasemaps(): StoredBasemap[];
  addBasemap(basemap: StoredBasemap): void;
  removeBasemap(id: string): boolean;

  /**
   * Commits a new outbound message, state queued, and returns it. The main connection runs with
   * synchronous=FULL, so once this returns neither a crash nor a power cut loses the message.
   */
  enqueueOutbound(message: NewOutboundMessage): OutboxMessage;
  readOutbound(id: string): OutboxMessage | null;
  /** Newest first; every state when `states` is null. */
  listOutbound(states: readonly OutboxState[] | null, limit: number): OutboxMessage[];
  countOutbound(): OutboxCounts;
  /** Each profile and topic that has queued messages. */
  outboundDestinations(): OutboundDestination[];
  /**
   * The queued messages of a destination in sending order (highest precedence first, then oldest),
   * as many as `fits` accepts: it sees each with the running totals before it and returns false to stop.
   */
  queuedOutbound(destination: OutboundDestination, fits: (next: QueuedOutbound, countBefore: number, bytesBefore: number) => boolean): QueuedOutbound[];
  /**
   * Moves a message to a new state, only if it is in one of `from` now, and records the change in
   * its history; null when it was not (already sent, cancelled meanwhile, or unknown).
   */
  transitionOutbound(id: string, from: readonly OutboxState[], change: OutboundTransition): OutboxMessage | null;
  /** transitionOutbound for many messages in one commit; returns the ids that moved. */
  transitionOutboundMany(from: readonly OutboxState[], changes: readonly { readonly id: string; readonly change: OutboundTransition }[]): string[];
  /** Rewrites a queued message in place, keeping its id and its place in the queue; null when it is not queued. */
  reviseOutbound(id: string, revision: OutboundRevision): OutboxMessage | null;
  /** Each destination with something queued or a budget, with its backlog. */
  outboundBacklogs(): OutboundBacklog[];
  /** The destination's byte rate, or null for no limit. */
  outboundBudget(destination: OutboundDestination): number | null;
  setOutboundBudget(destination: OutboundDestination, bytesPerSecond: number | null): void;
  /** Puts back in the queue every message a previous run left sending; returns how many. */
  requeueInterruptedOutbound(at: number, note: string): number;

  /** The id of the first record that arrived at or after `cutoff`; null when none did. */
  firstRecordReceivedSince(cutoff: number): number | null;
  /** Up to `limit` records from `id` on, in arrival order, with their decoded entities. */
  recordsFrom(id: number, limit: number): ReplayedRecord[];
  lastRecordId(): number | null;

  /** Every rule, enabled or not, by name. */
  listRules(): Rule[];
  /** Adds a rule, or replaces the one with its id; a replaced rule keeps when it was created. */
  saveRule(rule: RuleInput, at: number): Rule;
  removeRule(id: string): boolean;

  /** Newest first; every state or severity when null. */
  listAlerts(states: readonly AlertState[] | null, severities: readonly Severity[] | null, limit: number): Alert[];
  countAlerts(): AlertCounts;
  readAlert(id: string): Alert | null;
  /** Acknowledges or resolves an alert, only if it is in one of `from` now; null when it was not. */
  advanceAlert(id: string, from: readonly AlertState[], to: 'acknowledged' | 'resolved', step: AlertStep): Alert | null;

  /** Deletes up to `limit` of the oldest unpinned records past `afterId` received before `cutoff`. */
  evictReceivedBefore(cutoff: number, afterId: number, limit: number): EvictionStep;
  /** Deletes up to `limit` of the oldest unpinned records past `afterId`. */
  evictOldest(afterId: number, limit: number): EvictionStep;
  /**
   * Drops the keyframes no seek needs any more: those before the last keyframe at or before the
   * oldest fix left. Returns how many went.
   */
  dropKeyframesBeforeOldestFix(): number;
  /** Bytes the cache's live pages occupy (free pages left by eviction do not count). */
  usedBytes(): number;
  close(): void;
}

export interface NewOutboundMessage {
  readonly id: string;
  readonly draft: OutboxDraft;
  /** The message as written on the wire (before compression). */
  readonly payload: Uint8Array;
  /** The payload's size compressed on its own. */
  readonly wireBytes: number;
  readonly createdAt: number;
  /** The Kafka record key, such as a forwarded position's entity; the message id when absent. */
  readonly recordKey?: string | null;
  /** The forwarding rule that queued it, for its figures and its pause. */
  readonly forwardRuleId?: string | null;
}

/** One step of eviction: how many records went, and the id the next step goes on after. */
export interface EvictionStep {
  readonly deleted: number;
  /** The last record deleted; null when none was. */
  readonly lastId: number | null;
}

export interface ReplayedRecord {
  readonly id: number;
  readonly receivedAt: number;
  readonly source: string;
  readonly topic: string;
  /** The entities it was decoded into; empty for a record with none. */
  readonly tracks: readonly Track[];
}

/** An alert as a rule raised it, before the store gives it an id and a state. */
export interface NewAlert {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly ruleKind: RuleKind;
  readonly severity: Severity;
  /** The entity's uid, or "source/topic" for a subscription. */
  readonly subject: string;
  readonly callsign: string | null;
  /** When it happened: the fix's time, or the end of the window judged. */
  readonly time: number;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly message: string;
  readonly raisedAt: number;
}

export interface OutboundRevision {
  readonly draft: OutboxDraft;
  readonly payload: Uint8Array;
  readonly wireBytes: number;
  readonly at: number;
  /** Why, for the message's history. */
  readonly note: string;
}

/** What a sender needs of a queued message, without its history. */
export interface QueuedOutbound {
  readonly id: string;
  readonly precedence: Precedence;
  readonly bytes: number;
  readonly wireBytes: number;
  readonly reason: string | null;
  readonly payload: Uint8Array;
  /** The Kafka record key; the message id when null. */
  readonly recordKey: string | null;
}

export interface OutboundBacklog extends OutboundDestination {
  readonly queued: number;
  readonly queuedWireBytes: number;
  readonly budgetBytesPerSecond: number | null;
}

export interface OutboundDestination {
  readonly profileId: string;
  readonly topic: string;
}

export interface OutboundTransition {
  readonly state: OutboxState;
  readonly at: number;
  /** Kept in the history entry. */
  readonly note?: string | null;
  /** Replaces the message's reason; left as it was when absent. */
  readonly reason?: string | null;
  readonly partition?: number;
  readonly offset?: string;
  /** Counts one more delivery attempt (on the way to sending). */
  readonly attempt?: boolean;
  /** On the way to sent: the message's share of what its request cost on the link. Not stored with the message. */
  readonly chargedBytes?: number;
}

/** The ingest thread's connection: it alone writes records. */
export interface IngestWriter {
  /** Writes one batch atomically, offsets and counters included. Records already stored are skipped. */
  writeBatch(batch: IngestBatch): WriteOutcome;
  /** Writes any track states still held back, so the tracks table is current. */
  flushTracks(): void;
  /** Keeps alerts raised between batches, as time passes; returns those kept, without any already open. */
  writeAlerts(alerts: readonly NewAlert[]): Alert[];
  /** Every entity the cache has a track for. */
  knownUids(): Iterable<string>;
}

export interface RecordPosition {
  readonly source: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export interface StoredRecord extends RecordPosition {
  readonly timestamp: number;
  readonly receivedAt: number;
  readonly key: Uint8Array | null;
  readonly headers: Readonly<Record<string, string>> | null;
  readonly value: Uint8Array;
  readonly subscriptionId: number | null;
  /** Entities decoded from the record; empty when it carried none. */
  readonly tracks: readonly Track[];
  /** The words in it worth searching; null when it has none. */
  readonly searchText: SearchText | null;
}

/** What a record says in words, for free-text search: the entities' remarks, or the record's own text. */
export interface SearchText {
  readonly remarks: string | null;
  readonly text: string | null;
}

export interface CachedRecordValue {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly receivedAt: number;
  readonly value: Uint8Array;
}

export interface QuarantinedRecord extends RecordPosition {
  readonly receivedAt: number;
  readonly error: string;
  readonly value: Uint8Array;
  readonly subscriptionId: number | null;
}

export interface IngestBatch {
  readonly records: readonly StoredRecord[];
  readonly quarantined: readonly QuarantinedRecord[];
  /** Raised by the rules from this batch's records, kept in the same commit. */
  readonly alerts: readonly NewAlert[];
}

export interface WriteOutcome {
  readonly storedRecords: number;
  readonly duplicateRecords: number;
  readonly storedQuarantined: number;
  /** Tracks whose latest state this batch changed: the latest state of each. */
  readonly changedTracks: Track[];
  /** The batch's alerts the store kept: those for a rule and subject with an alert still open are not. */
  readonly alerts: Alert[];
}

export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly nextOffset: number;
}

export interface StoredProfile {
  readonly id: string;
  readonly name: string;
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly groupId: string | null;
  readonly tls: { readonly ca: string | null; readonly cert: string | null; readonly keySealed: string | null; readonly servername: string | null } | null;
  readonly sasl: { readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; readonly username: string; readonly passwordSealed: string | null } | null;
  readonly enabled: boolean;
}

export interface NewSubscription {
  readonly profileId: string;
  readonly topic: string | null;
  readonly pattern: string | null;
  readonly format: RecordFormat;
  readonly mapping: JsonFieldMapping | null;
}

export interface StoredSubscription extends NewSubscription {
  readonly id: number;
  readonly received: number;
  readonly quarantined: number;
}

export interface StoredBasemap {
  readonly id: string;
  readonly name: string;
  readonly kind: 'mbtiles' | 'pmtiles';
  /** Absolute path of the package's file. */
  readonly path: string;
  readonly addedAt: number;
}

export function createStore(db: Database): Store {
  return {
    ...createIngestTables(db),
    ...createConnectionTables(db),
    ...createBasemapTables(db),
    ...createOutboxTables(db),
    ...createRuleTables(db),
    ...createAlertTables(db),
    ...createReplayQueries(db),
    ...createRetentionQueries(db),
    ...createTrackHistoryQueries(db),
    ...createReviewQueries(db),
    ...createSearchQueries(db),
    ...createTransferTables(db),
    ...createCacheTables(db),
    close: () => db.close(),
  };
}
