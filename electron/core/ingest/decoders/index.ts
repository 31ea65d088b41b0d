import type { JsonFieldMapping, RecordFormat } from '../../../../shared/formats';
import type { Decoder } from '../decoded-entity';
import { decodeAis } from './ais';
import { decodeAuto } from './auto';
import { decodeCot } from './cot';
import { decodeGeoJson } from './geojson';
import { createJsonDecoder, resolveJsonPaths } from './json';
import { decodeTakProtobuf } from './tak-protobuf';
import { decodeText } from './text';

const fixedDecoders: Readonly<Record<Exclude<RecordFormat, 'json'>, Decoder>> = {
  auto: decodeAuto,
  cot: decodeCot,
  'tak-protobuf': decodeTakProtobuf,
  geojson: decodeGeoJson,
  ais: decodeAis,
  text: decodeText,
};

// Keyed by the resolved paths, so equal mappings share a decoder however they were written.
const jsonDecoders = new Map<string, Decoder>();

/** The decoder for a subscription's format. Only `json` reads the mapping; every other format ignores it. */
export function decoderFor(format: RecordFormat, mapping: JsonFieldMapping = {}): Decoder {
  if (format !== 'json') return fixedDecoders[format];
  const key = JSON.stringify(resolveJsonPaths(mapping));
  let decoder = jsonDecoders.get(key);
  if (decoder === undefined) {
    decoder = createJsonDecoder(mapping);
    jsonDecoders.set(key, decoder);
  }
  return decoder;
}
