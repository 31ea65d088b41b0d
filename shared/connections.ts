import { z } from 'zod';
import { CONNECTION_STATES } from './domain';
import { JsonFieldMappingSchema, RECORD_FORMATS } from './formats';

const brokerAddress = z
  .string()
  .regex(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, 'a broker address looks like host:port, for example localhost:9092');

export const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const ProfileIdSchema = z.string().regex(PROFILE_ID, 'a profile id is 1–40 lowercase letters, digits or dashes');

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/** PEM text pasted or loaded by the analyst; the private key travels only inward, never back out. */
const pem = z.string().max(64 * 1024).includes('-----BEGIN', { message: 'expected PEM text starting with -----BEGIN' });

export const TlsSettingsInputSchema = z
  .object({
    ca: pem.optional(),
    cert: pem.optional(),
    key: pem.optional(),
    servername: z.string().max(253).optional(),
  })
  .strict();

export const SaslSettingsInputSchema = z
  .object({
    mechanism: z.enum(SASL_MECHANISMS),
    username: z.string().min(1).max(256),
    /** Omitted on edit to keep the stored password. */
    password: z.string().min(1).max(1024).optional(),
  })
  .strict();

export const ProfileInputSchema = z
  .object({
    id: ProfileIdSchema,
    name: z.string().min(1).max(80),
    brokers: z.array(brokerAddress).min(1, 'name at least one broker').max(16),
    clientId: z.string().min(1).max(100).default('outpost'),
    /** Omitted: one consumer group per installation. */
    groupId: z.string().min(1).max(200).optional(),
    tls: TlsSettingsInputSchema.optional(),
    sasl: SaslSettingsInputSchema.optional(),
    enabled: z.boolean().default(true),
  })
  .strict();
export type ProfileInput = z.input<typeof ProfileInputSchema>;
export type ParsedProfileInput = z.output<typeof ProfileInputSchema>;

/** A profile as the renderer sees it: secrets are reported as present or absent, never returned. */
export const ProfileSchema = z.object({
  id: ProfileIdSchema,
  name: z.string(),
  brokers: z.array(z.string()),
  clientId: z.string(),
  groupId: z.string().nullable(),
  tls: z
    .object({ ca: z.string().nullable(), cert: z.string().nullable(), hasKey: z.boolean(), servername: z.string().nullable() })
    .nullable(),
  sasl: z.object({ mechanism: z.enum(SASL_MECHANISMS), username: z.string(), hasPassword: z.boolean() }).nullable(),
  enabled: z.boolean(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const TopicNameSchema = z.string().min(1).max(249).regex(/^[A-Za-z0-9._-]+$/, 'a topic name uses letters, digits, ".", "_" and "-"');

/** What a subscription says, wherever it comes from: the app or a config file. */
export const SubscriptionFieldsSchema = z
  .object({
    topic: TopicNameSchema.optional(),
    /** A regular expression matched against whole topic names. */
    pattern: z
      .string()
      .min(1)
      .max(200)
      .refine((source) => isValidRegex(source), 'the pattern is not a valid regular expression')
      .optional(),
    format: z.enum(RECORD_FORMATS).default('auto'),
    mapping: JsonFieldMappingSchema.optional(),
  })
  .strict()
  .refine((s) => (s.topic === undefined) !== (s.pattern === undefined), 'give either a topic or a pattern, not both');

export const SubscriptionInputSchema = z
  .object({ profileId: ProfileIdSchema, subscription: SubscriptionFieldsSchema })
  .strict();
export type SubscriptionInput = z.input<typeof SubscriptionInputSchema>;

export const SubscriptionSchema = z.object({
  id: z.number().int(),
  profileId: z.string(),
  topic: z.string().nullable(),
  pattern: z.string().nullable(),
  format: z.enum(RECORD_FORMATS),
  mapping: JsonFieldMappingSchema.nullable(),
  received: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const PartitionLagSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  /** The next offset Outpost will store. */
  nextOffset: z.number().int(),
  /** The broker's high watermark when last asked. */
  endOffset: z.number().int(),
  lag: z.number().int().nonnegative(),
});
export type PartitionLag = z.infer<typeof PartitionLagSchema>;

export const ProfileStatusSchema = z.object({
  profileId: z.string(),
  name: z.string(),
  state: z.enum(CONNECTION_STATES),
  reason: z.string().nullable(),
  since: z.number().int(),
  partitions: z.array(PartitionLagSchema),
  /** While catching up: how far along the backlog seen when catching up began. */
  catchUp: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  /** Records per second over the last few seconds. */
  rate: z.number().nonnegative(),
});
export type ProfileStatus = z.infer<typeof ProfileStatusSchema>;

export const TEST_FAILURE_STAGES = ['unreachable', 'tls', 'authentication', 'authorisation', 'other'] as const;
export const ConnectionTestResultSchema = z.object({
  ok: z.boolean(),
  stage: z.enum(TEST_FAILURE_STAGES).nullable(),
  /** One sentence: what worked, or what failed and why. */
  message: z.string(),
  topics: z.array(z.string()),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResultSchema>;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
