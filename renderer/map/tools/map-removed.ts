import type { Map as MapLibreMap, Style } from 'maplibre-gl';

/**
 * True once MapView has removed the map. When the map unmounts, React cleans up MapView's effect
 * (which removes the map) before the effects of the tools inside it, and a removed map throws on
 * most calls. Removal drops the map's style, which is the one public sign of it.
 */
export function isMapRemoved(map: MapLibreMap): boolean {
  return (map.style as Style | undefined) === undefined;
}
