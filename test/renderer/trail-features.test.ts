import { describe, expect, it } from 'vitest';
import type { Trail, TrailPoint } from '../../renderer/map/trails/trail-buffer';
import { trailFeatures, type TrailView } from '../../renderer/map/trails/trail-features';

/** A trail heading due north from 40° N 9° E, one position every `stepDegrees` of latitude. */
function northboundTrail(uid: string, positions: number, stepDegrees: number, startLon = 9): Trail {
  const points: TrailPoint[] = Array.from({ length: positions }, (_, index) => ({ time: index * 1000, lat: 40 + index * stepDegrees, lon: startLon }));
  return { uid, affiliation: 'friend', dimension: 'ground', points };
}

const sardinia: TrailView['bounds'] = { west: 7, south: 38, east: 11, north: 42 };

describe('Given trails to draw', () => {
  it('When no view is given, Then every trail of two or more positions is drawn whole', () => {
    const features = trailFeatures([northboundTrail('a', 5, 0.001), northboundTrail('b', 1, 0.001)]).features;
    expect(features.map((feature) => feature.properties.uid)).toEqual(['a']);
    expect(features[0]?.geometry.coordinates).toHaveLength(5);
  });

  it('When a track is outside the view, Then its trail is left out', () => {
    const features = trailFeatures([northboundTrail('inside', 3, 0.001), northboundTrail('far east', 3, 0.001, 20)], { bounds: sardinia, minStepMetres: 0 }).features;
    expect(features.map((feature) => feature.properties.uid)).toEqual(['inside']);
  });

  it('When positions are closer than a screen step, Then they merge, keeping the first and the latest', () => {
    // 0.0001° of latitude is about 11 m: with a 50 m step, every fifth position or so is kept.
    const trail = northboundTrail('slow', 101, 0.0001);
    const [feature] = trailFeatures([trail], { bounds: sardinia, minStepMetres: 50 }).features;
    const coordinates = feature?.geometry.coordinates ?? [];
    expect(coordinates.length).toBeGreaterThan(15);
    expect(coordinates.length).toBeLessThan(25);
    expect(coordinates[0]).toEqual([9, 40]);
    expect(coordinates.at(-1)).toEqual([9, 40 + 100 * 0.0001]);
  });
});
