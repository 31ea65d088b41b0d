import { describe, expect, it } from 'vitest';
import { encodeCot } from '../../../../electron/core/cot/encode-cot';
import { decodeAuto } from '../../../../electron/core/ingest/decoders/auto';
import { aCotEvent } from '../../../builders/cot-event-builder';
import { fixtureBytes } from '../../../builders/fixtures';
import { aJsonPosition } from '../../../builders/json-position-builder';
import { aTakEvent, streamFramed, takMessageBytes } from '../../../builders/tak-message-builder';
import { fuzzFailures, fuzzInputs } from './fuzz';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const uidsOf = (value: Uint8Array): readonly string[] | string => {
  const result = decodeAuto(value);
  return result.ok ? result.entities.map((entity) => entity.uid) : result.error;
};

describe('Given the auto-detecting decoder', () => {
  it.each([
    ['TAK protobuf', streamFramed(takMessageBytes(aTakEvent({ uid: 'tak-1' }))), ['tak-1']],
    ['CoT XML', bytes(encodeCot(aCotEvent({ uid: 'cot-1' }))), ['cot-1']],
    ['AIS', fixtureBytes('ais/gpsd-type1-position.nmea'), ['ais-477553000']],
    ['GeoJSON', fixtureBytes('geojson/patrol-features.geojson'), ['patrol-1', 'obs-7']],
    ['JSON with the default field names', bytes(aJsonPosition(7)), ['unit-7']],
    ['plain text', bytes('SITREP 0600: all quiet'), []],
  ])('When the record is %s, Then it decodes with that format’s decoder', (_case, value, uids) => {
    expect(uidsOf(value)).toEqual(uids);
  });

  it('When a JSON-looking record is not JSON, Then the JSON error comes back', () => {
    expect(uidsOf(bytes('{not json'))).toMatch(/^the record is not valid JSON/);
  });

  it('When a record starts like XML but is not CoT, Then the CoT error comes back', () => {
    expect(uidsOf(bytes('<html></html>'))).toBe('the record has no CoT <event> element');
  });

  it('When 2,000 random and mutated records of every kind arrive, Then it never throws or reports nonsense', () => {
    const samples = [
      streamFramed(takMessageBytes(aTakEvent())),
      bytes(encodeCot(aCotEvent())),
      fixtureBytes('ais/gpsd-type5-two-fragments.nmea'),
      fixtureBytes('geojson/patrol-features.geojson'),
      bytes(aJsonPosition(1)),
    ];

    expect(fuzzFailures(decodeAuto, fuzzInputs(0xa070, samples))).toEqual([]);
  });
});
