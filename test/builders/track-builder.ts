import type { Track } from '../../shared/domain';

export function aTrack(overrides: Partial<Track> = {}): Track {
  return {
    uid: 'track-1',
    callsign: 'ALPHA 1',
    cotType: 'a-f-G-U-C-I',
    affiliation: 'friend',
    dimension: 'ground',
    lat: 40.1,
    lon: 9.0,
    hae: null,
    course: 90,
    speed: 5,
    time: Date.UTC(2026, 10, 26, 12, 0, 0),
    stale: null,
    source: 'demo',
    topic: 'demo.cot',
    ...overrides,
  };
}
