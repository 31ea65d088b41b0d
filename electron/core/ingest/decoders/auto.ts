import type { DecodeResult } from '../decoded-entity';
import { decodeAis } from './ais';
import { decodeCot } from './cot';
import { leadingSignature } from './detect-format';
import { decodeGeoJsonDocument, isGeoJsonDocument } from './geojson';
import { createJsonDocumentDecoder } from './json';
import { parseJsonDocument } from './json-document';
import { decodeTakProtobuf } from './tak-protobuf';
import { decodeText } from './text';

const decodeDefaultJsonDocument = createJsonDocumentDecoder({});

/**
 * Decodes each record as the format its first bytes announce (see `detectFormat`). JSON is
 * parsed once and handed to the GeoJSON or the default-mapping JSON decoder, by its top-level type.
 */
export function decodeAuto(value: Uint8Array): DecodeResult {
  switch (leadingSignature(value)) {
    case 'tak-protobuf':
      return decodeTakProtobuf(value);
    case 'cot':
      return decodeCot(value);
    case 'ais':
      return decodeAis(value);
    case 'text':
      return decodeText(value);
    case 'json-like': {
      const parsed = parseJsonDocument(value);
      if (!parsed.ok) return parsed;
      return isGeoJsonDocument(parsed.document) ? decodeGeoJsonDocument(parsed.document) : decodeDefaultJsonDocument(parsed.document);
    }
  }
}
