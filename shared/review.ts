import { z } from 'zod';
import { SEVERITIES } from './rules';
import { TrackSchema } from './domain';

const epochMillis = z.number().int().nonnegative();

/** The speeds replay plays at, times real time. */
export const REPLAY_SPEEDS = [1, 2, 5, 10, 30, 60] as const;
/** The most fixes one `review.window` answer carries; a busier window says it was cut short. */
export const MAX_WINDOW_FIXES = 50_000;
export const MAX_TRAIL_MINUTES = 30;
export const MAX_TRAIL_POINTS = 600;
export const MAX_ALERT_MARKS = 2_000;

/** What the cache holds for review: the first and last fix times, or null when it holds none. */
export const ReviewRangeSchema = z
  .object({
    from: epochMillis,
    to: epochMillis,
    fixes: z.number().int().nonnegative(),
    entities: z.number().int().nonnegative(),
  })
  .nullable();
export type ReviewRange = z.infer<typeof ReviewRangeSchema>;

/**
 * Every entity not yet hidden at time `at`, in its state as of `at`. `rowsRead` says how many rows
 * the seek read: a keyframe and the fixes after it, bounded whatever the cache's size.
 */
export const ReviewFrameSchema = z.object({
  at: epochMillis,
  tracks: z.array(TrackSchema),
  rowsRead: z.number().int().nonnegative(),
});
export type ReviewFrame = z.infer<typeof ReviewFrameSchema>;

/** The fixes in (from, to], oldest first, for playing forward from a frame. */
export const ReviewWindowSchema = z.object({
  fixes: z.array(TrackSchema),
  /** True when the window held more than the limit, and `fixes` stops short of `to`. */
  truncated: z.boolean(),
});
export type ReviewWindow = z.infer<typeof ReviewWindowSchema>;

/** Where an entity was before time `at`, oldest first: [lon, lat, time]. */
export const ReviewTrailSchema = z.object({
  uid: z.string().min(1),
  points: z.array(z.tuple([z.number(), z.number(), epochMillis])),
});
export type ReviewTrail = z.infer<typeof ReviewTrailSchema>;

export const BoundsSchema = z
  .object({
    west: z.number().min(-180).max(180),
    south: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
  })
  .strict()
  .refine((bounds) => bounds.south <= bounds.north, 'the south edge must not be north of the north edge');
export type Bounds = z.infer<typeof BoundsSchema>;

/** An alert as a mark on the replay timeline. */
export const AlertMarkSchema = z.object({
  id: z.string(),
  time: epochMillis,
  severity: z.enum(SEVERITIES),
  subject: z.string(),
  callsign: z.string().nullable(),
  ruleName: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type AlertMark = z.infer<typeof AlertMarkSchema>;
