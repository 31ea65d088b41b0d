import { z } from 'zod';
import { BasemapIdSchema, BasemapSchema } from './basemaps';
import {
  ConnectionTestResultSchema,
  ProfileIdSchema,
  ProfileInputSchema,
  ProfileSchema,
  ProfileStatusSchema,
  SubscriptionInputSchema,
  SubscriptionSchema,
  TopicNameSchema,
} from './connections';
import {
  BudgetSchema,
  DestinationStatusSchema,
  OUTBOX_STATES,
  OutboxCountsSchema,
  OutboxDraftSchema,
  OutboxMessageIdSchema,
  OutboxMessageSchema,
  PRECEDENCES,
} from './outbox';
import { ALERT_STATES, AlertCountsSchema, AlertIdSchema, AlertNoteSchema, AlertSchema } from './alerts';
import { MAX_TEST_HOURS, RuleIdSchema, RuleInputSchema, RuleSchema, RuleTestResultSchema, SEVERITIES } from './rules';
import { AppStatusSchema, QuarantinedRecordSchema, TrackBatchSchema, TrackHistorySchema, TrackSchema } from './domain';
import { CachePinInputSchema, CachePinSchema, CacheStatsSchema, RetentionSettingsSchema } from './cache';
import { ForwardDryRunSchema, ForwardRuleIdSchema, ForwardRuleInputSchema, ForwardRuleSchema, MAX_DRY_RUN_HOURS } from './forwarding';
import { JobIdSchema, JobSchema } from './jobs';
import { MarkingsSchema } from './marking';
import { RoleSchema } from './roles';
import { NewPassphraseSchema, PassphraseSchema, SessionStateSchema } from './session';
import {
  AlertMarkSchema,
  BoundsSchema,
  MAX_ALERT_MARKS,
  MAX_TRAIL_MINUTES,
  MAX_TRAIL_POINTS,
  MAX_WINDOW_FIXES,
  ReviewFrameSchema,
  ReviewRangeSchema,
  ReviewTrailSchema,
  ReviewWindowSchema,
} from './review';
import { MAX_SEARCH_PAGE, SavedSearchIdSchema, SavedSearchSchema, SearchCursorSchema, SearchPageSchema, SearchQuerySchema } from './search';
import { EXPORT_FORMATS, ExportFileNameSchema, ExportPolicySchema, ExportScopeSchema, IMPORT_FORMATS, ImportSourceSchema } from './transfer';

const none = z.object({}).strict();
const epochMillis = z.number().int().nonnegative();
const filePath = z.string().min(1).max(4096);

export const TRACK_HISTORY_DEFAULT_POINTS = 120;
export const TRACK_HISTORY_MAX_POINTS = 1_000;

/**
 * The one definition of everything the renderer may ask of the core and
 * everything the core may tell it. Hosts, the dispatcher and the renderer's
 * client are all derived from these maps, with hostMethods and sessionMethods below.
 */
