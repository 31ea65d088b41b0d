import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BasemapColours } from './map-palettes';

export interface PaintSetting {
  readonly layer: string;
  readonly property: string;
  readonly value: string;
}

/** Which paint property of which basemap layer (ids from renderer/map/basemap.ts) takes each colour. */
export function basemapPaint(colours: BasemapColours): PaintSetting[] {
  return [
    { layer: 'sea', property: 'background-color', value: colours.sea },
    { layer: 'land', property: 'fill-color', value: colours.land },
    { layer: 'coastlines', property: 'line-color', value: colours.coast },
    { layer: 'borders', property: 'line-color', value: colours.border },
    { layer: 'graticule', property: 'line-color', value: colours.graticule },
  ];
}

/** Skips a layer the style does not have, so a renamed basemap layer loses its theme instead of breaking the map. */
export function applyPaint(map: MapLibreMap, settings: readonly PaintSetting[]): void {
  for (const { layer, property, value } of settings) {
    if (map.getLayer(layer) !== undefined) map.setPaintProperty(layer, property, value);
  }
}
