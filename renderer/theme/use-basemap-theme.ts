import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { applyPaint, basemapPaint } from './basemap-paint';
import { mapPalettes } from './map-palettes';
import type { Theme } from './themes';

/** Recolours the basemap in place: no style reload, so tracks and tools on the map stay as they are. */
export function useBasemapTheme(map: MapLibreMap, theme: Theme): void {
  useEffect(() => {
    applyPaint(map, basemapPaint(mapPalettes[theme].basemap));
  }, [map, theme]);
}
