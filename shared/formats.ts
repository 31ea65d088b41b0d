import { z } from 'zod';

/**
 * Formats a subscription's records may be read as. `auto` looks at each record's first bytes and
 * picks one of the others, record by record.
 */
export const RECORD_FORMATS = ['auto', 'cot', 'tak-protobuf', 'geojson', 'json', 'ais', 'text'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

const fieldPath = z
  .string()
  .max(200)
  .regex(/^[^.]+(\.[^.]+)*$/, 'a field path is one or more names joined by dots, such as position.lat');

/**
 * Where the `json` format finds each value in a record, as dotted paths such as `position.lat`.
 * A field left out is looked up under its own name (`lat`, `lon`, …).
 */
export const JsonFieldMappingSchema = z
  .object({
    id: fieldPath.optional(),
    lat: fieldPath.optional(),
    lon: fieldPath.optional(),
    /** Height above the WGS-84 ellipsoid, metres. */
    alt: fieldPath.optional(),
    /** ISO 8601 with a zone, epoch milliseconds, or epoch seconds. */
    time: fieldPath.optional(),
    /** A Cursor-on-Target type such as `a-f-G`. */
    type: fieldPath.optional(),
    /** Degrees clockwise from true north. */
    course: fieldPath.optional(),
    /** Metres per second. */
    speed: fieldPath.optional(),
    callsign: fieldPath.optional(),
  })
  .strict();
export type JsonFieldMapping = z.infer<typeof JsonFieldMappingSchema>;
