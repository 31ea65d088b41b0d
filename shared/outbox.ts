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
]);
export type OutboxContent = z.infer<typeof OutboxContentSchema>;

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
  attempts: z.number().int().nonnegative(),
  createdAt: epochMillis,
  updatedAt: epochMillis,
  /** Where the broker put it, once sent. */
  partition: z.number().int().nonnegative().nullable(),
  offset: z.string().nullable(),
  history: z.array(OutboxHistoryEntrySchema),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxCountsSchema = z.object(Object.fromEntries(OUTBOX_STATES.map((state) => [state, z.number().int().nonnegative()])) as Record<OutboxState, z.ZodNumber>);
export type OutboxCounts = z.infer<typeof OutboxCountsSchema>;
