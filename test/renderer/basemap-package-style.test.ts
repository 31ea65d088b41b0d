import { describe, expect, it } from 'vitest';
import { tilesPathFor, type Basemap } from '../../shared/basemaps';
import { isPackageStyleId, packageLayers, packageSource, packageSourceId } from '../../renderer/map/basemaps/package-style';

const TILE_URL = 'http://127.0.0.1:41234/tiles/area/{z}/{x}/{y}?token=abc';

function aPackage(overrides: Partial<Basemap>): Basemap {
  return {
    id: 'area',
    name: 'Area',
    kind: 'mbtiles',
    tileType: 'raster',
    format: 'png',
    minZoom: 0,
    maxZoom: 6,
    bounds: [6, 37, 13, 43],
    center: null,
    attribution: '© Test Survey Office',
    vectorLayers: [],
    tilesPath: tilesPathFor('area'),
    unavailableReason: null,
    ...overrides,
  };
}

describe('Given a raster package', () => {
  const raster = aPackage({});

  it('When its source is built, Then it is a 256-pixel raster source with the package zooms, bounds and attribution', () => {
    expect(packageSource(raster, TILE_URL)).toEqual({
      type: 'raster',
      tileSize: 256,
      tiles: [TILE_URL],
      minzoom: 0,
      maxzoom: 6,
      bounds: [6, 37, 13, 43],
      attribution: '© Test Survey Office',
    });
  });

  it('When its layers are built, Then one raster layer draws its source, under an id the switcher can find again', () => {
    const layers = packageLayers(raster);
    expect(layers).toEqual([{ id: `${packageSourceId(raster)}:raster`, type: 'raster', source: packageSourceId(raster) }]);
    expect(layers.every((layer) => isPackageStyleId(layer.id))).toBe(true);
  });

  it('When it states no bounds, Then the source covers the whole world', () => {
    expect(packageSource(aPackage({ bounds: null }), TILE_URL)).not.toHaveProperty('bounds');
  });
});

describe('Given a vector package with two source layers', () => {
  const vector = aPackage({ tileType: 'vector', format: 'pbf', maxZoom: 14, vectorLayers: [{ id: 'water' }, { id: 'roads' }] });

  it('When its source is built, Then it is a vector source with the package zooms', () => {
    expect(packageSource(vector, TILE_URL)).toMatchObject({ type: 'vector', tiles: [TILE_URL], minzoom: 0, maxzoom: 14 });
  });

  it('When its layers are built, Then each source layer gets a fill for polygons, a line for lines and a circle for points', () => {
    const layers = packageLayers(vector);
    expect(layers.map((layer) => [layer.type, 'source-layer' in layer ? layer['source-layer'] : null])).toEqual([
      ['fill', 'water'],
      ['line', 'water'],
      ['circle', 'water'],
      ['fill', 'roads'],
      ['line', 'roads'],
      ['circle', 'roads'],
    ]);
    const filters = layers.slice(0, 3).map((layer) => ('filter' in layer ? layer.filter : null));
    expect(filters).toEqual([
      ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false],
      ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false],
      ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false],
    ]);
    expect(new Set(layers.map((layer) => layer.id)).size).toBe(layers.length);
  });
});

describe('Given a package whose file cannot be read now', () => {
  const unreadable = aPackage({ tileType: null, format: null, unavailableReason: 'The file cannot be found.' });

  it('When its source and layers are built, Then there is nothing to draw', () => {
    expect(packageSource(unreadable, TILE_URL)).toBeNull();
    expect(packageLayers(unreadable)).toEqual([]);
  });
});
