import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { destination, type LatLon } from '../../../shared/geo';
import { measureLeg } from './measurement';

export type MeasurementFeatureKind = 'path' | 'preview' | 'vertex';

/** Legs are drawn as great circles, as they are measured, with a point at least every 25 km. */
const MAX_SEGMENT_METRES = 25_000;
const MAX_SEGMENTS_PER_LEG = 256;

/**
 * The measured path, the pending leg from its last point to the pointer, and a point at each
 * vertex. Longitudes are kept as clicked (beyond ±180° on a repeated copy of the world) so a
 * path across the antimeridian is drawn short, the way it is measured.
 */
export function measurementFeatures(points: readonly LatLon[], pointer: LatLon | null): FeatureCollection<Geometry, { kind: MeasurementFeatureKind }> {
  const features: Feature<Geometry, { kind: MeasurementFeatureKind }>[] = [];
  if (points.length >= 2) features.push(line('path', greatCirclePath(points)));
  const last = points.at(-1);
  if (last !== undefined && pointer !== null) features.push(line('preview', greatCirclePath([last, pointer])));
  for (const point of points) {
    features.push({ type: 'Feature', properties: { kind: 'vertex' }, geometry: { type: 'Point', coordinates: [point.lon, point.lat] } });
  }
  return { type: 'FeatureCollection', features };
}

/** Every point of the path, with points added along each leg so it bends as the great circle does. */
export function greatCirclePath(points: readonly LatLon[]): LatLon[] {
  const path: LatLon[] = points.slice(0, 1);
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1];
    const to = points[i];
    if (from === undefined || to === undefined) continue;
    const leg = measureLeg(from, to);
    const segments = Math.min(MAX_SEGMENTS_PER_LEG, Math.max(1, Math.ceil(leg.metres / MAX_SEGMENT_METRES)));
    for (let step = 1; step < segments; step += 1) {
      const along = destination(from, leg.bearing, (leg.metres * step) / segments);
      path.push({ lat: along.lat, lon: nearestEquivalentLongitude(along.lon, path.at(-1)?.lon ?? from.lon) });
    }
    path.push(to);
  }
  return path;
}

/** destination() answers within ±180°; shift by whole turns to stay beside the point drawn before. */
function nearestEquivalentLongitude(lon: number, reference: number): number {
  return lon + 360 * Math.round((reference - lon) / 360);
}

function line(kind: 'path' | 'preview', path: readonly LatLon[]): Feature<Geometry, { kind: MeasurementFeatureKind }> {
  return { type: 'Feature', properties: { kind }, geometry: { type: 'LineString', coordinates: path.map((point) => [point.lon, point.lat]) } };
}
