import { describe, expect, it } from 'vitest';
import { decodeGeoJson } from '../../../../electron/core/ingest/decoders/geojson';
import { fixtureBytes } from '../../../builders/fixtures';
import { fuzzFailures, fuzzInputs } from './fuzz';

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const point = (coordinates: unknown, properties: Record<string, unknown> = {}, id?: string | number) => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  geometry: { type: 'Point', coordinates },
  properties,
});

function errorOf(value: unknown): string {
  const result = decodeGeoJson(bytes(value));
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('Given the GeoJSON decoder', () => {
  it('When a FeatureCollection mixes Points with other geometries, Then each Point becomes an entity and the rest are skipped', () => {
    const result = decodeGeoJson(fixtureBytes('geojson/patrol-features.geojson'));

    expect(result).toEqual({
      ok: true,
      entities: [
        {
          uid: 'patrol-1',
          cotType: 'a-f-G-U-C-I',
          callsign: 'LANCER 1',
          lat: 39.2238,
          lon: 9.1217,
          hae: 35.5,
          course: 45,
          speed: 1.4,
          time: Date.UTC(2026, 10, 26, 12, 0, 0),
          stale: null,
        },
        {
          uid: 'obs-7',
          cotType: 'a-u-G',
          callsign: 'Observation post 7',
          lat: 40.75,
          lon: 8.5,
          hae: null,
          course: null,
          speed: null,
          time: Date.UTC(2026, 10, 26, 12, 0, 0),
          stale: null,
        },
      ],
    });
  });

  it('When a feature gives a stale time, as an Outpost export does, Then the entity keeps it', () => {
    const result = decodeGeoJson(bytes(point([1, 2], { id: 'a', time: '2026-11-26T12:00:00Z', stale: '2026-11-26T12:05:00Z' })));

    expect(result.ok && result.entities).toMatchObject([{ uid: 'a', time: Date.UTC(2026, 10, 26, 12, 0, 0), stale: Date.UTC(2026, 10, 26, 12, 5, 0) }]);
  });

  it('When the record is a single Feature with a numeric id, Then it is one entity named by that id', () => {
    const result = decodeGeoJson(bytes(point([-3.5, 51.25], {}, 42)));

    expect(result.ok && result.entities).toMatchObject([{ uid: '42', lat: 51.25, lon: -3.5, time: null }]);
  });

  it('When the id is only in the properties, Then uid is preferred to id', () => {
    const result = decodeGeoJson(bytes(point([1, 2], { uid: 'from-uid', id: 'from-id' })));

    expect(result.ok && result.entities[0]?.uid).toBe('from-uid');
  });

  it('When altitude is a property rather than a third coordinate, Then it is still read', () => {
    const result = decodeGeoJson(bytes(point([1, 2], { id: 'a', alt: 850 })));

    expect(result.ok && result.entities[0]?.hae).toBe(850);
  });

  describe('When the record is hostile or broken', () => {
    it.each([
      ['not an object', [1, 2], 'the GeoJSON is an array, not an object'],
      ['a bare geometry', { type: 'Point', coordinates: [1, 2] }, 'the GeoJSON is neither a Feature nor a FeatureCollection'],
      ['a collection without features', { type: 'FeatureCollection' }, 'the GeoJSON FeatureCollection has no features array'],
      ['an empty collection', { type: 'FeatureCollection', features: [] }, 'the GeoJSON holds no features'],
      [
        'only lines and polygons',
        { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: null }, { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: null }, { type: 'Feature', geometry: null, properties: null }] },
        'the GeoJSON holds no Point feature to plot (it holds 1 × LineString, 1 × Polygon, 1 × no geometry)',
      ],
      ['a Point without an id', point([1, 2]), "the GeoJSON feature has no id (neither the feature's id nor a uid or id property)"],
      ['an out-of-range latitude', point([10, -95], { id: 'a' }), 'the GeoJSON feature has latitude -95, outside -90 to 90'],
      ['an out-of-range longitude', point([200, 10], { id: 'a' }), 'the GeoJSON feature has longitude 200, outside -180 to 180'],
      ['coordinates in the wrong order of types', point(['1', '2'], { id: 'a' }), 'the GeoJSON feature has Point coordinates that are not [longitude, latitude]'],
      ['a Point with no coordinates', { type: 'Feature', id: 'a', geometry: { type: 'Point' }, properties: {} }, 'the GeoJSON feature has a Point without coordinates'],
      ['a feature that is not a Feature', { type: 'FeatureCollection', features: [42] }, 'feature 0 of the GeoJSON collection is not a Feature object'],
      ['an unreadable time', point([1, 2], { id: 'a', time: 'noon' }), /^the GeoJSON feature a has a time that is not ISO 8601/],
      ['an unreadable stale time', point([1, 2], { id: 'a', stale: 'later' }), /^the GeoJSON feature a has a stale time that is not ISO 8601/],
    ])('Then a record with %s is refused with a reason', (_case, value, reason) => {
      expect(errorOf(value)).toMatch(reason);
    });

    it('Then text that is not JSON is refused', () => {
      expect(decodeGeoJson(new TextEncoder().encode('{"type":"Feature",'))).toMatchObject({ ok: false, error: expect.stringMatching(/^the record is not valid JSON/) });
    });

    it('Then 2,000 random and mutated records never make it throw or report nonsense', () => {
      const samples = [fixtureBytes('geojson/patrol-features.geojson'), bytes(point([1, 2], { id: 'a', time: 5 }))];

      expect(fuzzFailures(decodeGeoJson, fuzzInputs(0x6e0, samples))).toEqual([]);
    });
  });
});
