import type { LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceMetres } from '../../shared/geo';
import { greatCirclePath, measurementFeatures } from '../../renderer/map/tools/measurement-features';

describe('Given a measurement to draw', () => {
  it('When nothing is placed yet, Then nothing is drawn, even with the pointer on the map', () => {
    expect(measurementFeatures([], { lat: 40, lon: 9 }).features).toEqual([]);
  });

  it('When one point is placed and the pointer is on the map, Then a vertex and the pending leg to the pointer are drawn', () => {
    const features = measurementFeatures([{ lat: 40, lon: 9 }], { lat: 40.01, lon: 9 }).features;
    expect(features.map((feature) => feature.properties.kind)).toEqual(['preview', 'vertex']);
    expect((features[1]?.geometry as Point).coordinates).toEqual([9, 40]);
  });

  it('When several points are placed and the pointer is off the map, Then one path through them and a vertex each are drawn', () => {
    const points = [
      { lat: 40, lon: 9 },
      { lat: 40.01, lon: 9 },
      { lat: 40.01, lon: 9.01 },
    ];
    const features = measurementFeatures(points, null).features;
    expect(features.map((feature) => feature.properties.kind)).toEqual(['path', 'vertex', 'vertex', 'vertex']);
    expect((features[0]?.geometry as LineString).coordinates).toEqual([
      [9, 40],
      [9, 40.01],
      [9.01, 40.01],
    ]);
  });

  it('When a leg is long, Then it is drawn through points on its great circle, no more than 25 km apart', () => {
    const from = { lat: 40, lon: 0 };
    const to = { lat: 40, lon: 20 };
    const path = greatCirclePath([from, to]);
    expect(path[0]).toEqual(from);
    expect(path.at(-1)).toEqual(to);
    for (let i = 1; i < path.length; i += 1) {
      const a = path[i - 1];
      const b = path[i];
      if (a !== undefined && b !== undefined) expect(distanceMetres(a, b)).toBeLessThanOrEqual(25_000);
    }
    // The great circle bulges towards the pole, highest halfway, at atan(tan 40° / cos 10°) = 40.43°.
    const vertexLatitude = (Math.atan(Math.tan((40 * Math.PI) / 180) / Math.cos((10 * Math.PI) / 180)) * 180) / Math.PI;
    expect(Math.max(...path.map((point) => point.lat))).toBeCloseTo(vertexLatitude, 3);
  });

  it('When a leg crosses the antimeridian, Then its drawn longitudes run on past 180° instead of jumping back', () => {
    const path = greatCirclePath([
      { lat: 0, lon: 170 },
      { lat: 0, lon: 190 },
    ]);
    const longitudes = path.map((point) => point.lon);
    expect(longitudes).toEqual([...longitudes].sort((a, b) => a - b));
    expect(longitudes.at(-1)).toBe(190);
  });
});
