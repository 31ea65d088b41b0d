import { describe, expect, it } from 'vitest';
import { BASEMAP_ID } from '../../../shared/basemaps';
import { basemapIdFor } from '../../../electron/core/basemaps/basemap-id';

const nothingTaken = (): boolean => false;

describe('Given basemap ids made from file names', () => {
  it.each([
    ['/maps/Sardinia 1-50k.mbtiles', 'sardinia-1-50k'],
    ['/maps/Città di Cagliari.pmtiles', 'citta-di-cagliari'],
    ['/maps/__OSM__ (2026).mbtiles', 'osm-2026'],
    ['/maps/岛.mbtiles', 'basemap'],
    [`/maps/${'very-long-name-'.repeat(5)}.mbtiles`, 'very-long-name-very-long-name-ve'],
  ])('When the file is %s, Then the id is %s', (path, id) => {
    expect(basemapIdFor(path, nothingTaken)).toBe(id);
    expect(id).toMatch(BASEMAP_ID);
  });

  it('When the id is taken, Then the next free numbered suffix is added', () => {
    const taken = new Set(['natural-earth', 'natural-earth-2']);
    expect(basemapIdFor('/maps/Natural Earth.mbtiles', (id) => taken.has(id))).toBe('natural-earth-3');
  });
});
