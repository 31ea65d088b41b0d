import { describe, expect, it } from 'vitest';
import { isTilePath, parseTilePath } from '../../electron/hosting/tile-path';

describe('Given tile URL paths', () => {
  it.each([
    ['/tiles/sardinia-topo/0/0/0', { basemapId: 'sardinia-topo', z: 0, x: 0, y: 0 }],
    ['/tiles/sardinia-topo/14/8700/6200', { basemapId: 'sardinia-topo', z: 14, x: 8700, y: 6200 }],
    ['/tiles/streets-2/3/7/1.pbf', { basemapId: 'streets-2', z: 3, x: 7, y: 1 }],
    ['/tiles/imagery/26/67108863/0.webp', { basemapId: 'imagery', z: 26, x: 67108863, y: 0 }],
  ])('When %s is parsed, Then it names one tile', (path, address) => {
    expect(isTilePath(path)).toBe(true);
    expect(parseTilePath(path)).toEqual(address);
  });

  it.each([
    ['a static asset', '/assets/app.js'],
    ['too few parts', '/tiles/topo/1/1'],
    ['too many parts', '/tiles/topo/1/1/1/1'],
    ['an x beyond its zoom', '/tiles/topo/1/2/0'],
    ['a y beyond its zoom', '/tiles/topo/0/0/1'],
    ['a zoom beyond the deepest', '/tiles/topo/27/0/0'],
    ['a negative number', '/tiles/topo/1/-1/0'],
    ['a leading zero', '/tiles/topo/1/01/0'],
    ['a fraction', '/tiles/topo/1/0.5/0'],
    ['a traversal in the id', '/tiles/../0/0/0'],
    ['an encoded traversal in the id', '/tiles/%2e%2e%2fcache.db/0/0/0'],
    ['an upper-case id', '/tiles/Topo/0/0/0'],
    ['two extensions', '/tiles/topo/0/0/0.png.exe'],
    ['an empty id', '/tiles//0/0/0'],
  ])('When a path has %s, Then it names no tile', (_case, path) => {
    expect(parseTilePath(path)).toBeNull();
  });

  it('Then only paths under /tiles/ belong to the tile route', () => {
    expect(isTilePath('/tiles')).toBe(false);
    expect(isTilePath('/tilesets/x')).toBe(false);
    expect(isTilePath('/index.html')).toBe(false);
  });
});
