import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { destination, distanceMetres, type LatLon } from '../../../shared/geo';
import type { GeofenceArea } from '../../../shared/rules';
import { wrapLongitude } from './coordinates';

export type AreaShape = 'polygon' | 'circle';

/** One go at drawing an area: a new id each time, so a new drawing never picks up the corners of one abandoned. */
export interface DrawingSession {
  readonly shape: AreaShape;
  readonly id: number;
}

/** A polygon's corners so far, or a circle's centre once placed. */
export type AreaSketch = { readonly shape: 'polygon'; readonly corners: readonly LatLon[] } | { readonly shape: 'circle'; readonly centre: LatLon | null };

/**
 * How near, in screen pixels, a click must land on the first corner to close the polygon, or on
 * the last to count as the same corner: a pointer is not placed more finely than this.
 */
export const SNAP_PIXELS = 8;

/** A circle smaller than this is a slip of the hand, not an area. */
const MIN_RADIUS_METRES = 1;
/** Enough points that the outline looks round at any zoom a geofence is drawn at. */
const CIRCLE_OUTLINE_POINTS = 72;

export type PolygonClick =
  | { readonly kind: 'add'; readonly corners: readonly LatLon[] }
  | { readonly kind: 'close'; readonly area: GeofenceArea }
  | { readonly kind: 'ignore' };

export function emptySketch(shape: AreaShape): AreaSketch {
  return shape === 'polygon' ? { shape, corners: [] } : { shape, centre: null };
}

/**
 * What a click does while a polygon is drawn: on the first corner, once there are three, it
 * closes the polygon; on the last corner (the second click of a double-click, or a slip) it does
 * nothing; anywhere else it adds a corner. `pixelsTo` says how far a corner is on screen.
 */
export function polygonClick(corners: readonly LatLon[], point: LatLon, pixelsTo: (corner: LatLon) => number): PolygonClick {
  const first = corners[0];
  const last = corners.at(-1);
  if (first !== undefined && corners.length >= 3 && pixelsTo(first) <= SNAP_PIXELS) return closedPolygon(corners);
  if (last !== undefined && pixelsTo(last) <= SNAP_PIXELS) return { kind: 'ignore' };
  return { kind: 'add', corners: [...corners, point] };
}

/** Closes the polygon on its corners so far, or ignores the request while there are fewer than three. */
export function closedPolygon(corners: readonly LatLon[]): PolygonClick {
  const area = polygonArea(corners);
  return area === null ? { kind: 'ignore' } : { kind: 'close', area };
}

/** The corners as a geofence ring in GeoJSON order, or null while there are fewer than three. */
export function polygonArea(corners: readonly LatLon[]): GeofenceArea | null {
  if (corners.length < 3) return null;
  return { shape: 'polygon', ring: corners.map((corner): [number, number] => [onTheWorld(corner.lon), corner.lat]) };
}

/** The circle through `edge` around `centre`, or null when the two are all but the same point. */
export function circleArea(centre: LatLon, edge: LatLon): GeofenceArea | null {
  const radiusMetres = distanceMetres(centre, edge);
  return radiusMetres < MIN_RADIUS_METRES ? null : { shape: 'circle', lat: centre.lat, lon: onTheWorld(centre.lon), radiusMetres };
}

/** The area's outline as a closed ring of points, a circle as a many-sided polygon, for drawing. */
export function areaOutline(area: GeofenceArea): LatLon[] {
  const corners =
    area.shape === 'polygon'
      ? area.ring.map(([lon, lat]) => ({ lat, lon }))
      : Array.from({ length: CIRCLE_OUTLINE_POINTS }, (_, index) => destination(area, (360 * index) / CIRCLE_OUTLINE_POINTS, area.radiusMetres));
  const [first] = corners;
  return first === undefined ? [] : [...corners, first];
}

export type AreaFeatureKind = 'area' | 'sketch-line' | 'sketch-fill' | 'sketch-vertex';

/**
 * What the map draws: the rule's area, and while one is drawn the sketch so far with the pointer
 * as the next corner or the circle's edge.
 */
export function areaFeatures(area: GeofenceArea | null, sketch: AreaSketch | null, pointer: LatLon | null): FeatureCollection<Geometry, { kind: AreaFeatureKind }> {
  const features: Feature<Geometry, { kind: AreaFeatureKind }>[] = [];
  if (area !== null) features.push(polygonFeature('area', areaOutline(area)));
  if (sketch?.shape === 'polygon') {
    const path = pointer === null ? [...sketch.corners] : [...sketch.corners, pointer];
    const [first] = path;
    if (path.length >= 3 && first !== undefined) features.push(polygonFeature('sketch-fill', [...path, first]));
    if (path.length >= 2) features.push({ type: 'Feature', properties: { kind: 'sketch-line' }, geometry: { type: 'LineString', coordinates: path.map(position) } });
    for (const corner of sketch.corners) features.push(vertexFeature(corner));
  }
  if (sketch?.shape === 'circle' && sketch.centre !== null) {
    const preview = pointer === null ? null : circleArea(sketch.centre, pointer);
    if (preview !== null) features.push(polygonFeature('sketch-fill', areaOutline(preview)));
    if (pointer !== null) features.push({ type: 'Feature', properties: { kind: 'sketch-line' }, geometry: { type: 'LineString', coordinates: [position(sketch.centre), position(pointer)] } });
    features.push(vertexFeature(sketch.centre));
  }
  return { type: 'FeatureCollection', features };
}

/** A longitude clicked on a repeated copy of the world, brought back within ±180°; one already there is kept exactly. */
function onTheWorld(lon: number): number {
  return lon >= -180 && lon <= 180 ? lon : wrapLongitude(lon);
}

function position(point: LatLon): [number, number] {
  return [point.lon, point.lat];
}

function polygonFeature(kind: 'area' | 'sketch-fill', ring: readonly LatLon[]): Feature<Geometry, { kind: AreaFeatureKind }> {
  return { type: 'Feature', properties: { kind }, geometry: { type: 'Polygon', coordinates: [ring.map(position)] } };
}

function vertexFeature(point: LatLon): Feature<Geometry, { kind: AreaFeatureKind }> {
  return { type: 'Feature', properties: { kind: 'sketch-vertex' }, geometry: { type: 'Point', coordinates: position(point) } };
}
