import { GeofenceAreaSchema, type GeofenceArea } from '../../shared/rules';
import { asSentence } from '../connections/issue-sentence';

export type AreaReading = { readonly ok: true; readonly area: GeofenceArea } | { readonly ok: false; readonly problem: string };

const WHAT_IS_READ =
  'Outpost reads the first Polygon or MultiPolygon of a GeoJSON file (its outer ring), a GeoJSON Point with a radius property in metres, or the first Polygon of a KML file.';

/** The property names a GeoJSON Point's radius may go by, in metres. */
const RADIUS_PROPERTIES = ['radius', 'radiusMetres', 'radius_m', 'radiusMeters'];

type Position = readonly [number, number];

/**
 * An area for a geofence from the contents of a GeoJSON or KML file: the first polygon's outer
 * ring, or a circle from a Point with a radius. Holes and later polygons are left out, as a
 * geofence is one ring.
 */
export function readAreaFile(fileName: string, text: string): AreaReading {
  const looksLikeKml = /\.kml$/i.test(fileName) || text.trimStart().startsWith('<');
  return looksLikeKml ? readKml(text) : readGeoJson(text);
}

function readGeoJson(text: string): AreaReading {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { ok: false, problem: `The file is not GeoJSON: it is not valid JSON. ${WHAT_IS_READ}` };
  }
  const found = firstShape(document);
  if (found === null) return { ok: false, problem: `The file has no polygon. ${WHAT_IS_READ}` };
  if (found.kind === 'ring') return areaFromRing(found.ring);
  if (found.radius === null) {
    return { ok: false, problem: 'The file’s first shape is a point without a radius. Give the Point a “radius” property in metres, or draw the area instead.' };
  }
  return checked({ shape: 'circle', lat: found.point[1], lon: found.point[0], radiusMetres: found.radius });
}

type Shape = { readonly kind: 'ring'; readonly ring: readonly unknown[] } | { readonly kind: 'point'; readonly point: Position; readonly radius: number | null };

/** The first polygon or point, depth first through collections, features and geometries. */
function firstShape(node: unknown, radius: number | null = null): Shape | null {
  if (!isObject(node)) return null;
  switch (node['type']) {
    case 'FeatureCollection':
      return firstOf(node['features'], (feature) => firstShape(feature));
    case 'Feature':
      return firstShape(node['geometry'], radiusOf(node['properties']));
    case 'GeometryCollection':
      return firstOf(node['geometries'], (geometry) => firstShape(geometry, radius));
    case 'Polygon':
      return Array.isArray(node['coordinates']) && Array.isArray(node['coordinates'][0]) ? { kind: 'ring', ring: node['coordinates'][0] } : null;
    case 'MultiPolygon': {
      const polygon: unknown = Array.isArray(node['coordinates']) ? node['coordinates'][0] : undefined;
      return Array.isArray(polygon) && Array.isArray(polygon[0]) ? { kind: 'ring', ring: polygon[0] } : null;
    }
    case 'Point': {
      const position = positionOf(node['coordinates']);
      return position === null ? null : { kind: 'point', point: position, radius };
    }
    default:
      return null;
  }
}

function firstOf(items: unknown, find: (item: unknown) => Shape | null): Shape | null {
  if (!Array.isArray(items)) return null;
  for (const item of items) {
    const found = find(item);
    if (found !== null) return found;
  }
  return null;
}

function radiusOf(properties: unknown): number | null {
  if (!isObject(properties)) return null;
  for (const name of RADIUS_PROPERTIES) {
    const value = Number(properties[name]);
    if (properties[name] !== undefined && properties[name] !== null && Number.isFinite(value)) return value;
  }
  return null;
}

function readKml(text: string): AreaReading {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) return { ok: false, problem: `The file is not KML: it is not well-formed XML. ${WHAT_IS_READ}` };
  const polygon = document.getElementsByTagNameNS('*', 'Polygon')[0];
  const outer = polygon?.getElementsByTagNameNS('*', 'outerBoundaryIs')[0];
  const coordinates = outer?.getElementsByTagNameNS('*', 'coordinates')[0]?.textContent;
  if (coordinates === undefined || coordinates === null) return { ok: false, problem: `The file has no polygon. ${WHAT_IS_READ}` };
  // KML writes "lon,lat[,alt]" tuples apart by whitespace.
  const ring = coordinates
    .trim()
    .split(/\s+/)
    .filter((tuple) => tuple !== '')
    .map((tuple) => tuple.split(',').map(Number));
  return areaFromRing(ring);
}

function areaFromRing(ring: readonly unknown[]): AreaReading {
  const positions: Position[] = [];
  for (const corner of ring) {
    const position = positionOf(corner);
    if (position === null) return { ok: false, problem: 'The polygon has a corner that is not a longitude and latitude pair. Check the file, or draw the area instead.' };
    positions.push(position);
  }
  // Files close the ring by repeating the first corner; the geofence takes it either way, so it is dropped.
  const [first] = positions;
  const last = positions.at(-1);
  if (positions.length > 1 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1]) positions.pop();
  return checked({ shape: 'polygon', ring: positions.map(([lon, lat]): [number, number] => [lon, lat]) });
}

/** The core's own limits: ranges, at least three corners, at most 10,000. */
function checked(area: GeofenceArea): AreaReading {
  const corners = area.shape === 'circle' ? [[area.lon, area.lat]] : area.ring;
  if (corners.some(([lon = 0, lat = 0]) => Math.abs(lat) > 90 || Math.abs(lon) > 180)) {
    return {
      ok: false,
      problem: 'A corner lies outside the world: latitudes run from -90 to 90 and longitudes from -180 to 180. The file may list latitude first, where GeoJSON and KML put the longitude first.',
    };
  }
  if (area.shape === 'circle' && !(area.radiusMetres > 0)) return { ok: false, problem: 'The point’s radius must be more than 0 metres.' };
  const parsed = GeofenceAreaSchema.safeParse(area);
  if (parsed.success) return { ok: true, area: parsed.data };
  const [issue] = parsed.error.issues;
  return { ok: false, problem: `The area in the file cannot be used: ${asSentence(issue?.message ?? 'it is out of range')} Check the file, or draw the area instead.` };
}

function positionOf(value: unknown): Position | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
