import type { ExpressionSubject } from '../../../shared/expression';

/** The moment every test evaluates at, unless it passes another. */
export const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

/** A hostile fast jet seen 30 s ago, going stale in a minute; override what a test is about. */
export function aSubject(overrides: Partial<ExpressionSubject> = {}): ExpressionSubject {
  return {
    uid: 'track-7',
    callsign: 'VIPER 21',
    cotType: 'a-h-A-M-F',
    affiliation: 'hostile',
    dimension: 'air',
    lat: 40.5,
    lon: 9.25,
    hae: 3_000,
    course: 270,
    speed: 260,
    time: NOW - 30_000,
    stale: NOW + 60_000,
    source: 'kafka-north',
    topic: 'cot.air',
    ...overrides,
  };
}
