import { z } from 'zod';
import { RetentionSettingsSchema } from './config';

const epochMillis = z.number().int().nonnegative();

/** How much the cache holds, per source and topic. */
export const CacheStatsSchema = z.object({
  fileBytes: z.number().int().nonnegative(),
  usedBytes: z.number().int().nonnegative(),
  streams: z.array(
    z.object({
      source: z.string(),
      topic: z.string(),
      records: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
    }),
  ),
});
export type CacheStats = z.infer<typeof CacheStatsSchema>;

/** A time window retention keeps, whatever its age or the cache's size. */
export const CachePinSchema = z.object({
  id: z.number().int().positive(),
  from: epochMillis,
  to: epochMillis,
  label: z.string(),
  createdAt: epochMillis,
});
export type CachePin = z.infer<typeof CachePinSchema>;

export const CachePinInputSchema = z
  .object({ from: epochMillis, to: epochMillis, label: z.string().trim().min(1).max(100) })
  .strict()
  .refine((pin) => pin.from < pin.to, 'the pinned window starts after it ends; swap the two times');

export { RetentionSettingsSchema };
