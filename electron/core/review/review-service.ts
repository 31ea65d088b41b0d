import { MAX_ALERT_MARKS, MAX_TRAIL_POINTS, MAX_WINDOW_FIXES, type AlertMark, type Bounds, type ReviewFrame, type ReviewRange, type ReviewTrail, type ReviewWindow } from '../../../shared/review';
import { stalenessOf } from '../../../shared/staleness';
import type { ReviewQueries } from '../store/review-queries';
import { UserFacingError } from '../user-facing-error';
import type { FixRow } from './fix-row';
import { createFixTracks } from './fix-tracks';
import { decodeKeyframe } from './keyframe-codec';

/**
 * Past this many fixes after a keyframe, a seek stops folding and asks each entity for its latest
 * fix instead. Keyframes keep the fixes after them far below it; only while they catch up (after a
 * large import of old history) can a seek find more.
 */
export const SEEK_FIX_LIMIT = 100_000;
/** All trails of one answer together carry at most this many points, as the live map's trails do. */
export const MAX_TRAIL_POINTS_IN_ALL = 200_000;
const MINUTE_MS = 60_000;

export interface ReviewService {
  range(): ReviewRange;
  frame(at: number): ReviewFrame;
  window(from: number, to: number, limit?: number): ReviewWindow;
  trails(at: number, minutes: number, bounds: Bounds, maxPointsPerTrail?: number): ReviewTrail[];
  alertMarks(from: number, to: number, limit?: number): AlertMark[];
}

export function createReviewService(queries: ReviewQueries, options: { readonly seekFixLimit?: number } = {}): ReviewService {
  const seekFixLimit = options.seekFixLimit ?? SEEK_FIX_LIMIT;
  const fixTracks = createFixTracks(queries);

  /** Every entity's latest fix at or before `at` that is not hidden then, and how many rows that took. */
  const seek = (at: number): { shown: FixRow[]; rowsRead: number } => {
    const latest = new Map<number, FixRow>();
    let rowsRead = 0;
    const keyframe = queries.keyframeAtOrBefore(at);
    if (keyframe !== null) {
      for (const state of decodeKeyframe(keyframe.states)) latest.set(state.entity, state);
      rowsRead += latest.size;
    }
    const fixes = queries.fixesBetween(keyframe?.time ?? Number.MIN_SAFE_INTEGER, at, seekFixLimit + 1);
    rowsRead += fixes.length;
    if (fixes.length <= seekFixLimit) {
      for (const fix of fixes) latest.set(fix.entity, fix);
    } else {
      latest.clear();
      for (const entity of queries.entityIds()) {
        const fix = queries.latestFixOf(entity, at);
        rowsRead += 1;
        if (fix !== null) latest.set(entity, fix);
      }
    }
    const shown: FixRow[] = [];
    for (const fix of latest.values()) if (stalenessOf(fix, at) !== 'hidden') shown.push(fix);
    return { shown, rowsRead };
  };

  return {
    range: () => queries.reviewRange(),
    frame(at) {
      const { shown, rowsRead } = seek(at);
      return { at, tracks: shown.map(fixTracks.trackOf), rowsRead };
    },
    window(from, to, limit = MAX_WINDOW_FIXES) {
      if (to < from) throw new UserFacingError('The replay window ends before it starts. Ask for a window whose end is after its start.');
      const fixes = queries.fixesBetween(from, to, limit + 1);
      const truncated = fixes.length > limit;
      return { fixes: (truncated ? fixes.slice(0, limit) : fixes).map(fixTracks.trackOf), truncated };
    },
    trails(at, minutes, bounds, maxPointsPerTrail = MAX_TRAIL_POINTS) {
      const inView = seek(at).shown.filter((fix) => isWithin(bounds, fix.lat, fix.lon));
      const perTrail = Math.max(2, Math.min(maxPointsPerTrail, Math.floor(MAX_TRAIL_POINTS_IN_ALL / Math.max(1, inView.length))));
      return inView.map((fix) => ({
        uid: fixTracks.uidOf(fix.entity),
        points: queries
          .trailOf(fix.entity, at - minutes * MINUTE_MS, at, perTrail)
          .reverse()
          .map((point): [number, number, number] => [point.lon, point.lat, point.time]),
      }));
    },
    alertMarks(from, to, limit = MAX_ALERT_MARKS) {
      if (to < from) throw new UserFacingError('The timeline span ends before it starts. Ask for a span whose end is after its start.');
      return queries.alertMarks(from, to, limit);
    },
  };
}

/** West greater than east means the view crosses the antimeridian. */
function isWithin(bounds: Bounds, lat: number, lon: number): boolean {
  if (lat < bounds.south || lat > bounds.north) return false;
  return bounds.west <= bounds.east ? lon >= bounds.west && lon <= bounds.east : lon >= bounds.west || lon <= bounds.east;
}
