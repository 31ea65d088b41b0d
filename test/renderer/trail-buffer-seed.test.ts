import { describe, expect, it } from 'vitest';
import { TrailBuffer } from '../../renderer/map/trails/trail-buffer';
import { aTrack } from '../builders/track-builder';

const T = Date.UTC(2026, 10, 26, 6, 0, 0);
const seededTrail = { uid: 'raven-1', affiliation: 'hostile' as const, dimension: 'air' as const, points: [0, 1, 2].map((step) => ({ time: T + step * 1000, lat: 40 + step, lon: 9 })) };

describe('Given a trail buffer in review', () => {
  it('When it is seeded after a seek, Then it holds the fetched trail and grows from it as the replay plays', () => {
    const buffer = new TrailBuffer();
    buffer.record([aTrack({ uid: 'old-live', time: T + 99_000 })]);

    buffer.reset();
    buffer.seed([seededTrail]);
    buffer.record([aTrack({ uid: 'raven-1', affiliation: 'hostile', dimension: 'air', lat: 43, time: T + 3000 })]);

    expect(buffer.trails()).toEqual([{ ...seededTrail, points: [...seededTrail.points, { time: T + 3000, lat: 43, lon: 9.0 }] }]);
    expect(buffer.pointCount).toBe(4);
  });

  it('When a seeded trail is longer than a track may keep, Then only its newest positions are kept', () => {
    const buffer = new TrailBuffer({ maxPointsPerTrack: 2, maxPointsTotal: 100 });
    buffer.seed([seededTrail]);
    expect(buffer.trails()[0]?.points.map((point) => point.lat)).toEqual([41, 42]);
    expect(buffer.pointCount).toBe(2);
  });
});
