import { describe, expect, it } from 'vitest';
import { TrailBuffer } from '../../renderer/map/trails/trail-buffer';
import { trailFeatures } from '../../renderer/map/trails/trail-features';
import { aTrack } from '../builders/track-builder';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

const at = (uid: string, time: number, lon = 9) => aTrack({ uid, time, lon });
const timesOf = (buffer: TrailBuffer, uid: string): number[] => buffer.trails().find((trail) => trail.uid === uid)?.points.map((point) => point.time) ?? [];

describe('Given a trail buffer fed from the track store', () => {
  it('When a track reports new states, Then each new state adds one position, oldest first', () => {
    const buffer = new TrailBuffer();
    buffer.record([at('a', T0)]);
    buffer.record([at('a', T0 + SECOND, 9.1)]);
    buffer.record([at('a', T0 + 2 * SECOND, 9.2)]);
    expect(timesOf(buffer, 'a')).toEqual([T0, T0 + SECOND, T0 + 2 * SECOND]);
    expect(buffer.pointCount).toBe(3);
  });

  it('When the store is read again with no new state, Then no position is repeated', () => {
    const buffer = new TrailBuffer();
    buffer.record([at('a', T0)]);
    buffer.record([at('a', T0)]);
    expect(buffer.pointCount).toBe(1);
  });

  it('When positions grow older than the trail length, Then pruning drops them and keeps the newer ones', () => {
    const buffer = new TrailBuffer();
    for (const minutesAgo of [7, 6, 4, 1]) buffer.record([at('a', T0 - minutesAgo * MINUTE)]);
    buffer.prune(T0 - 5 * MINUTE);
    expect(timesOf(buffer, 'a')).toEqual([T0 - 4 * MINUTE, T0 - MINUTE]);
  });

  it('When all of a track’s positions are too old, Then its trail is gone', () => {
    const buffer = new TrailBuffer();
    buffer.record([at('a', T0 - 10 * MINUTE), at('b', T0)]);
    buffer.prune(T0 - 5 * MINUTE);
    expect(buffer.trails().map((trail) => trail.uid)).toEqual(['b']);
    expect(buffer.pointCount).toBe(1);
  });

  it('When a track leaves the store, Then its trail goes with it', () => {
    const buffer = new TrailBuffer();
    buffer.record([at('a', T0), at('b', T0)]);
    buffer.record([at('b', T0 + SECOND)]);
    expect(buffer.trails().map((trail) => trail.uid)).toEqual(['b']);
    expect(buffer.pointCount).toBe(2);
  });

  it('When one track reports more positions than a trail may hold, Then only its newest are kept', () => {
    const buffer = new TrailBuffer({ maxPointsPerTrack: 3, maxPointsTotal: 100 });
    for (let second = 0; second < 10; second += 1) buffer.record([at('a', T0 + second * SECOND)]);
    expect(timesOf(buffer, 'a')).toEqual([T0 + 7 * SECOND, T0 + 8 * SECOND, T0 + 9 * SECOND]);
    expect(buffer.pointCount).toBe(3);
  });

  it('When all tracks together exceed the total, Then pruning leaves each an equal share of its newest positions', () => {
    const buffer = new TrailBuffer({ maxPointsPerTrack: 100, maxPointsTotal: 6 });
    for (let second = 0; second < 5; second += 1) buffer.record([at('a', T0 + second * SECOND), at('b', T0 + second * SECOND), at('c', T0 + second * SECOND)]);
    buffer.prune(T0 - MINUTE);
    expect(buffer.pointCount).toBeLessThanOrEqual(6);
    for (const uid of ['a', 'b', 'c']) expect(timesOf(buffer, uid)).toEqual([T0 + 3 * SECOND, T0 + 4 * SECOND]);
  });
});

describe('Given trails to draw', () => {
  it('When a trail has one position, Then it has no line yet; with two or more it is a line through them, carrying what the filter reads', () => {
    const buffer = new TrailBuffer();
    buffer.record([aTrack({ uid: 'jet', time: T0, lat: 40, lon: 9, affiliation: 'hostile', dimension: 'air' }), at('lone', T0)]);
    buffer.record([aTrack({ uid: 'jet', time: T0 + SECOND, lat: 40.1, lon: 9.2, affiliation: 'hostile', dimension: 'air' }), at('lone', T0)]);
    const { features } = trailFeatures(buffer.trails());
    expect(features).toHaveLength(1);
    expect(features[0]?.geometry.coordinates).toEqual([
      [9, 40],
      [9.2, 40.1],
    ]);
    expect(features[0]?.properties).toEqual({ uid: 'jet', affiliation: 'hostile', dimension: 'air' });
  });
});
