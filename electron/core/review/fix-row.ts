/**
 * One fix as `positions` holds it: numbers only, the text behind `entity`, `kind`, `label` and
 * `stream` is in the dictionaries. Also an entity's state in a keyframe.
 */
export interface FixRow {
  readonly time: number;
  readonly entity: number;
  readonly recordId: number;
  readonly kind: number;
  readonly label: number | null;
  readonly stream: number;
  readonly lat: number;
  readonly lon: number;
  readonly hae: number | null;
  readonly course: number | null;
  readonly speed: number | null;
  readonly stale: number | null;
}

/** The columns of `positions` in FixRow's order, for statements that read whole fixes. */
export const FIX_COLUMNS = 'time, entity, record_id AS recordId, kind, label, stream, lat, lon, hae, course, speed, stale';

/** Fixes are folded by this order: the later time wins, and at equal times the later record. */
export function isLaterFix(candidate: FixRow, known: FixRow): boolean {
  return candidate.time > known.time || (candidate.time === known.time && candidate.recordId > known.recordId);
}
