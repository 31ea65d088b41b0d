import { z } from 'zod';
import { AFFILIATIONS, DIMENSIONS } from './cot-type';

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const epochMillis = z.number().int().nonnegative();

/** The latest known state of one entity, as the map and track list show it. */
export const TrackSchema = z.object({
  uid: z.string().min(1),
  callsign: z.string().nullable(),
  cotType: z.string(),
  affiliation: z.enum(AFFILIATIONS),
  dimension: z.enum(DIMENSIONS),
  lat: latitude,
  lon: longitude,
  /** Height above the WGS-84 ellipsoid, metres. */
  hae: z.number().nullable(),
  /** Degrees clockwise from true north. */
  course: z.number().nullable(),
  /** Metres per second. */
  speed: z.number().nullable(),
  time: epochMillis,
  stale: epochMillis.nullable(),
  source: z.string(),
  topic: z.string(),
});
export type Track = z.infer<typeof TrackSchema>;

export const TrackBatchSchema = z.object({
  /** Tracks whose state changed since the previous batch; only the latest state of each. */
  tracks: z.array(TrackSchema),
});
export type TrackBatch = z.infer<typeof TrackBatchSchema>;

/** One past position of a track, from a cached record. */
export const TrackHistoryPointSchema = z.object({
  time: epochMillis,
  lat: latitude,
  lon: longitude,
  hae: z.number().nullable(),
  speed: z.number().nullable(),
  course: z.number().nullable(),
});
export type TrackHistoryPoint = z.infer<typeof TrackHistoryPointSchema>;

/** The payload of a cached record as it arrived, with where it came from. */
export const RawRecordSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.number().int(),
  receivedAt: epochMillis,
  /** The payload as text when it is UTF-8 text; null when it is binary. */
  text: z.string().nullable(),
  bytesBase64: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type RawRecord = z.infer<typeof RawRecordSchema>;

export const TrackHistorySchema = z.object({
  /** Null when the cache holds no latest state for that uid. */
  track: TrackSchema.nullable(),
  /** Oldest first. */
  points: z.array(TrackHistoryPointSchema),
  /** The most recent record about the track; null when none is cached. */
  latestRaw: RawRecordSchema.nullable(),
});
export type TrackHistory = z.infer<typeof TrackHistorySchema>;

export const CONNECTION_STATES = ['connecting', 'connected', 'degraded', 'offline'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** A record that could not be decoded, kept with the reason. */
export const QuarantinedRecordSchema = z.object({
  source: z.string(),
  topic: z.string(),
  partition: z.number().int(),
  offset: z.number().int(),
  receivedAt: epochMillis,
  error: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type QuarantinedRecordSummary = z.infer<typeof QuarantinedRecordSchema>;

export const AppStatusSchema = z.object({
  version: z.string(),
  startedAt: epochMillis,
  recordCount: z.number().int().nonnegative(),
  quarantinedCount: z.number().int().nonnegative(),
  trackCount: z.number().int().nonnegative(),
  /** True while the built-in demo scenario is the feed, because no connection profile exists. */
  demo: z.boolean(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;
