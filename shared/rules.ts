import { z } from 'zod';
import { DIMENSIONS } from './cot-type';
import { ExpressionTextSchema } from './expression';

/** How loud an alert is: a critical one raises a desktop notification. */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_KINDS = ['geofence', 'expression', 'stale', 'kinematic', 'proximity', 'rate', 'first-sighting'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const GEOFENCE_TRIGGERS = ['enter', 'exit', 'dwell'] as const;
export type GeofenceTrigger = (typeof GEOFENCE_TRIGGERS)[number];

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const seconds = (what: string, max: number) =>
  z
    .number()
    .int(`${what} is a whole number of seconds`)
    .min(1, `${what} is at least 1 second`)
    .max(max, `${what} is at most ${max.toLocaleString('en-US')} seconds`);

/** A lowercase slug the analyst can read in logs and exports, unique among rules. */
export const RuleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a rule id is 1–64 lowercase letters, digits or dashes, starting with a letter or digit');

/** A polygon's outer ring as GeoJSON writes it, [longitude, latitude] pairs; closing it again is optional. */
const RingSchema = z
  .array(z.tuple([longitude, latitude]))
  .min(3, 'a polygon needs at least three corners')
  .max(10_000, 'a polygon may have at most 10,000 corners');

export const GeofenceAreaSchema = z.discriminatedUnion('shape', [
  z.object({ shape: z.literal('circle'), lat: latitude, lon: longitude, radiusMetres: z.number().positive().max(20_000_000) }).strict(),
  z.object({ shape: z.literal('polygon'), ring: RingSchema }).strict(),
]);
export type GeofenceArea = z.infer<typeof GeofenceAreaSchema>;

/** Metres a second above which a fix implies a speed no platform of that dimension reaches. */
export const MaxSpeedsSchema = z.object(
  Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, z.number().positive().max(1_000_000)])) as Record<(typeof DIMENSIONS)[number], z.ZodNumber>,
);
export type MaxSpeeds = z.infer<typeof MaxSpeedsSchema>;

/**
 * Defaults, with margin over the fastest common platform of each dimension: a road vehicle
 * 70 m/s (252 km/h), a jet 700 m/s (about Mach 2), a fast boat 40 m/s (78 kn), a submarine 20 m/s
 * (39 kn), orbital 8,000 m/s.
 */
export const DEFAULT_MAX_SPEEDS: MaxSpeeds = { ground: 70, air: 700, 'sea-surface': 40, subsurface: 20, space: 8_000, other: 700 };

const ruleDefinitions = [
  z
    .object({
      kind: z.literal('geofence'),
      area: GeofenceAreaSchema,
      trigger: z.enum(GEOFENCE_TRIGGERS),
      /** For dwell: how long an entity stays inside before it counts. */
      dwellSeconds: seconds('the dwell time', 7 * 24 * 3600).nullable(),
    })
    .strict(),
  z.object({ kind: z.literal('expression'), expression: ExpressionTextSchema }).strict(),
  z
    .object({
      kind: z.literal('stale'),
      /** No update for this long; null to rely on the stale time alone. */
      silentSeconds: seconds('the silence', 7 * 24 * 3600).nullable(),
      /** Also when the track passes the stale time its own CoT event gave. */
      pastStaleTime: z.boolean(),
    })
    .strict(),
  z.object({ kind: z.literal('kinematic'), maxSpeeds: MaxSpeedsSchema }).strict(),
  z
    .object({
      kind: z.literal('proximity'),
      /** The other side: entities this rule's filter must not come near. */
      near: ExpressionTextSchema,
      distanceMetres: z.number().positive().max(1_000_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('rate'),
      /** One window's length: the message count per window is what the baseline follows. */
      windowSeconds: seconds('the window', 3600),
      /** How many standard deviations from the baseline count as an anomaly. */
      sigma: z.number().min(1).max(10),
      /** Windows to learn from before judging any. */
      warmupWindows: z.number().int().min(3).max(1_000),
    })
    .strict(),
  z.object({ kind: z.literal('first-sighting') }).strict(),
] as const;

export const RuleDefinitionSchema = z.discriminatedUnion('kind', ruleDefinitions);
export type RuleDefinition = z.infer<typeof RuleDefinitionSchema>;

export const RuleInputSchema = z
  .object({
    id: RuleIdSchema,
    name: z.string().trim().min(1, 'a rule needs a name').max(120),
    severity: z.enum(SEVERITIES),
    enabled: z.boolean(),
    /** Which entities the rule watches; null for every one. Rate rules watch subscriptions and take none. */
    filter: ExpressionTextSchema.nullable(),
    definition: RuleDefinitionSchema,
  })
  .strict()
  .superRefine((rule, context) => {
    const { definition } = rule;
    if (definition.kind === 'geofence' && (definition.trigger === 'dwell') !== (definition.dwellSeconds !== null)) {
      context.addIssue({ code: 'custom', path: ['definition', 'dwellSeconds'], message: 'a dwell time goes with the dwell trigger, and only with it' });
    }
    if (definition.kind === 'stale' && definition.silentSeconds === null && !definition.pastStaleTime) {
      context.addIssue({ code: 'custom', path: ['definition'], message: 'a stale rule needs a silence, the stale time, or both' });
    }
    if (definition.kind === 'rate' && rule.filter !== null) {
      context.addIssue({ code: 'custom', path: ['filter'], message: 'a rate rule watches whole subscriptions, so it takes no entity filter' });
    }
  });
export type RuleInput = z.infer<typeof RuleInputSchema>;

export const RuleSchema = RuleInputSchema.safeExtend({
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type Rule = z.infer<typeof RuleSchema>;

/** Hours of cache a rule can be tried against: a day's window covers most shifts, a week the longest look back. */
export const MAX_TEST_HOURS = 168;

/** What a rule would have raised over the cached records, had it been on. */
export const RuleTestResultSchema = z.object({
  hours: z.number().int().min(1).max(MAX_TEST_HOURS),
  /** Records replayed: every cached record of the window, or the newest ones when there were more than the test reads. */
  recordsRead: z.number().int().nonnegative(),
  /** True when the window held more records than the test reads, so it covers only the newest part. */
  truncated: z.boolean(),
  /** Times its condition began to hold for a subject: the alerts it would have raised had each been resolved before the next. */
  fired: z.number().int().nonnegative(),
  subjects: z.number().int().nonnegative(),
  firstAt: z.number().int().nonnegative().nullable(),
  lastAt: z.number().int().nonnegative().nullable(),
  /** The first few, to show what they would have said. */
  examples: z.array(z.object({ subject: z.string(), callsign: z.string().nullable(), time: z.number().int().nonnegative(), message: z.string() })),
});
export type RuleTestResult = z.infer<typeof RuleTestResultSchema>;
