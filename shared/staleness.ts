import type { Track } from './domain';

/**
 * How current a track's last report is. A `stale` track is still drawn, dimmed, so the analyst
 * sees where it was last; a `hidden` one is off the map but stays in the track list. Shared, so
 * the map and review's frames hide a track at the same moment.
 */
export type Staleness = 'fresh' | 'stale' | 'hidden';

export interface StalenessPolicy {
  /** When a report carries no stale time of its own, it goes stale this long after its time. */
  readonly staleAfterMs: number;
  /** How long a stale track stays on the map before it is hidden. */
  readonly hideAfterStaleMs: number;
}

export const DEFAULT_STALENESS_POLICY: StalenessPolicy = {
  staleAfterMs: 60_000,
  hideAfterStaleMs: 5 * 60_000,
};

/** The track is fresh before its stale time, stale from then until the hide age, hidden after. */
export function stalenessOf(track: Pick<Track, 'time' | 'stale'>, now: number, policy: StalenessPolicy = DEFAULT_STALENESS_POLICY): Staleness {
  const staleAt = track.stale ?? track.time + policy.staleAfterMs;
  if (now < staleAt) return 'fresh';
  if (now < staleAt + policy.hideAfterStaleMs) return 'stale';
  return 'hidden';
}

