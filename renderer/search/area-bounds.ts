import type { Bounds } from '../../shared/review';
import type { GeofenceArea } from '../../shared/rules';
import { areaOutline } from '../map/tools/area-sketch';

/** The box around a drawn area: search looks inside boxes, which the cache indexes. */
export function boundsOfArea(area: GeofenceArea): Bounds {
  const outline = areaOutline(area);
  const lats = outline.map((point) => point.lat);
  const lons = outline.map((point) => point.lon);
  return {
    west: Math.max(-180, Math.min(...lons)),
    east: Math.min(180, Math.max(...lons)),
    south: Math.max(-90, Math.min(...lats)),
    north: Math.min(90, Math.max(...lats)),
  };
}

/** The box as the drawing tool shows an area: a closed ring of its four corners. */
export function areaOfBounds(bounds: Bounds): GeofenceArea {
  return {
    shape: 'polygon',
    ring: [
      [bounds.west, bounds.south],
      [bounds.east, bounds.south],
      [bounds.east, bounds.north],
      [bounds.west, bounds.north],
    ],
  };
}
