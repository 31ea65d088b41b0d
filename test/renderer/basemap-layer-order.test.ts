import { describe, expect, it } from 'vitest';
import { firstLayerAboveBasemaps } from '../../renderer/map/basemaps/layer-order';
import { PACKAGE_STYLE_PREFIX } from '../../renderer/map/basemaps/package-style';
import { SELECTION_LAYER, TRACK_LAYER } from '../../renderer/map/track-layers';

const NATURAL_EARTH = ['sea', 'graticule', 'land', 'coastlines', 'borders'];

describe('Given the map layers from bottom to top', () => {
  it('When the tracks sit above Natural Earth, Then a package goes beneath the lowest track layer', () => {
    expect(firstLayerAboveBasemaps([...NATURAL_EARTH, SELECTION_LAYER, TRACK_LAYER])).toBe(SELECTION_LAYER);
  });

  it('When another package is still on the map, Then its layers count as basemap and are skipped', () => {
    expect(firstLayerAboveBasemaps([...NATURAL_EARTH, `${PACKAGE_STYLE_PREFIX}old:raster`, SELECTION_LAYER])).toBe(SELECTION_LAYER);
  });

  it('When nothing but basemap layers is on the map, Then there is no layer to go beneath', () => {
    expect(firstLayerAboveBasemaps(NATURAL_EARTH)).toBeUndefined();
  });
});
