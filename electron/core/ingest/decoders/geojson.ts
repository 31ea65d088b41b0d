import type { DecodeResult, DecodedEntity } from '../decoded-entity';
import {
  UNKNOWN_POINT_COT_TYPE,
  epochMillisFrom,
  finiteNumberFrom,
  idFrom,
  isLatitude,
  isLongitude,
  nonEmptyTextOrNull,
} from './field-values';
import { type JsonObject, describeJsonValue, isJsonObject, parseJsonDocument } from './json-document';
import { failure, success } from './results';

/*
 * GeoJSON as RFC 7946 defines it: a Feature, or a FeatureCollection of them (section 3). Only
 * Point geometries become entities; a Point's position is [longitude, latitude, altitude?] in
 * WGS 84, altitude in metres above the ellipsoid (sections 3.1.1, 3.1.2 and 4).
 */

const EMPTY_PROPERTIES: JsonObject = Object.freeze({});
const LONGEST_TYPE_NAME_IN_ERRORS = 40;

/** True when the document's top-level type says it is GeoJSON this decoder reads. */
export function isGeoJsonDocument(document: unknown): boolean {
  return isJsonObject(document) && (document['type'] === 'Feature' || document['type'] === 'FeatureCollection');
}

export function decodeGeoJson(value: Uint8Array): DecodeResult {
  const parsed = parseJsonDocument(value);
  return parsed.ok ? decodeGeoJsonDocument(parsed.document) : parsed;
}

/**
 * Each Point feature becomes an entity. Other geometries are skipped, and said so only when no
 * Point is left to plot; a Point that is there but wrong (no id, impossible position) fails the
 * whole record, since quietly dropping it would hide a broken feed.
 */
export function decodeGeoJsonDocument(document: unknown): DecodeResult {
  if (!isJsonObject(document)) return failure(`the GeoJSON is ${describeJsonValue(document)}, not an object`);
  const isCollection = document['type'] === 'FeatureCollection';
  if (!isCollection && document['type'] !== 'Feature') {
    return failure('the GeoJSON is neither a Feature nor a FeatureCollection');
  }
  const features = isCollection ? document['features'] : [document];
  if (!Array.isArray(features)) return failure('the GeoJSON FeatureCollection has no features array');

  const entities: DecodedEntity[] = [];
  const skippedGeometries = new Map<string, number>();
  for (let index = 0; index < features.length; index++) {
    const position = isCollection ? index : null;
    const feature: unknown = features[index];
    if (!isJsonObject(feature) || feature['type'] !== 'Feature') return failure(`${placeOf(position)} is not a Feature object`);
    const geometry = feature['geometry'];
    if (!isJsonObject(geometry) || geometry['type'] !== 'Point') {
      const kind = geometryKind(geometry);
      skippedGeometries.set(kind, (skippedGeometries.get(kind) ?? 0) + 1);
      continue;
    }
    const entity = entityFrom(feature, geometry, position);
    if (typeof entity === 'string') return failure(entity);
    entities.push(entity);
  }
  return entities.length > 0 ? success(entities) : failure(nothingToPlot(skippedGeometries));
}

/** Which feature an error is about: its place in the collection (null for a lone Feature) and, once known, its id. */
function placeOf(index: number | null, uid: string | null = null): string {
  if (index === null) return uid === null ? 'the GeoJSON feature' : `the GeoJSON feature ${uid}`;
  return uid === null ? `feature ${index} of the GeoJSON collection` : `feature ${index} (${uid}) of the GeoJSON collection`;
}

function entityFrom(feature: JsonObject, point: JsonObject, index: number | null): DecodedEntity | string {
  const where = placeOf(index);
  const coordinates = point['coordinates'];
  if (!Array.isArray(coordinates)) return `${where} has a Point without coordinates`;
  const [lon, lat, alt]: unknown[] = coordinates;
  if (typeof lon !== 'number' || typeof lat !== 'number') return `${where} has Point coordinates that are not [longitude, latitude]`;
  if (!isLatitude(lat)) return `${where} has latitude ${lat}, outside -90 to 90`;
  if (!isLongitude(lon)) return `${where} has longitude ${lon}, outside -180 to 180`;

  const properties = isJsonObject(feature['properties']) ? feature['properties'] : EMPTY_PROPERTIES;
  const uid = idFrom(feature['id']) ?? idFrom(properties['uid']) ?? idFrom(properties['id']);
  if (uid === null) return `${where} has no id (neither the feature's id nor a uid or id property)`;
  const timeValue = properties['time'] ?? properties['timestamp'];
  const time = timeValue === undefined || timeValue === null ? null : epochMillisFrom(timeValue);
  if (time === null && timeValue !== undefined && timeValue !== null) {
    return `${placeOf(index, uid)} has a time that is not ISO 8601 with a zone, epoch milliseconds or epoch seconds`;
  }
  const staleValue = properties['stale'];
  const stale = staleValue === undefined || staleValue === null ? null : epochMillisFrom(staleValue);
  if (stale === null && staleValue !== undefined && staleValue !== null) {
    return `${placeOf(index, uid)} has a stale time that is not ISO 8601 with a zone, epoch milliseconds or epoch seconds`;
  }
  return {
    uid,
    cotType: nonEmptyTextOrNull(properties['type']) ?? UNKNOWN_POINT_COT_TYPE,
    callsign: nonEmptyTextOrNull(properties['callsign']) ?? nonEmptyTextOrNull(properties['name']),
    lat,
    lon,
    hae: finiteNumberFrom(alt) ?? finiteNumberFrom(properties['alt']),
    course: finiteNumberFrom(properties['course']),
    speed: finiteNumberFrom(properties['speed']),
    time,
    stale,
  };
}

function geometryKind(geometry: unknown): string {
  if (geometry === null || geometry === undefined) return 'no geometry';
  const type = isJsonObject(geometry) ? geometry['type'] : undefined;
  return typeof type === 'string' ? type.slice(0, LONGEST_TYPE_NAME_IN_ERRORS) : 'an unknown geometry';
}

function nothingToPlot(skippedGeometries: ReadonlyMap<string, number>): string {
  if (skippedGeometries.size === 0) return 'the GeoJSON holds no features';
  const counts = [...skippedGeometries].map(([kind, count]) => `${count} × ${kind}`).join(', ');
  return `the GeoJSON holds no Point feature to plot (it holds ${counts})`;
}
