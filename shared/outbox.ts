import { z } from 'zod';
import { ProfileIdSchema, TopicNameSchema } from './connections';

/** Drain order: every FLASH message goes before any IMMEDIATE, and so on down to ROUTINE. */
export const PRECEDENCES = ['flash', 'immediate', 'priority', 'routine'] as const;
export type Precedence = (typeof PRECEDENCES)[number];

/** How a message is written on the wire. */
export const WIRE_FORMATS = ['cot', 'json'] as const;
export type WireFormat = (typeof WIRE_FORMATS)[number];

/** What a marker placed on the map stands for. */
export const MARKER_KINDS = ['spot', 'hostile', 'neutral', 'unknown'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/**
 * queued → sending → sent, or failed with a reason for errors that will not go away.
 * A queued or failed message can be cancelled; a failed one can be queued again.
 */
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const epochMillis = z.number().int().nonnegative();

/** A SALUTE line or a SITREP's unit: short, as written on a report card. */
const REPORT_LINE_CHARACTERS = 200;
/** A SITREP paragraph: a few sentences, not an essay. */
const REPORT_PARAGRAPH_CHARACTERS = 2_000;

/** Every SALUTE line is part of the report, so none may be left blank; "unknown" says what is not known. */
const saluteLine = (line: string) =>
  z
    .string()
    .trim()
    .min(1, `the ${line} line of a SALUTE report cannot be empty; write “unknown” if it is not known`)
    .max(REPORT_LINE_CHARACTERS);

/**
 * A SALUTE spot report: what was seen, in the six lines of the usual mnemonic.
 * - `size`: how many, such as "8 personnel, 2 vehicles".
 * - `activity`: what they are doing.
 * - `lat`, `lon`: where, in decimal degrees (the form also takes MGRS).
 * - `unit`: who they are, by markings, uniform or identification.
 * - `time`: when they were seen, epoch milliseconds (UTC), which may be earlier than when the report is queued.
 * - `equipment`: what they carry or use.
 */
export const SaluteReportSchema = z
  .object({
    kind: z.literal('salute'),
    size: saluteLine('size'),
    activity: saluteLine('activity'),
    lat: latitude,
    lon: longitude,
    unit: saluteLine('unit'),
    time: epochMillis,
    equipment: saluteLine('equipment'),
  })
  .strict();

/**
 * A situation report, after a generic SITREP outline (who reports, where, the situation, what
 * has been done, what is planned next, and the state of supplies and people), compacted to what
 * fits a field form; the wording is Outpost's own.
 * - `unit`: who reports.
 * - `location`: where the reporting unit is, or null when it does not say.
 * - `situation`, `actions`: required; "none" is an answer.
 * - `plans`, `logistics`: optional, null when left out.
 */
export const SitrepSchema = z
  .object({
    kind: z.literal('sitrep'),
    unit: z.string().trim().min(1, 'a SITREP names the unit that reports').max(REPORT_LINE_CHARACTERS),
    location: z.object({ lat: latitude, lon: longitude }).strict().nullable(),
    situation: z.string().trim().min(1, 'a SITREP needs the situation').max(REPORT_PARAGRAPH_CHARACTERS),
    actions: z.string().trim().min(1, 'a SITREP needs the actions taken; write “none” if there were none').max(REPORT_PARAGRAPH_CHARACTERS),
    plans: z.string().trim().min(1).max(REPORT_PARAGRAPH_CHARACTERS).nullable(),
    logistics: z.string().trim().min(1).max(REPORT_PARAGRAPH_CHARACTERS).nullable(),
  })
  .strict();

/**
 * An alert passed on as a report: what the rule said, about whom, where and when, so the far end
 * reads it without Outpost. Carries the alert's id, so a second forward of the same alert is
 * recognisable as such.
 */
export const ForwardedAlertSchema = z
  .object({
    kind: z.literal('alert'),
    alertId: z.uuid(),
    rule: z.string().min(1).max(120),
    severity: z.enum(['critical', 'warning', 'info']),
    subject: z.string().min(1).max(200),
    callsign: z.string().max(200).nullable(),
    /** When it happened, epoch milliseconds. */
    time: epochMillis,
    location: z.object({ lat: latitude, lon: longitude }).strict().nullable(),
    message: z.string().min(1).max(2_000),
    /** What the analyst adds. */
    comment: z.string().trim().max(2_000).nullable(),
  })
  .strict();

export const OutboxContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1, 'a message needs some text').max(10_000) }).strict(),
  z
    .object({
      kind: z.literal('marker'),
      marker: z.enum(MARKER_KINDS),
      lat: latitude,
      lon: longitude,
      label: z.string().trim().min(1, 'a marker needs a label').max(200),
      remarks: z.string().max(2_000).nullable(),
    })
    .strict(),
  SaluteReportSchema,
  SitrepSchema,
  ForwardedAlertSchema,
]);
export type OutboxContent = z.infer<typeof OutboxContentSchema>;
export type SaluteReport = z.infer<typeof SaluteReportSchema>;
export type Sitrep = z.infer<typeof SitrepSchema>;
export type ForwardedAlert = z.infer<typeof ForwardedAlertSchema>;

