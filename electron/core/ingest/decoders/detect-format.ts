import type { RecordFormat } from '../../../../shared/formats';
import { isGeoJsonDocument } from './geojson';
import { parseJsonDocument } from './json-document';

export type DetectedFormat = Exclude<RecordFormat, 'auto'>;

/** What a record's first meaningful byte announces; JSON-looking records need a look inside to tell GeoJSON apart. */
export type LeadingSignature = Exclude<DetectedFormat, 'geojson' | 'json'> | 'json-like';

const TAK_MAGIC = 0xbf;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;

/**
 * 0xBF first: TAK protobuf. Otherwise, after any byte-order mark and whitespace: `<` is CoT,
 * `!` (a sentence) or `\` (an NMEA tag block) is AIS, `{` or `[` is JSON, anything else text.
 */
export function leadingSignature(value: Uint8Array): LeadingSignature {
  if (value[0] === TAK_MAGIC) return 'tak-protobuf';
  let index = BYTE_ORDER_MARK.every((byte, at) => value[at] === byte) ? BYTE_ORDER_MARK.length : 0;
  while (isWhitespace(value[index])) index++;
  switch (value[index]) {
    case 0x3c:
      return 'cot';
    case 0x21:
    case 0x5c:
      return 'ais';
    case 0x7b:
    case 0x5b:
      return 'json-like';
    default:
      return 'text';
  }
}

/** The format `auto` would decode this record as. JSON is parsed to see whether it is GeoJSON. */
export function detectFormat(value: Uint8Array): DetectedFormat {
  const signature = leadingSignature(value);
  if (signature !== 'json-like') return signature;
  const parsed = parseJsonDocument(value);
  return parsed.ok && isGeoJsonDocument(parsed.document) ? 'geojson' : 'json';
}

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
