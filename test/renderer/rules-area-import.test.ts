// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readAreaFile } from '../../renderer/rules/area-import';

const RING = [
  [8.93, 39.985],
  [9.03, 39.985],
  [9.03, 39.915],
  [8.93, 39.915],
];
const CLOSED_RING = [...RING, RING[0]];
const NO_POLYGON = 'The file has no polygon. Outpost reads the first Polygon or MultiPolygon of a GeoJSON file (its outer ring), a GeoJSON Point with a radius property in metres, or the first Polygon of a KML file.';

const kml = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>BRAVO</name>${body}</Placemark></Document></kml>`;

describe('Given a GeoJSON file chosen as a geofence’s area', () => {
  it('When it is a FeatureCollection whose first polygon has a hole, Then the area is its outer ring, without the repeated closing corner', () => {
    const hole = [
      [8.95, 39.95],
      [8.96, 39.95],
      [8.96, 39.94],
      [8.95, 39.95],
    ];
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'a road' }, geometry: { type: 'LineString', coordinates: RING } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [CLOSED_RING, hole] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] } },
      ],
    };

    expect(readAreaFile('bravo.geojson', JSON.stringify(file))).toEqual({ ok: true, area: { shape: 'polygon', ring: RING } });
  });

  it('When it is a bare MultiPolygon, Then the area is its first polygon’s outer ring', () => {
    const file = { type: 'MultiPolygon', coordinates: [[CLOSED_RING], [[[0, 0], [1, 0], [1, 1], [0, 0]]]] };
    expect(readAreaFile('zones.json', JSON.stringify(file))).toEqual({ ok: true, area: { shape: 'polygon', ring: RING } });
  });

  it('When it is a Point feature with a radius in metres, Then the area is that circle', () => {
    const file = { type: 'Feature', properties: { radius: 2500 }, geometry: { type: 'Point', coordinates: [9.11, 39.21] } };
    expect(readAreaFile('port.geojson', JSON.stringify(file))).toEqual({ ok: true, area: { shape: 'circle', lat: 39.21, lon: 9.11, radiusMetres: 2500 } });
  });

  it.each([
    ['a point without a radius', { type: 'Point', coordinates: [9.11, 39.21] }, 'The file’s first shape is a point without a radius. Give the Point a “radius” property in metres, or draw the area instead.'],
    ['only lines', { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: RING } }, NO_POLYGON],
    ['a polygon of two corners', { type: 'Polygon', coordinates: [[[9, 40], [9.1, 40]]] }, 'The area in the file cannot be used: A polygon needs at least three corners. Check the file, or draw the area instead.'],
    [
      'latitude written first',
      { type: 'Polygon', coordinates: [[[39.9, 8.9], [39.9, 9.1], [200, 9.1]]] },
      'A corner lies outside the world: latitudes run from -90 to 90 and longitudes from -180 to 180. The file may list latitude first, where GeoJSON and KML put the longitude first.',
    ],
    ['a corner that is not a pair of numbers', { type: 'Polygon', coordinates: [[[9, 40], ['9.1', 40], [9, 40.1]]] }, 'The polygon has a corner that is not a longitude and latitude pair. Check the file, or draw the area instead.'],
  ])('When it holds %s, Then it says what is wrong and what to do', (_case, file, problem) => {
    expect(readAreaFile('area.geojson', JSON.stringify(file))).toEqual({ ok: false, problem });
  });

  it('When it is not JSON at all, Then it says so', () => {
    expect(readAreaFile('area.geojson', '{ "type": ')).toMatchObject({ ok: false, problem: expect.stringMatching(/^The file is not GeoJSON: it is not valid JSON\./) });
  });
});

describe('Given a KML file chosen as a geofence’s area', () => {
  it('When its first Polygon has an outer boundary with altitudes, Then the area is that ring', () => {
    const text = kml(`<Polygon><outerBoundaryIs><LinearRing><coordinates>
      8.93,39.985,0 9.03,39.985,0
      9.03,39.915,0 8.93,39.915,0 8.93,39.985,0
    </coordinates></LinearRing></outerBoundaryIs><innerBoundaryIs><LinearRing><coordinates>8.95,39.95 8.96,39.95 8.96,39.94</coordinates></LinearRing></innerBoundaryIs></Polygon>`);

    expect(readAreaFile('bravo.kml', text)).toEqual({ ok: true, area: { shape: 'polygon', ring: RING } });
  });

  it('When it has only a point, or is not XML, Then it says so', () => {
    expect(readAreaFile('spot.kml', kml('<Point><coordinates>9.1,39.2</coordinates></Point>'))).toEqual({ ok: false, problem: NO_POLYGON });
    expect(readAreaFile('broken.kml', '<kml><Placemark>')).toMatchObject({ ok: false, problem: expect.stringMatching(/^The file is not KML: it is not well-formed XML\./) });
  });
});
