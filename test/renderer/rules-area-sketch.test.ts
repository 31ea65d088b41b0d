import { describe, expect, it } from 'vitest';
import { distanceMetres, type LatLon } from '../../shared/geo';
import { areaFeatures, areaOutline, circleArea, closedPolygon, polygonArea, polygonClick, SNAP_PIXELS } from '../../renderer/map/tools/area-sketch';

const A = { lat: 40, lon: 9 };
const B = { lat: 40, lon: 9.1 };
const C = { lat: 39.9, lon: 9.1 };
const D = { lat: 39.9, lon: 9 };

/** On-screen distance as if one degree were 1,000 pixels: enough to tell a click on a corner from one beside it. */
const pixelsFrom =
  (point: LatLon) =>
  (corner: LatLon): number =>
    Math.hypot(point.lat - corner.lat, point.lon - corner.lon) * 1_000;

describe('Given a polygon being drawn on the map', () => {
  it('When corners are clicked, Then each is added', () => {
    expect(polygonClick([A, B], C, pixelsFrom(C))).toEqual({ kind: 'add', corners: [A, B, C] });
  });

  it('When the last corner is clicked again, as the second click of a double-click does, Then nothing is added', () => {
    const besideLast = { lat: C.lat + 0.005, lon: C.lon };
    expect(polygonClick([A, B, C], besideLast, pixelsFrom(besideLast))).toEqual({ kind: 'ignore' });
  });

  it('When the first corner is clicked with three placed, Then the polygon closes as a ring in GeoJSON order', () => {
    const nearFirst = { lat: A.lat + (SNAP_PIXELS - 1) / 1_000, lon: A.lon };
    expect(polygonClick([A, B, C, D], nearFirst, pixelsFrom(nearFirst))).toEqual({
      kind: 'close',
      area: { shape: 'polygon', ring: [[9, 40], [9.1, 40], [9.1, 39.9], [9, 39.9]] },
    });
  });

  it('When the first corner is clicked with only two placed, Then it is a new corner, and closing is refused until there are three', () => {
    expect(polygonClick([A, B], A, pixelsFrom(A))).toEqual({ kind: 'add', corners: [A, B, A] });
    expect(closedPolygon([A, B])).toEqual({ kind: 'ignore' });
    expect(polygonArea([A, B])).toBeNull();
  });

  it('When a corner is placed on a copy of the world beyond 180°, Then the ring keeps its longitude within ±180°', () => {
    expect(polygonArea([{ lat: 10, lon: 190 }, { lat: 10, lon: 200 }, { lat: 0, lon: 200 }])).toEqual({ shape: 'polygon', ring: [[-170, 10], [-160, 10], [-160, 0]] });
  });
});

describe('Given a circle being drawn on the map', () => {
  it('When the centre and then the edge are clicked, Then the radius is the distance between them', () => {
    const edge = { lat: 40.01, lon: 9 };
    expect(circleArea(A, edge)).toEqual({ shape: 'circle', lat: 40, lon: 9, radiusMetres: distanceMetres(A, edge) });
    expect(circleArea(A, A)).toBeNull();
  });

  it('When it is drawn, Then its outline is a closed ring of points all at the radius', () => {
    const outline = areaOutline({ shape: 'circle', lat: 40, lon: 9, radiusMetres: 2_500 });
    expect(outline.at(0)).toEqual(outline.at(-1));
    for (const point of outline) expect(distanceMetres(A, point)).toBeCloseTo(2_500, 3);
  });
});

describe('Given what the map draws of an area', () => {
  it('When a saved area is shown and a polygon is being drawn, Then there is the area, the sketch filled and outlined to the pointer, and a dot per corner', () => {
    const features = areaFeatures({ shape: 'polygon', ring: [[9, 40], [9.1, 40], [9.1, 39.9]] }, { shape: 'polygon', corners: [A, B] }, C);
    expect(features.features.map((feature) => [feature.properties.kind, feature.geometry.type])).toEqual([
      ['area', 'Polygon'],
      ['sketch-fill', 'Polygon'],
      ['sketch-line', 'LineString'],
      ['sketch-vertex', 'Point'],
      ['sketch-vertex', 'Point'],
    ]);
  });

  it('When a circle’s centre is placed and the pointer is away from it, Then the preview circle, its radius and the centre are drawn', () => {
    const features = areaFeatures(null, { shape: 'circle', centre: A }, B);
    expect(features.features.map((feature) => feature.properties.kind)).toEqual(['sketch-fill', 'sketch-line', 'sketch-vertex']);
    expect(areaFeatures(null, { shape: 'circle', centre: null }, B).features).toEqual([]);
  });
});
