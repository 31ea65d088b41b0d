import { z } from 'zod';
import {
  ProfileIdSchema,
  ProfileInputSchema,
  SaslSettingsInputSchema,
  SubscriptionFieldsSchema,
  TlsSettingsInputSchema,
  TopicNameSchema,
} from './connections';
import { RoleSchema } from './roles';

/**
 * A profile in a config file. Secrets have no place in a file on disk, so a
 * password or private key is refused here and entered in the app instead,
 * where it is sealed by the host.
 */
export const ConfigProfileSchema = ProfileInputSchema.extend({
  tls: TlsSettingsInputSchema.omit({ key: true }).optional(),
  sasl: SaslSettingsInputSchema.omit({ password: true }).optional(),
  subscriptions: z.array(SubscriptionFieldsSchema).default([]),
});

export const IngestSettingsSchema = z
  .object({
    /** A write transaction commits when it holds this many records… */
    batchMaxRecords: z.number().int().min(1).max(100_000).default(5_000),
    /** …or when its first record has waited this long, whichever comes first. */
    batchMaxDelayMs: z.number().int().min(1).max(10_000).default(100),
    maxRecordBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    /** Upper bound on what one fetch may bring per partition, which bounds memory while catching up. */
    fetchMaxBytesPerPartition: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  })
  .strict();
export type IngestSettings = z.output<typeof IngestSettingsSchema>;

export const RetentionSettingsSchema = z
  .object({
    maxAgeHours: z.number().positive().max(24 * 365 * 10).default(24 * 7),
    maxBytes: z.number().int().min(16 * 1024 * 1024).default(4 * 1024 * 1024 * 1024),
  })
  .strict();
export type RetentionSettings = z.output<typeof RetentionSettingsSchema>;

export const DemoSourceSchema = z
  .object({
    units: z.number().int().min(1).max(50_000).default(200),
    /** Position reports per unit per second. */
    rateHz: z.number().positive().max(10).default(1),
    seed: z.number().int().default(1),
  })
  .strict();
export type DemoSource = z.output<typeof DemoSourceSchema>;

/**
 * The marking the site works at: it heads every exported file and its name, tops and tails every
 * view, and goes with every outbound message the analyst does not mark otherwise.
 */
export const ClassificationSettingsSchema = z
  .object({ marking: z.string().trim().min(1).max(64).default('UNCLASSIFIED') })
  .strict();

/**
 * The notice users must acknowledge before Outpost is usable, such as a government information
 * system's consent banner. None by default: which notice applies, if any, depends on the site and
 * its country, so Outpost does not supply one.
 */
export const ConsentSettingsSchema = z
  .object({ text: z.string().trim().min(1).max(8_000).nullable().default(null) })
  .strict();

/**
 * The session's guards. The role is the one a new cache starts with; after that it changes only
 * in Outpost, with the passphrase, so editing this file cannot raise it.
 */
export const SecuritySettingsSchema = z
  .object({
    role: RoleSchema.default('admin'),
    /** Without keyboard or pointer use for this long, Outpost locks and asks for the passphrase. */
    idleLockMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** This many wrong passphrases in a row… */
    lockoutAfterFailures: z.number().int().min(1).max(20).default(3),
    /** …refuse every unlock for this long. */
    lockoutMinutes: z.number().int().min(1).max(24 * 60).default(5),
  })
  .strict();
export type SecuritySettings = z.output<typeof SecuritySettingsSchema>;

/**
 * Audit events can leave the machine as outbound messages, so a copy survives anyone who later
 * edits the cache with its key. They queue in the outbox like the analyst's own messages.
 */
export const AuditSettingsSchema = z
  .object({
    forwardTo: z
      .object({ profileId: ProfileIdSchema, topic: TopicNameSchema })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type AuditSettings = z.output<typeof AuditSettingsSchema>;

/** An administrator may forbid exporting from the cache. */
export const ExportSettingsSchema = z.object({ enabled: z.boolean().default(true) }).strict();

/** With no connection profile configured or saved, Outpost runs the built-in demo scenario. */
export const OutpostConfigSchema = z
  .object({
    profiles: z.array(ConfigProfileSchema).default([]),
    demo: DemoSourceSchema.default(DemoSourceSchema.parse({})),
    ingest: IngestSettingsSchema.default(IngestSettingsSchema.parse({})),
    retention: RetentionSettingsSchema.default(RetentionSettingsSchema.parse({})),
    classification: ClassificationSettingsSchema.default(ClassificationSettingsSchema.parse({})),
    consent: ConsentSettingsSchema.default(ConsentSettingsSchema.parse({})),
    security: SecuritySettingsSchema.default(SecuritySettingsSchema.parse({})),
    export: ExportSettingsSchema.default(ExportSettingsSchema.parse({})),
    audit: AuditSettingsSchema.default(AuditSettingsSchema.parse({})),
  })
  .strict();
export type OutpostConfig = z.output<typeof OutpostConfigSchema>;
export type OutpostConfigInput = z.input<typeof OutpostConfigSchema>;
export type ConfigProfile = z.output<typeof ConfigProfileSchema>;
