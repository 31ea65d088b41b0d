import { describe, expect, it } from 'vitest';
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { tilesPathFor, type Basemap } from '../../shared/basemaps';
import { showBasemap } from '../../renderer/map/basemaps/show-basemap';
import { SELECTION_LAYER, TRACK_LAYER } from '../../renderer/map/track-layers';

/** Just enough of a MapLibre map to watch which layers are added where and which are hidden. */
function aMapWithNaturalEarthAndTracks() {
  const layers: { id: string; visibility?: string }[] = ['sea', 'graticule', 'land', 'coastlines', 'borders', SELECTION_LAYER, TRACK_LAYER].map((id) => ({ id }));
  const sources = new Map<string, SourceSpecification>();
  const map = {
    getStyle: () => ({ layers: layers.map(({ id }) => ({ id })), sources: Object.fromEntries(sources) }) as unknown as StyleSpecification,
    getLayer: (id: string) => layers.find((layer) => layer.id === id),
    setLayoutProperty: (id: string, property: string, value: string) => {
      const layer = layers.find((candidate) => candidate.id === id);
      if (layer !== undefined && property === 'visibility') layer.visibility = value;
    },
    addSource: (id: string, source: SourceSpecification) => void sources.set(id, source),
    removeSource: (id: string) => void sources.delete(id),
    addLayer: (layer: LayerSpecification, beforeId?: string) => {
      const index = beforeId === undefined ? layers.length : layers.findIndex(({ id }) => id === beforeId);
      layers.splice(index, 0, { id: layer.id });
    },
    removeLayer: (id: string) => void layers.splice(layers.findIndex((layer) => layer.id === id), 1),
    setStyle: () => {
      throw new Error('Switching basemaps must not replace the style.');
    },
  };
  return {
    map: map as unknown as MapLibreMap,
    layerIds: () => layers.map(({ id }) => id),
    hidden: () => layers.filter(({ visibility }) => visibility === 'none').map(({ id }) => id),
    sourceIds: () => [...sources.keys()],
  };
}

function aRasterPackage(id: string): Basemap {
  return {
    id,
    name: id,
    kind: 'mbtiles',
    tileType: 'raster',
    format: 'png',
    minZoom: 0,
    maxZoom: 6,
    bounds: null,
    center: null,
    attribution: null,
    vectorLayers: [],
    tilesPath: tilesPathFor(id),
    unavailableReason: null,
  };
}

describe('Given a map with Natural Earth under the tracks', () => {
  it('When a raster package is shown, Then its layer goes above the borders and below the selection, and Natural Earth land, coastlines and borders hide', () => {
    const fake = aMapWithNaturalEarthAndTracks();
    showBasemap(fake.map, { basemap: aRasterPackage('topo'), tileUrl: 'app://outpost/tiles/topo/{z}/{x}/{y}' });
    expect(fake.layerIds()).toEqual(['sea', 'graticule', 'land', 'coastlines', 'borders', 'basemap-package:topo:raster', SELECTION_LAYER, TRACK_LAYER]);
    expect(fake.hidden()).toEqual(['land', 'coastlines', 'borders']);
    expect(fake.sourceIds()).toEqual(['basemap-package:topo']);
  });

  it('When another package replaces it, Then only the new package is on the map, in the same place', () => {
    const fake = aMapWithNaturalEarthAndTracks();
    showBasemap(fake.map, { basemap: aRasterPackage('topo'), tileUrl: 'app://outpost/tiles/topo/{z}/{x}/{y}' });
    showBasemap(fake.map, { basemap: aRasterPackage('chart'), tileUrl: 'app://outpost/tiles/chart/{z}/{x}/{y}' });
    expect(fake.layerIds()).toEqual(['sea', 'graticule', 'land', 'coastlines', 'borders', 'basemap-package:chart:raster', SELECTION_LAYER, TRACK_LAYER]);
    expect(fake.sourceIds()).toEqual(['basemap-package:chart']);
  });

  it('When Natural Earth is shown again, Then the package is taken off and land, coastlines and borders show again', () => {
    const fake = aMapWithNaturalEarthAndTracks();
    showBasemap(fake.map, { basemap: aRasterPackage('topo'), tileUrl: 'app://outpost/tiles/topo/{z}/{x}/{y}' });
    showBasemap(fake.map, null);
    expect(fake.layerIds()).toEqual(['sea', 'graticule', 'land', 'coastlines', 'borders', SELECTION_LAYER, TRACK_LAYER]);
    expect(fake.hidden()).toEqual([]);
    expect(fake.sourceIds()).toEqual([]);
  });
});
