import type { FeatureCollection, LineString } from 'geojson';
import type { Trail, TrailPoint } from './trail-buffer';

/** The properties the track filter reads, so one filter expression serves tracks and trails. */
export interface TrailProperties {
  uid: string;
  affiliation: Trail['affiliation'];
  dimension: Trail['dimension'];
}

/**
 * What the map can show of the trails: those whose track is inside `bounds` (degrees), with
 * positions closer than `minStepMetres` to the last one kept merged, since on screen they would
 * fall on the same pixel. Each trail's first and latest positions are always kept.
 */
export interface TrailView {
  readonly bounds: { readonly west: number; readonly south: number; readonly east: number; readonly north: number };
  readonly minStepMetres: number;
}

/** One line per trail; a trail of a single position has no line to draw yet. */
export function trailFeatures(trails: readonly Trail[], view?: TrailView): FeatureCollection<LineString, TrailProperties> {
  const features: FeatureCollection<LineString, TrailProperties>['features'] = [];
  for (const trail of trails) {
    const latest = trail.points.at(-1);
    if (trail.points.length < 2 || latest === undefined) continue;
    if (view !== undefined && !isInside(latest, view.bounds)) continue;
    const points = view === undefined ? trail.points : thinned(trail.points, view.minStepMetres);
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: points.map((point) => [point.lon, point.lat]) },
      properties: { uid: trail.uid, affiliation: trail.affiliation, dimension: trail.dimension },
    });
  }
  return { type: 'FeatureCollection', features };
}

function isInside(point: TrailPoint, bounds: TrailView['bounds']): boolean {
  const withinLongitudes = bounds.west <= bounds.east ? point.lon >= bounds.west && point.lon <= bounds.east : point.lon >= bounds.west || point.lon <= bounds.east;
  return withinLongitudes && point.lat >= bounds.south && point.lat <= bounds.north;
}

const METRES_PER_DEGREE = 111_320;

function thinned(points: readonly TrailPoint[], minStepMetres: number): TrailPoint[] {
  const first = points[0];
  const latest = points.at(-1);
  if (first === undefined || latest === undefined || minStepMetres <= 0) return [...points];
  // Equirectangular at the trail's latest latitude: close enough for steps of a few pixels.
  const lonScale = Math.cos((latest.lat * Math.PI) / 180);
  const minStepDegreesSquared = (minStepMetres / METRES_PER_DEGREE) ** 2;
  const kept: TrailPoint[] = [first];
  let last = first;
  for (let index = 1; index < points.length - 1; index += 1) {
    const point = points[index];
    if (point === undefined) continue;
    const dx = (point.lon - last.lon) * lonScale;
    const dy = point.lat - last.lat;
    if (dx * dx + dy * dy < minStepDegreesSquared) continue;
    kept.push(point);
    last = point;
  }
  kept.push(latest);
  return kept;
}
