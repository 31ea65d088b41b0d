import { AFFILIATIONS, DIMENSIONS } from '../../../shared/cot-type';
import type { Track } from '../../../shared/domain';

/** A track as SQL returns it, column for column: from the tracks table, or a fix with its dictionaries joined. */
export interface TrackRow {
  uid: string;
  callsign: string | null;
  cot_type: string;
  affiliation: string;
  dimension: string;
  lat: number;
  lon: number;
  hae: number | null;
  course: number | null;
  speed: number | null;
  time: number;
  stale: number | null;
  source: string;
  topic: string;
}

/** A `positions` row `p` as a TrackRow, with FIX_TRACK_JOINS. */
export const FIX_TRACK_COLUMNS = `e.uid, c.callsign, t.cot_type, t.affiliation, t.dimension,
  p.lat, p.lon, p.hae, p.course, p.speed, p.time, p.stale, s.source, s.topic`;
// CROSS JOIN keeps positions the outer loop, so a read is one range of whichever index of
// positions it walks and one dictionary probe per fix, whatever the planner thinks of their sizes.
export const FIX_TRACK_JOINS = `CROSS JOIN entities AS e ON e.id = p.entity
  CROSS JOIN cot_types AS t ON t.id = p.kind
  CROSS JOIN streams AS s ON s.id = p.stream
  LEFT JOIN callsigns AS c ON c.id = p.label`;

export function trackFromRow(row: TrackRow): Track {
  return {
    uid: row.uid,
    callsign: row.callsign,
    cotType: row.cot_type,
    affiliation: oneOf(AFFILIATIONS, row.affiliation, 'unknown'),
    dimension: oneOf(DIMENSIONS, row.dimension, 'other'),
    lat: row.lat,
    lon: row.lon,
    hae: row.hae,
    course: row.course,
    speed: row.speed,
    time: row.time,
    stale: row.stale,
    source: row.source,
    topic: row.topic,
  };
}

function oneOf<T extends string>(allowed: readonly T[], value: string, fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
