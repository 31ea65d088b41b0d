import { BUNDLED_BASEMAP_ID, type Basemap } from '../../../shared/basemaps';

/** Natural Earth 1:50m, shipped with the renderer and drawn from inline GeoJSON: no tiles to serve. */
export const BUNDLED_BASEMAP: Basemap = {
  id: BUNDLED_BASEMAP_ID,
  name: 'Natural Earth',
  kind: 'bundled',
  tileType: null,
  format: null,
  minZoom: 0,
  maxZoom: 22,
  bounds: null,
  center: null,
  attribution: 'Natural Earth',
  vectorLayers: [],
  tilesPath: null,
  unavailableReason: null,
};