export const methods = {
  'app.status': { args: none, result: AppStatusSchema },
  'tracks.list': {
    args: z.object({ limit: z.number().int().min(1).max(100_000).optional() }).strict(),
    result: z.array(TrackSchema),
  },
  /** A track's latest state, its recent positions from the cache and its latest raw record. */
  'tracks.history': {
    args: z
      .object({ uid: z.string().min(1).max(1_000), limit: z.number().int().min(1).max(TRACK_HISTORY_MAX_POINTS).optional() })
      .strict(),
    result: TrackHistorySchema,
  },
  'quarantine.list': {
    args: z.object({ limit: z.number().int().min(1).max(1_000).optional() }).strict(),
    result: z.array(QuarantinedRecordSchema),
  },
  'connections.status': { args: none, result: z.array(ProfileStatusSchema) },
  'profiles.list': { args: none, result: z.array(ProfileSchema) },
  'profiles.save': { args: z.object({ profile: ProfileInputSchema }).strict(), result: ProfileSchema },
  'profiles.remove': { args: z.object({ id: ProfileIdSchema }).strict(), result: z.object({ removed: z.boolean() }) },
  'profiles.test': { args: z.object({ id: ProfileIdSchema }).strict(), result: ConnectionTestResultSchema },
  'subscriptions.list': { args: none, result: z.array(SubscriptionSchema) },
  'subscriptions.add': { args: SubscriptionInputSchema, result: SubscriptionSchema },
  'subscriptions.remove': {
    args: z.object({ id: z.number().int().positive() }).strict(),
    result: z.object({ removed: z.boolean() }),
  },
  /** The bundled basemap first, then the added tile packages in the order they were added. */
  'basemaps.list': { args: none, result: z.array(BasemapSchema) },
  /** Reads the package's metadata now; adding a file already added returns the one already there. */
  'basemaps.add': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: BasemapSchema,
  },
  'basemaps.remove': { args: z.object({ id: BasemapIdSchema }).strict(), result: z.object({ removed: z.boolean() }) },
  /** Commits the message to the outbox before answering: once this returns, it is queued for good. */
  'outbox.enqueue': { args: z.object({ draft: OutboxDraftSchema }).strict(), result: OutboxMessageSchema },
  /** Newest first, with each message's state history. */
  'outbox.list': {
    args: z.object({ states: z.array(z.enum(OUTBOX_STATES)).min(1).optional(), limit: z.number().int().min(1).max(1_000).optional() }).strict(),
    result: z.array(OutboxMessageSchema),
  },
  'outbox.counts': { args: none, result: OutboxCountsSchema },
  /** A queued or failed message; one already sent cannot be called back. */
  'outbox.cancel': { args: z.object({ id: OutboxMessageIdSchema }).strict(), result: OutboxMessageSchema },
  /** Queues a failed message again. */
  'outbox.retry': { args: z.object({ id: OutboxMessageIdSchema }).strict(), result: OutboxMessageSchema },
  'outbox.setPrecedence': {
    args: z.object({ id: OutboxMessageIdSchema, precedence: z.enum(PRECEDENCES) }).strict(),
    result: OutboxMessageSchema,
  },
  /** Rewrites a queued message; it keeps its id and its place in the queue. */
  'outbox.edit': { args: z.object({ id: OutboxMessageIdSchema, draft: OutboxDraftSchema }).strict(), result: OutboxMessageSchema },
  /** Every destination with something queued or a budget set. */
  'outbox.destinations': { args: none, result: z.array(DestinationStatusSchema) },
  /** Limits a destination to a byte rate, charged after compression; null lifts the limit. */
  'outbox.setBudget': {
    args: z.object({ profileId: ProfileIdSchema, topic: TopicNameSchema, bytesPerSecond: BudgetSchema.nullable() }).strict(),
    result: DestinationStatusSchema,
  },
  'rules.list': { args: none, result: z.array(RuleSchema) },
  /** Adds a rule, or replaces the one with the same id; the ingest path applies it from the next record. */
  'rules.save': { args: z.object({ rule: RuleInputSchema }).strict(), result: RuleSchema },
  /** Its alerts stay, as they were raised. */
  'rules.remove': { args: z.object({ id: RuleIdSchema }).strict(), result: z.object({ removed: z.boolean() }) },
  'rules.setEnabled': { args: z.object({ id: RuleIdSchema, enabled: z.boolean() }).strict(), result: RuleSchema },
  /** Replays the last hours of the cache through the rule, unsaved, to show how often it would have fired. */
  'rules.testAgainstCache': {
    args: z.object({ rule: RuleInputSchema, hours: z.number().int().min(1).max(MAX_TEST_HOURS) }).strict(),
    result: RuleTestResultSchema,
  },
  /** Newest first. */
  'alerts.list': {
    args: z
      .object({
        states: z.array(z.enum(ALERT_STATES)).min(1).optional(),
        severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
        limit: z.number().int().min(1).max(1_000).optional(),
      })
      .strict(),
    result: z.array(AlertSchema),
  },
  'alerts.counts': { args: none, result: AlertCountsSchema },
  /** A new alert only; acknowledging one already acknowledged changes nothing. */
  'alerts.acknowledge': { args: z.object({ id: AlertIdSchema, note: AlertNoteSchema.optional() }).strict(), result: AlertSchema },
  /** A new or acknowledged alert; the rule may raise a new one for the same subject from then on. */
  'alerts.resolve': { args: z.object({ id: AlertIdSchema, note: AlertNoteSchema.optional() }).strict(), result: AlertSchema },
  /** The span of cached fixes that replay can show. */
  'review.range': { args: none, result: ReviewRangeSchema },
  /** Every entity not yet hidden at a moment, as it was then: what the map shows when review seeks there. */
  'review.frame': { args: z.object({ at: epochMillis }).strict(), result: ReviewFrameSchema },
  /** The fixes after a frame, oldest first, for playing forward. */
  'review.window': {
    args: z.object({ from: epochMillis, to: epochMillis, limit: z.number().int().min(1).max(MAX_WINDOW_FIXES).optional() }).strict(),
    result: ReviewWindowSchema,
  },
  /** Where the entities in an area were in the minutes before a moment. */
  'review.trails': {
    args: z
      .object({
        at: epochMillis,
        minutes: z.number().int().min(1).max(MAX_TRAIL_MINUTES),
        bounds: BoundsSchema,
        maxPointsPerTrail: z.number().int().min(2).max(MAX_TRAIL_POINTS).optional(),
      })
      .strict(),
    result: z.array(ReviewTrailSchema),
  },
  /** Alerts raised about fixes in a span, for marks on the timeline. */
  'review.alertMarks': {
    args: z.object({ from: epochMillis, to: epochMillis, limit: z.number().int().min(1).max(MAX_ALERT_MARKS).optional() }).strict(),
    result: z.array(AlertMarkSchema),
  },
  /** Newest first, a page at a time. */
  'search.query': {
    args: z.object({ query: SearchQuerySchema, after: SearchCursorSchema.optional(), limit: z.number().int().min(1).max(MAX_SEARCH_PAGE).optional() }).strict(),
    result: SearchPageSchema,
  },
  'search.saved.list': { args: none, result: z.array(SavedSearchSchema) },
  /** Saving under a name in use replaces that search. */
  'search.saved.save': { args: z.object({ name: z.string().trim().min(1).max(100), query: SearchQuerySchema }).strict(), result: SavedSearchSchema },
  'search.saved.remove': { args: z.object({ id: SavedSearchIdSchema }).strict(), result: z.object({ removed: z.boolean() }) },
  'export.policy': { args: none, result: ExportPolicySchema },
  /** Starts writing a file in the exports folder; progress comes as `jobs.changed`. */
  'export.start': { args: z.object({ scope: ExportScopeSchema, format: z.enum(EXPORT_FORMATS) }).strict(), result: JobSchema },
  /** Reads a file into the cache for review, tagged with its source; progress comes as `jobs.changed`. */
  'import.start': { args: z.object({ path: filePath, format: z.enum(IMPORT_FORMATS), name: z.string().trim().min(1).max(100).optional() }).strict(), result: JobSchema },
  'import.sources': { args: none, result: z.array(ImportSourceSchema) },
  'jobs.list': { args: none, result: z.array(JobSchema) },
  /** A running job stops between pages; an export's partial file is deleted. */
  'jobs.cancel': { args: z.object({ id: JobIdSchema }).strict(), result: JobSchema },
  'cache.stats': { args: none, result: CacheStatsSchema },
  'cache.retention': { args: none, result: RetentionSettingsSchema },
  'cache.setRetention': { args: z.object({ retention: RetentionSettingsSchema }).strict(), result: RetentionSettingsSchema },
  'cache.pins.list': { args: none, result: z.array(CachePinSchema) },
  'cache.pins.add': { args: z.object({ pin: CachePinInputSchema }).strict(), result: CachePinSchema },
  'cache.pins.remove': { args: z.object({ id: z.number().int().positive() }).strict(), result: z.object({ removed: z.boolean() }) },
  /** Gives the space retention freed back to the disk, with progress as `jobs.changed`. */
  'cache.compact': { args: none, result: JobSchema },
  /** Every forwarding rule, with what it has seen, sent and still holds. */
  'forwarding.list': { args: none, result: z.array(ForwardRuleSchema) },
  /** Creates or replaces a rule by id; a new rule starts with the records that arrive after it. */
  'forwarding.save': { args: z.object({ rule: ForwardRuleInputSchema }).strict(), result: ForwardRuleSchema },
  /** Stops the rule; what it had queued and not yet sent is cancelled with a note. */
  'forwarding.remove': { args: z.object({ id: ForwardRuleIdSchema }).strict(), result: z.object({ removed: z.boolean() }) },
  /** Paused, a rule forwards nothing and holds what it queued; resumed, it carries on from the record where it stopped. */
  'forwarding.setPaused': { args: z.object({ id: ForwardRuleIdSchema, paused: z.boolean() }).strict(), result: ForwardRuleSchema },
  /** Runs an unsaved rule over the cache's last hours and says what it would send; nothing is queued. */
  'forwarding.dryRun': {
    args: z.object({ rule: ForwardRuleInputSchema, hours: z.number().positive().max(MAX_DRY_RUN_HOURS) }).strict(),
    result: ForwardDryRunSchema,
  },
} as const;

