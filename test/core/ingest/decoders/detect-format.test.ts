import { describe, expect, it } from 'vitest';
import { encodeCot } from '../../../../electron/core/cot/encode-cot';
import { detectFormat } from '../../../../electron/core/ingest/decoders/detect-format';
import { aCotEvent } from '../../../builders/cot-event-builder';
import { fixtureBytes } from '../../../builders/fixtures';
import { aJsonPosition } from '../../../builders/json-position-builder';
import { aTakEvent, meshFramed, streamFramed, takMessageBytes } from '../../../builders/tak-message-builder';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const withByteOrderMark = (value: Uint8Array): Uint8Array => Uint8Array.from([0xef, 0xbb, 0xbf, ...value]);

describe('Given format detection', () => {
  it.each([
    ['TAK protobuf, streamed', streamFramed(takMessageBytes(aTakEvent())), 'tak-protobuf'],
    ['TAK protobuf, mesh', meshFramed(takMessageBytes(aTakEvent())), 'tak-protobuf'],
    ['CoT XML', bytes(encodeCot(aCotEvent())), 'cot'],
    ['CoT XML after blank lines', bytes(`\r\n\n  ${encodeCot(aCotEvent())}`), 'cot'],
    ['CoT XML after a byte-order mark', withByteOrderMark(bytes(encodeCot(aCotEvent()))), 'cot'],
    ['an AIVDM sentence', fixtureBytes('ais/gpsd-type1-position.nmea'), 'ais'],
    ['an AIVDM sentence behind a tag block', fixtureBytes('ais/gpsd-tag-block.nmea'), 'ais'],
    ['a GeoJSON FeatureCollection', fixtureBytes('geojson/patrol-features.geojson'), 'geojson'],
    ['a GeoJSON Feature', bytes('{"type":"Feature","geometry":null,"properties":null}'), 'geojson'],
    ['a JSON object', bytes(aJsonPosition(1)), 'json'],
    ['a JSON object whose own type is not GeoJSON', bytes(aJsonPosition(1, { type: 'Feature-ish' })), 'json'],
    ['a JSON array', fixtureBytes('json/nested-vessel.json'), 'json'],
    ['an array of GeoJSON features, which GeoJSON does not allow at the top', bytes('[{"type":"Feature"}]'), 'json'],
    ['broken JSON', bytes('{"type":"Feature",'), 'json'],
    ['plain text', bytes('SITREP 0600: all quiet'), 'text'],
    ['nothing', new Uint8Array(), 'text'],
    ['only whitespace', bytes(' \n\t '), 'text'],
    ['binary that is not TAK', Uint8Array.of(0x00, 0xbf, 0x01), 'text'],
  ])('When the record is %s, Then it is detected as %s', (_case, value, format) => {
    expect(detectFormat(value)).toBe(format);
  });
});