export const OutboxDraftSchema = z
  .object({
    profileId: ProfileIdSchema,
    topic: TopicNameSchema,
    precedence: z.enum(PRECEDENCES),
    format: z.enum(WIRE_FORMATS),
    /** A marking such as UNCLASSIFIED or NATO RESTRICTED, carried with the message; null for none. */
    classification: z.string().trim().min(1).max(64).nullable(),
    content: OutboxContentSchema,
  })
  .strict();
export type OutboxDraft = z.infer<typeof OutboxDraftSchema>;

export const OutboxMessageIdSchema = z.uuid();

export const OutboxHistoryEntrySchema = z.object({
  state: z.enum(OUTBOX_STATES),
  at: epochMillis,
  /** Why, when the change has a reason worth reading: a failure, a retry, a new precedence. */
  note: z.string().nullable(),
});
export type OutboxHistoryEntry = z.infer<typeof OutboxHistoryEntrySchema>;

export const OutboxMessageSchema = OutboxDraftSchema.extend({
  id: OutboxMessageIdSchema,
  state: z.enum(OUTBOX_STATES),
  /** The sentence saying why it failed, or why the last attempt did not go; null otherwise. */
  reason: z.string().nullable(),
  /** Bytes on the wire before compression. */
  bytes: z.number().int().nonnegative(),
  /** The same bytes compressed on their own: what the message costs against a bandwidth budget, at most. */
  wireBytes: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  createdAt: epochMillis,
  updatedAt: epochMillis,
  /** Where the broker put it, once sent. */
  partition: z.number().int().nonnegative().nullable(),
  offset: z.string().nullable(),
  history: z.array(OutboxHistoryEntrySchema),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** The slowest budget worth setting: a 9.6 kbit/s radio link carries about 1,200 bytes a second. */
export const MIN_BUDGET_BYTES_PER_SECOND = 100;
export const MAX_BUDGET_BYTES_PER_SECOND = 100_000_000;

export const BudgetSchema = z
  .number()
  .int()
  .min(MIN_BUDGET_BYTES_PER_SECOND, `a budget below ${MIN_BUDGET_BYTES_PER_SECOND} bytes a second would hold a report for minutes; set at least ${MIN_BUDGET_BYTES_PER_SECOND}`)
  .max(MAX_BUDGET_BYTES_PER_SECOND);

/** Where outbound messages go, and how fast its queue can drain. */
export const DestinationStatusSchema = z.object({
  profileId: ProfileIdSchema,
  topic: TopicNameSchema,
  queued: z.number().int().nonnegative(),
  /** What the queued messages cost on the link: their size after compression, estimated per message. */
  queuedWireBytes: z.number().int().nonnegative(),
  /** Bytes a second the destination may use, charged after compression; null for no limit. */
  budgetBytesPerSecond: BudgetSchema.nullable(),
  /** Compressed bytes a second over the last sends, while there was something to send; null before any. */
  measuredBytesPerSecond: z.number().nonnegative().nullable(),
  /** Compressed bytes acknowledged by the broker since Outpost started: what the destination has cost the link. */
  sentWireBytes: z.number().int().nonnegative(),
  /** Seconds until the queue is empty at the budget or the measured rate, whichever is lower; null when neither is known. */
  drainSeconds: z.number().nonnegative().nullable(),
  /** Why the head of the queue is waiting (no broker, profile switched off), or null while it moves. */
  waiting: z.string().nullable(),
});
export type DestinationStatus = z.infer<typeof DestinationStatusSchema>;

export const OutboxCountsSchema = z.object(Object.fromEntries(OUTBOX_STATES.map((state) => [state, z.number().int().nonnegative()])) as Record<OutboxState, z.ZodNumber>);
export type OutboxCounts = z.infer<typeof OutboxCountsSchema>;

/**
 * A report time as analysts write it in UTC, to the minute: "2026-11-26 14:05Z". The compose form
 * shows and reads this form, and the CoT remarks of a report carry it.
 */
export function formatReportTime(epochMillis: number): string {
  const iso = new Date(epochMillis).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`;
}
