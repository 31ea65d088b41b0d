import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Basemap } from '../../../shared/basemaps';
import { firstLayerAboveBasemaps, NATURAL_EARTH_LAYERS_HIDDEN_UNDER_PACKAGE } from './layer-order';
import { isPackageStyleId, packageLayers, packageSource, packageSourceId } from './package-style';

/** A tile package to draw, with the URL template its tiles are fetched from. */
export interface ShownPackage {
  readonly basemap: Basemap;
  readonly tileUrl: string;
}

/**
 * Shows a tile package, or Natural Earth alone when `shown` is null. It edits the style in place
 * rather than calling setStyle, which would drop the tracks, their symbols, the glyphs, the
 * measurement layers and the theme's colours.
 */
export function showBasemap(map: MapLibreMap, shown: ShownPackage | null): void {
  takeOffPackages(map);
  const source = shown === null ? null : packageSource(shown.basemap, shown.tileUrl);
  for (const layer of NATURAL_EARTH_LAYERS_HIDDEN_UNDER_PACKAGE) {
    if (map.getLayer(layer) !== undefined) map.setLayoutProperty(layer, 'visibility', source === null ? 'visible' : 'none');
  }
  if (shown === null || source === null) return;
  const sourceId = packageSourceId(shown.basemap);
  const beneath = firstLayerAboveBasemaps(map.getStyle().layers.map((layer) => layer.id));
  map.addSource(sourceId, source);
  for (const layer of packageLayers(shown.basemap)) map.addLayer(layer, beneath);
}

function takeOffPackages(map: MapLibreMap): void {
  const style = map.getStyle();
  for (const layer of style.layers) {
    if (isPackageStyleId(layer.id)) map.removeLayer(layer.id);
  }
  for (const sourceId of Object.keys(style.sources)) {
    if (isPackageStyleId(sourceId)) map.removeSource(sourceId);
  }
}