/**
 * What the host answers itself and never passes to the core: only a host can
 * reach the operating system, such as its file dialog. Every host answers all
 * of them, refusing with a sentence what it cannot do.
 */
export const hostMethods = {
  /** What this host offers beyond the core, so the renderer shows only controls that work here. */
  'host.capabilities': { args: none, result: z.object({ fileDialog: z.boolean() }) },
  /** Asks the analyst for an MBTiles or PMTiles file in the native file dialog; the path is null when they cancel. */
  'files.chooseTilePackage': { args: none, result: z.object({ path: z.string().min(1).max(4096).nullable() }) },
  /** Asks the analyst for a file to import for review (Outpost GeoJSON, CoT XML, JSON lines); the path is null when they cancel. */
  'files.chooseImportFile': { args: none, result: z.object({ path: z.string().min(1).max(4096).nullable() }) },
  /**
   * Copies a finished export, by its bare name in the exports folder, to where the analyst picks in the
   * native save dialog; the path is null when they cancel.
   */
  'files.saveExport': { args: z.object({ fileName: ExportFileNameSchema }).strict(), result: z.object({ path: filePath.nullable() }) },
} as const;

/**
 * What the session answers, in front of the core: the passphrase, the lock and the role. These
 * work while the core is locked or not yet open, which is why they are not core methods.
 */
