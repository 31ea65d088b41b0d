import { bearingDegrees, distanceMetres, type LatLon } from '../../../shared/geo';

/** One straight (great-circle) stretch of a measured path. */
export interface Leg {
  readonly from: LatLon;
  readonly to: LatLon;
  readonly metres: number;
  /** Initial bearing, degrees clockwise from true north. */
  readonly bearing: number;
}

export interface PathMeasurement {
  readonly legs: readonly Leg[];
  readonly totalMetres: number;
}

export function measureLeg(from: LatLon, to: LatLon): Leg {
  return { from, to, metres: distanceMetres(from, to), bearing: bearingDegrees(from, to) };
}

/** The legs between consecutive points and their summed length; a single point has no legs. */
export function measurePath(points: readonly LatLon[]): PathMeasurement {
  const legs: Leg[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1];
    const to = points[i];
    if (from !== undefined && to !== undefined) legs.push(measureLeg(from, to));
  }
  return { legs, totalMetres: legs.reduce((sum, leg) => sum + leg.metres, 0) };
}
