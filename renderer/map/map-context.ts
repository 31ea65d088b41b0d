import { createContext, useContext } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The loaded map, for the components drawn over it (tools, controls, panels).
 * Null until the style has loaded, so a consumer never touches a half-built map.
 */
export const MapContext = createContext<MapLibreMap | null>(null);

export function useMap(): MapLibreMap | null {
  return useContext(MapContext);
}
