import type { JsonFieldMapping } from '../../../../shared/formats';
import type { DecodeResult, DecodedEntity, Decoder } from '../decoded-entity';
import {
  UNKNOWN_POINT_COT_TYPE,
  epochMillisFrom,
  finiteNumberFrom,
  idFrom,
  isLatitude,
  isLongitude,
  nonEmptyTextOrNull,
} from './field-values';
import { describeJsonValue, isJsonObject, parseJsonDocument } from './json-document';
import { failure, success } from './results';

export type JsonFieldPaths = Readonly<Required<JsonFieldMapping>>;

/** Every field's path: the mapping's where it names one, the field's own name where it does not. */
export function resolveJsonPaths(mapping: JsonFieldMapping): JsonFieldPaths {
  return {
    id: mapping.id ?? 'id',
    lat: mapping.lat ?? 'lat',
    lon: mapping.lon ?? 'lon',
    alt: mapping.alt ?? 'alt',
    time: mapping.time ?? 'time',
    type: mapping.type ?? 'type',
    course: mapping.course ?? 'course',
    speed: mapping.speed ?? 'speed',
    callsign: mapping.callsign ?? 'callsign',
  };
}

type FieldReader = (item: object) => unknown;

/** Which record or array item an error is about, by position and, once known, by id. */
function placeOf(index: number | null, uid: string | null = null): string {
  if (index === null) return uid === null ? 'the JSON record' : `the JSON record ${uid}`;
  return uid === null ? `item ${index} of the JSON array` : `item ${index} (${uid}) of the JSON array`;
}

// Paths are split once, when the decoder is made; a record costs property reads and nothing else.
function compilePath(path: string): FieldReader {
  const keys = path.split('.');
  const [onlyKey = ''] = keys;
  if (keys.length === 1) return (item) => (item as Record<string, unknown>)[onlyKey];
  return (item) => {
    let node: unknown = item;
    for (const key of keys) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  };
}

/**
 * Decodes JSON whose fields sit where the mapping says. A record is one object (one entity) or
 * an array of objects (one entity each). A missing time is null, so the ingest path uses the
 * record's Kafka timestamp; a missing type is `a-u-G`.
 */
export function createJsonDecoder(mapping: JsonFieldMapping): Decoder {
  const decodeDocument = createJsonDocumentDecoder(mapping);
  return (value) => {
    const parsed = parseJsonDocument(value);
    return parsed.ok ? decodeDocument(parsed.document) : parsed;
  };
}

/** The same decoder for a document already parsed, so auto-detection parses each record once. */
export function createJsonDocumentDecoder(mapping: JsonFieldMapping): (document: unknown) => DecodeResult {
  const paths = resolveJsonPaths(mapping);
  const read = {
    id: compilePath(paths.id),
    lat: compilePath(paths.lat),
    lon: compilePath(paths.lon),
    alt: compilePath(paths.alt),
    time: compilePath(paths.time),
    type: compilePath(paths.type),
    course: compilePath(paths.course),
    speed: compilePath(paths.speed),
    callsign: compilePath(paths.callsign),
  };

  /** The entity in one object, or why there is none; `index` places it within an array. */
  function entityFrom(item: unknown, index: number | null): DecodedEntity | string {
    if (!isJsonObject(item)) return `${placeOf(index)} is ${describeJsonValue(item)}, not an object`;
    const uid = idFrom(read.id(item));
    if (uid === null) return `${placeOf(index)} has no id at "${paths.id}"`;
    const lat = finiteNumberFrom(read.lat(item));
    if (lat === null) return `${placeOf(index, uid)} has no latitude at "${paths.lat}"`;
    if (!isLatitude(lat)) return `${placeOf(index, uid)} has latitude ${lat} at "${paths.lat}", outside -90 to 90`;
    const lon = finiteNumberFrom(read.lon(item));
    if (lon === null) return `${placeOf(index, uid)} has no longitude at "${paths.lon}"`;
    if (!isLongitude(lon)) return `${placeOf(index, uid)} has longitude ${lon} at "${paths.lon}", outside -180 to 180`;
    const timeValue = read.time(item);
    const time = timeValue === undefined || timeValue === null ? null : epochMillisFrom(timeValue);
    if (time === null && timeValue !== undefined && timeValue !== null) {
      return `${placeOf(index, uid)} has a time at "${paths.time}" that is not ISO 8601 with a zone, epoch milliseconds or epoch seconds`;
    }
    return {
      uid,
      cotType: nonEmptyTextOrNull(read.type(item)) ?? UNKNOWN_POINT_COT_TYPE,
      callsign: nonEmptyTextOrNull(read.callsign(item)),
      lat,
      lon,
      hae: finiteNumberFrom(read.alt(item)),
      course: finiteNumberFrom(read.course(item)),
      speed: finiteNumberFrom(read.speed(item)),
      time,
      stale: null,
    };
  }

  return (document) => {
    if (!Array.isArray(document)) {
      const entity = entityFrom(document, null);
      return typeof entity === 'string' ? failure(entity) : success([entity]);
    }
    const entities: DecodedEntity[] = [];
    for (let index = 0; index < document.length; index++) {
      const entity = entityFrom(document[index], index);
      if (typeof entity === 'string') return failure(entity);
      entities.push(entity);
    }
    return success(entities);
  };
}
