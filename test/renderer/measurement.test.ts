import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METRES } from '../../shared/geo';
import { measureLeg, measurePath } from '../../renderer/map/tools/measurement';

/** One degree of arc on the sphere shared/geo measures on: 111.195 km. */
const ONE_DEGREE_METRES = (EARTH_RADIUS_METRES * Math.PI) / 180;

describe('Given points clicked on the map', () => {
  it('When there are fewer than two, Then there is no leg and nothing to total', () => {
    expect(measurePath([])).toEqual({ legs: [], totalMetres: 0 });
    expect(measurePath([{ lat: 40, lon: 9 }])).toEqual({ legs: [], totalMetres: 0 });
  });

  it('When two lie one degree apart on a meridian, Then the leg is one degree of arc long, heading north', () => {
    const leg = measureLeg({ lat: 41, lon: 12.5 }, { lat: 42, lon: 12.5 });
    expect(leg.metres).toBeCloseTo(ONE_DEGREE_METRES, 3);
    expect(leg.bearing).toBeCloseTo(0, 9);
  });

  it('When a leg runs east along a parallel, Then its initial bearing leans north of east, as a great circle does', () => {
    const leg = measureLeg({ lat: 40, lon: 9 }, { lat: 40, lon: 10 });
    expect(leg.bearing).toBeGreaterThan(89);
    expect(leg.bearing).toBeLessThan(90);
  });

  it('When there are several, Then each consecutive pair is a leg and the total is their sum', () => {
    const points = [
      { lat: 0, lon: 0 },
      { lat: 1, lon: 0 },
      { lat: 1, lon: 0 },
      { lat: 0, lon: 0 },
    ];
    const { legs, totalMetres } = measurePath(points);
    expect(legs.map((leg) => leg.metres)).toEqual([expect.closeTo(ONE_DEGREE_METRES, 3), 0, expect.closeTo(ONE_DEGREE_METRES, 3)]);
    expect(legs[2]?.bearing).toBeCloseTo(180, 9);
    expect(totalMetres).toBeCloseTo(2 * ONE_DEGREE_METRES, 3);
  });

  it('When a leg crosses the antimeridian, Then it is measured the short way round', () => {
    const leg = measureLeg({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 });
    expect(leg.metres).toBeCloseTo(ONE_DEGREE_METRES, 3);
    expect(leg.bearing).toBeCloseTo(90, 9);
  });
});
