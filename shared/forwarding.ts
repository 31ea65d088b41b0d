import { z } from 'zod';
import { ProfileIdSchema, TopicNameSchema } from './connections';
import { ExpressionTextSchema } from './expression';
import { BudgetSchema, PRECEDENCES } from './outbox';

/** A lowercase slug the analyst can read in logs, unique among forwarding rules. */
export const ForwardRuleIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a forwarding rule id is 1–64 lowercase letters, digits or dashes, starting with a letter or digit');

/**
 * The fields of a forwarded position that projection may drop. `raw` is the record as it came
 * from the source, the heaviest by far; `source` is where it was read (profile, topic, partition,
 * offset); the rest are what a picture at the far end may do without. `uid`, `time`, `lat` and
 * `lon` always go: without them a position is not one.
 */
export const PROJECTABLE_FIELDS = ['raw', 'source', 'callsign', 'type', 'hae', 'course', 'speed'] as const;
export type ProjectableField = (typeof PROJECTABLE_FIELDS)[number];

/** Where forwarded records come from: one profile's topic, or every topic of it matching a pattern. */
export const ForwardSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topic'), profileId: ProfileIdSchema, topic: TopicNameSchema }).strict(),
  z.object({ kind: z.literal('pattern'), profileId: ProfileIdSchema, pattern: z.string().min(1).max(249) }).strict(),
]);
export type ForwardSource = z.output<typeof ForwardSourceSchema>;

export const ForwardDestinationSchema = z.object({ profileId: ProfileIdSchema, topic: TopicNameSchema }).strict();
export type ForwardDestination = z.output<typeof ForwardDestinationSchema>;

/** At most one position per entity per this many seconds goes up; a day at most. */
export const MAX_DECIMATION_SECONDS = 86_400;

export const ForwardRuleInputSchema = z
  .object({
    id: ForwardRuleIdSchema,
    name: z.string().trim().min(1, 'a forwarding rule needs a name').max(100),
    source: ForwardSourceSchema,
    destination: ForwardDestinationSchema,
    /** In the alert rules' language, such as `affiliation = hostile and speed > 5`; null forwards every position. */
    filter: ExpressionTextSchema.nullable(),
    /** At most one position per entity per this many seconds, always keeping the last before a gap; null keeps every one. */
    decimationSeconds: z.number().int().min(1).max(MAX_DECIMATION_SECONDS).nullable(),
    /** Fields left out of what is sent. */
    dropFields: z.array(z.enum(PROJECTABLE_FIELDS)).max(PROJECTABLE_FIELDS.length),
    precedence: z.enum(PRECEDENCES),
    /** The destination's bandwidth budget in bytes a second, after compression, as the outbox sets it; null leaves the link unshaped. */
    budgetBytesPerSecond: BudgetSchema.nullable(),
  })
  .strict();
export type ForwardRuleInput = z.output<typeof ForwardRuleInputSchema>;

const epochMillis = z.number().int().nonnegative();

/** What a rule has done since it was made, and what waits for the link. */
export const ForwardStatsSchema = z.object({
  recordsSeen: z.number().int().nonnegative(),
  recordsForwarded: z.number().int().nonnegative(),
  /** Raw bytes of the records the rule looked at. */
  bytesSeen: z.number().int().nonnegative(),
  /** Bytes on the wire, compressed, of what the broker has acknowledged. */
  bytesSent: z.number().int().nonnegative(),
  /** Forwarded positions waiting in the outbox. */
  queued: z.number().int().nonnegative(),
  queuedWireBytes: z.number().int().nonnegative(),
  /** Seconds to send what is queued at the budget or the measured rate; null when neither is known. */
  drainSeconds: z.number().nonnegative().nullable(),
});
export type ForwardStats = z.output<typeof ForwardStatsSchema>;

export const ForwardRuleSchema = ForwardRuleInputSchema.extend({
  paused: z.boolean(),
  createdAt: epochMillis,
  updatedAt: epochMillis,
  stats: ForwardStatsSchema,
});
export type ForwardRule = z.output<typeof ForwardRuleSchema>;

/** The longest span a dry run reads back. */
export const MAX_DRY_RUN_HOURS = 24 * 7;

/** What a rule would have sent over the cache's last hours, had it existed: nothing is queued. */
export const ForwardDryRunSchema = z.object({
  hours: z.number().positive(),
  recordsRead: z.number().int().nonnegative(),
  recordsSeen: z.number().int().nonnegative(),
  recordsForwarded: z.number().int().nonnegative(),
  bytesSeen: z.number().int().nonnegative(),
  /** Compressed, as the budget counts it. */
  wireBytes: z.number().int().nonnegative(),
  /** A few of the positions it would send, first ones first, as they would go. */
  examples: z.array(z.string()).max(20),
});
export type ForwardDryRun = z.output<typeof ForwardDryRunSchema>;
