import { describe, expect, it } from 'vitest';
import { BUNDLED_BASEMAP_ID, tilesPathFor, type Basemap } from '../../shared/basemaps';
import { bundledFirst, isSelectable, shownBasemapId } from '../../renderer/map/basemaps/basemap-choice';

const naturalEarth: Basemap = {
  id: BUNDLED_BASEMAP_ID,
  name: 'Natural Earth',
  kind: 'bundled',
  tileType: null,
  format: null,
  minZoom: 0,
  maxZoom: 10,
  bounds: null,
  center: null,
  attribution: null,
  vectorLayers: [],
  tilesPath: null,
  unavailableReason: null,
};

function aPackage(id: string, unavailableReason: string | null = null): Basemap {
  return {
    ...naturalEarth,
    id,
    name: id,
    kind: 'mbtiles',
    tileType: unavailableReason === null ? 'raster' : null,
    format: unavailableReason === null ? 'png' : null,
    tilesPath: tilesPathFor(id),
    unavailableReason,
  };
}

const topo = aPackage('topo');
const unplugged = aPackage('unplugged', 'The file /media/usb/area.mbtiles cannot be found; plug the drive back in or remove this basemap.');

describe('Given the basemaps the core lists', () => {
  it('When the remembered package is listed and readable, Then it is shown', () => {
    expect(shownBasemapId([naturalEarth, topo], 'topo')).toBe('topo');
  });

  it('When the remembered package has been removed, Then Natural Earth is shown', () => {
    expect(shownBasemapId([naturalEarth, topo], 'gone')).toBe(BUNDLED_BASEMAP_ID);
  });

  it('When nothing was remembered, Then Natural Earth is shown', () => {
    expect(shownBasemapId([naturalEarth, topo], null)).toBe(BUNDLED_BASEMAP_ID);
  });

  it('When the remembered package cannot be read now, Then Natural Earth is shown and the package cannot be selected', () => {
    expect(shownBasemapId([naturalEarth, unplugged], 'unplugged')).toBe(BUNDLED_BASEMAP_ID);
    expect(isSelectable(unplugged)).toBe(false);
  });

  it('When Natural Earth is chosen, Then it is selectable and shown', () => {
    expect(isSelectable(naturalEarth)).toBe(true);
    expect(shownBasemapId([naturalEarth, topo], BUNDLED_BASEMAP_ID)).toBe(BUNDLED_BASEMAP_ID);
  });

  it('When the core lists Natural Earth after the packages, Then the list puts it first and keeps the packages in order', () => {
    expect(bundledFirst([topo, unplugged, naturalEarth]).map((basemap) => basemap.id)).toEqual([BUNDLED_BASEMAP_ID, 'topo', 'unplugged']);
  });
});
