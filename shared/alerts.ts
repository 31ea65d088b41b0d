import { z } from 'zod';
import { RULE_KINDS, RuleIdSchema, SEVERITIES } from './rules';

/** new → acknowledged → resolved; an alert may also be resolved straight from new. */
export const ALERT_STATES = ['new', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const AlertIdSchema = z.uuid();

const epochMillis = z.number().int().nonnegative();

/** Who moved an alert on, when, and why if they said. */
export const AlertStepSchema = z.object({
  by: z.string(),
  at: epochMillis,
  note: z.string().nullable(),
});
export type AlertStep = z.infer<typeof AlertStepSchema>;

export const AlertNoteSchema = z.string().trim().max(2_000).nullable();

export const AlertSchema = z.object({
  id: AlertIdSchema,
  ruleId: RuleIdSchema,
  /** As the rule was called when it fired, so the alert still reads right after a rename or removal. */
  ruleName: z.string(),
  ruleKind: z.enum(RULE_KINDS),
  severity: z.enum(SEVERITIES),
  /** The entity's uid, or for a rate rule the subscription as "source/topic". */
  subject: z.string(),
  callsign: z.string().nullable(),
  /** When it happened: the fix's time for an entity, the window's end for a rate. */
  time: epochMillis,
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  /** One sentence saying what happened. */
  message: z.string(),
  state: z.enum(ALERT_STATES),
  raisedAt: epochMillis,
  acknowledged: AlertStepSchema.nullable(),
  resolved: AlertStepSchema.nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const AlertCountsSchema = z.object({
  new: z.number().int().nonnegative(),
  acknowledged: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  /** New critical alerts: what the badge shouts about. */
  newCritical: z.number().int().nonnegative(),
});
export type AlertCounts = z.infer<typeof AlertCountsSchema>;
