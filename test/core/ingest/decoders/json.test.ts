import { describe, expect, it } from 'vitest';
import { createJsonDecoder } from '../../../../electron/core/ingest/decoders/json';
import { fixtureBytes } from '../../../builders/fixtures';
import { aJsonPosition } from '../../../builders/json-position-builder';
import { fuzzFailures, fuzzInputs } from './fuzz';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const decodeDefault = createJsonDecoder({});
const decode = (record: Record<string, unknown>) => decodeDefault(bytes(JSON.stringify(record)));
const noon = Date.UTC(2026, 10, 26, 12, 0, 0);

function errorOf(text: string): string {
  const result = decodeDefault(bytes(text));
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('Given the JSON decoder', () => {
  it('When a record uses the default field names, Then every field comes back', () => {
    const result = decodeDefault(bytes(aJsonPosition(3)));

    expect(result).toEqual({
      ok: true,
      entities: [
        {
          uid: 'unit-3',
          cotType: 'a-f-G-U-C',
          callsign: 'UNIT 3',
          lat: 39.003,
          lon: 8.0015,
          hae: 120,
          course: 3,
          speed: 4.5,
          time: noon + 30,
          stale: null,
        },
      ],
    });
  });

  it('When a mapping names dotted paths, Then fields are read from nested objects, item by item', () => {
    const decodeVessels = createJsonDecoder({
      id: 'vessel.mmsi',
      callsign: 'vessel.name',
      lat: 'position.lat',
      lon: 'position.lon',
      alt: 'position.altitude',
      time: 'observedAt',
      type: 'symbol',
      course: 'kinematics.cog',
      speed: 'kinematics.sog',
    });

    const result = decodeVessels(fixtureBytes('json/nested-vessel.json'));

    expect(result).toEqual({
      ok: true,
      entities: [
        { uid: '247320162', cotType: 'a-n-S-X', callsign: 'NIGHT HERON', lat: 39.2105, lon: 9.1107, hae: 0, course: 87.5, speed: 6.33, time: noon, stale: null },
        { uid: '247604310', cotType: 'a-u-G', callsign: 'SEA BREEZE', lat: 39.0001, lon: 8.9999, hae: null, course: null, speed: null, time: Date.UTC(2026, 10, 26, 11, 0, 5, 250), stale: null },
      ],
    });
  });

  it.each([
    ['epoch milliseconds', noon, noon],
    ['epoch seconds', noon / 1000, noon],
    ['fractional epoch seconds', noon / 1000 + 0.25, noon + 250],
    ['epoch seconds as digits', String(noon / 1000), noon],
    ['ISO 8601 in UTC', '2026-11-26T12:00:00Z', noon],
    ['ISO 8601 with an offset', '2026-11-26T14:00:00.5+02:00', noon + 500],
    ['nothing', null, null],
  ])('When the time is %s, Then it decodes to %s', (_case, time, expected) => {
    const result = decode({ id: 'u1', lat: 1, lon: 2, time });

    expect(result.ok && result.entities[0]?.time).toBe(expected);
  });

  it('When there is no time field at all, Then time is left to the ingest path (the Kafka timestamp)', () => {
    const result = decode({ id: 'u1', lat: 1, lon: 2 });

    expect(result.ok && result.entities[0]).toMatchObject({ time: null, cotType: 'a-u-G', callsign: null, hae: null });
  });

  it('When the record is an empty array, Then it is valid with nothing to plot', () => {
    expect(decodeDefault(bytes('[]'))).toEqual({ ok: true, entities: [] });
  });

  describe('When the record is hostile or broken', () => {
    it.each([
      ['not JSON', 'hello', /^the record is not valid JSON \(/],
      ['JSON cut short', aJsonPosition(1).slice(0, 120), /^the record is not valid JSON \(/],
      ['a bare string', '"unit-1"', 'the JSON record is a string, not an object'],
      ['missing its latitude', JSON.stringify({ id: 'u1', lon: 2 }), 'the JSON record u1 has no latitude at "lat"'],
      ['a latitude that is not a number', JSON.stringify({ id: 'u1', lat: 'north', lon: 2 }), 'the JSON record u1 has no latitude at "lat"'],
      ['an out-of-range latitude', aJsonPosition(1, { lat: 91.5 }), 'the JSON record unit-1 has latitude 91.5 at "lat", outside -90 to 90'],
      ['an out-of-range longitude', aJsonPosition(1, { lon: -180.01 }), 'the JSON record unit-1 has longitude -180.01 at "lon", outside -180 to 180'],
      ['an overflowing latitude', '{"id":"u1","lat":1e400,"lon":2}', 'the JSON record u1 has no latitude at "lat"'],
      ['no id', JSON.stringify({ lat: 1, lon: 2 }), 'the JSON record has no id at "id"'],
      ['an empty id', JSON.stringify({ id: '', lat: 1, lon: 2 }), 'the JSON record has no id at "id"'],
      ['a time without a zone', aJsonPosition(1, { time: '2026-11-26T12:00:00' }), /^the JSON record unit-1 has a time at "time" that is not ISO 8601 with a zone/],
      ['a negative time', aJsonPosition(1, { time: -5 }), /^the JSON record unit-1 has a time at "time" that is not/],
      ['one bad item in an array', `[${aJsonPosition(1)},${aJsonPosition(2, { lat: null })}]`, 'item 1 (unit-2) of the JSON array has no latitude at "lat"'],
      ['an array of numbers', '[1,2]', 'item 0 of the JSON array is a number, not an object'],
    ])('Then a record that is %s is refused with a reason', (_case, text, reason) => {
      expect(errorOf(text)).toMatch(reason);
    });

    it('Then bytes that are not UTF-8 are refused', () => {
      expect(decodeDefault(Uint8Array.of(0x7b, 0xff, 0x7d))).toEqual({ ok: false, error: 'the record is not valid UTF-8 text' });
    });

    it('Then a path through a value that is not an object finds nothing instead of failing', () => {
      const decodeDeep = createJsonDecoder({ lat: 'position.lat' });

      const result = decodeDeep(bytes(JSON.stringify({ id: 'u1', position: 'unknown', lon: 2 })));

      expect(result).toEqual({ ok: false, error: 'the JSON record u1 has no latitude at "position.lat"' });
    });

    it('Then 2,000 random and mutated records never make it throw or report nonsense', () => {
      const samples = [bytes(aJsonPosition(1)), bytes(`[${aJsonPosition(2)},${aJsonPosition(3)}]`), fixtureBytes('json/nested-vessel.json')];

      expect(fuzzFailures(decodeDefault, fuzzInputs(0x150, samples))).toEqual([]);
    });
  });
});
