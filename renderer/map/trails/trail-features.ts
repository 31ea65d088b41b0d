import type { FeatureCollection, LineString } from 'geojson';
import type { Trail } from './trail-buffer';

/** The properties the track filter reads, so one filter expression serves tracks and trails. */
export interface TrailProperties {
  uid: string;
  affiliation: Trail['affiliation'];
  dimension: Trail['dimension'];
}

/** One line per trail; a trail of a single position has no line to draw yet. */
export function trailFeatures(trails: readonly Trail[]): FeatureCollection<LineString, TrailProperties> {
  return {
    type: 'FeatureCollection',
    features: trails
      .filter((trail) => trail.points.length >= 2)
      .map((trail) => ({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: trail.points.map((point) => [point.lon, point.lat]) },
        properties: { uid: trail.uid, affiliation: trail.affiliation, dimension: trail.dimension },
      })),
  };
}
