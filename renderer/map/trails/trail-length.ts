/** How far back trails reach, in minutes: a few fixed lengths keep the choice quick. */
export const TRAIL_MINUTE_CHOICES = ['1', '5', '15', '30'] as const;
export type TrailMinutes = (typeof TRAIL_MINUTE_CHOICES)[number];
export const DEFAULT_TRAIL_MINUTES: TrailMinutes = '5';
export const TRAIL_MINUTES_STORAGE_KEY = 'outpost.trailMinutes';

export function trailMaxAgeMs(minutes: TrailMinutes): number {
  return Number(minutes) * 60_000;
}