export const sessionMethods = {
  'session.state': { args: none, result: SessionStateSchema },
  /** The site's marking and consent notice, read once at start: they show on the lock screen too. */
  'app.markings': { args: none, result: MarkingsSchema },
  /** The first start: sets the passphrase that wraps the new cache's keys, then opens the cache. */
  'session.setup': { args: z.object({ passphrase: NewPassphraseSchema }).strict(), result: SessionStateSchema },
  'session.unlock': { args: z.object({ passphrase: PassphraseSchema }).strict(), result: SessionStateSchema },
  'session.lock': { args: none, result: SessionStateSchema },
  /** The analyst is at the keyboard: the renderer reports input at most every few seconds, which holds off the idle lock. */
  'session.activity': { args: none, result: z.null() },
  'session.changePassphrase': { args: z.object({ current: PassphraseSchema, next: NewPassphraseSchema }).strict(), result: SessionStateSchema },
  'session.setRole': { args: z.object({ role: RoleSchema, passphrase: PassphraseSchema }).strict(), result: SessionStateSchema },
  /** Rotates the cache's key: the cache closes, is encrypted again under a new key, and reopens. */
  'session.rekey': { args: z.object({ passphrase: PassphraseSchema }).strict(), result: SessionStateSchema },
} as const;

/** Everything the renderer may call, whether its host, the session or the core answers. */
export const callableMethods = { ...methods, ...hostMethods, ...sessionMethods } as const;

export const events = {
  /** Batched and coalesced per entity, so a burst of records becomes one update per entity. */
  'tracks.updated': TrackBatchSchema,
  /** Tracks the map should drop, such as the demo's once a real feed replaces it. */
  'tracks.removed': z.object({ uids: z.array(z.string()) }),
  /** Every feed's state, lag and rate: on each state change and at most once a second otherwise. */
  'connections.changed': z.array(ProfileStatusSchema),
  /** How many outbound messages are in each state, after every change. */
  'outbox.changed': OutboxCountsSchema,
  /** Alerts just raised, oldest first: what a desktop notification is made from. */
  'alerts.raised': z.array(AlertSchema),
  /** How many alerts are in each state, after every change. */
  'alerts.changed': AlertCountsSchema,
  /** Every recent job, after any of them moves: at most a few times a second. */
  'jobs.changed': z.array(JobSchema),
  /** Every forwarding rule with its figures: after each change, and at most once a second while records flow. */
  'forwarding.changed': z.array(ForwardRuleSchema),
  /** The session locked, unlocked, changed role or was locked out. */
  'session.changed': SessionStateSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type HostMethods = typeof hostMethods;
export type HostMethodName = keyof HostMethods;
export type SessionMethods = typeof sessionMethods;
export type SessionMethodName = keyof SessionMethods;
export type CallableMethods = typeof callableMethods;
export type CallableMethodName = keyof CallableMethods;
export type MethodArgs<M extends CallableMethodName> = z.input<CallableMethods[M]['args']>;
export type ParsedMethodArgs<M extends CallableMethodName> = z.output<CallableMethods[M]['args']>;
export type MethodResult<M extends CallableMethodName> = z.output<CallableMethods[M]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isHostMethodName(name: unknown): name is HostMethodName {
  return typeof name === 'string' && Object.hasOwn(hostMethods, name);
}

export function isSessionMethodName(name: unknown): name is SessionMethodName {
  return typeof name === 'string' && Object.hasOwn(sessionMethods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
