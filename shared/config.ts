import { z } from 'zod';

/** Formats the ingest path can decode. Later formats join this list. */
export const RECORD_FORMATS = ['cot'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

const brokerAddress = z
  .string()
  .regex(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, 'a broker address looks like host:port, for example localhost:9092');

export const KafkaSourceSchema = z
  .object({
    brokers: z.array(brokerAddress).min(1, 'name at least one broker'),
    clientId: z.string().min(1).default('outpost'),
    groupId: z.string().min(1).optional(),
    subscriptions: z
      .array(
        z
          .object({
            topic: z.string().min(1).max(249),
            format: z.enum(RECORD_FORMATS).default('cot'),
          })
          .strict(),
      )
      .min(1, 'subscribe to at least one topic'),
  })
  .strict();
export type KafkaSource = z.infer<typeof KafkaSourceSchema>;

export const DemoSourceSchema = z
  .object({
    units: z.number().int().min(1).max(20_000).default(200),
    /** Position reports per unit per second. */
    rateHz: z.number().positive().max(10).default(1),
    seed: z.number().int().default(1),
  })
  .strict();
export type DemoSource = z.infer<typeof DemoSourceSchema>;

/** With no Kafka source configured, Outpost runs the built-in demo scenario. */
export const OutpostConfigSchema = z
  .object({
    kafka: KafkaSourceSchema.optional(),
    demo: DemoSourceSchema.default({ units: 200, rateHz: 1, seed: 1 }),
  })
  .strict();
export type OutpostConfig = z.infer<typeof OutpostConfigSchema>;
export type OutpostConfigInput = z.input<typeof OutpostConfigSchema>;
