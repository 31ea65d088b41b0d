import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TRAIL_LAYER } from './trail-layer';

export interface TrailTestHooks {
  /** How many trail lines the map has drawn in the viewport. */
  renderedTrailCount(): number;
}

/** A probe for the end-to-end tests, installed as `window.__outpostTrails` only when the page is opened with `?testHooks`. */
export function useTrailTestHooks(map: MapLibreMap, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const hooks: TrailTestHooks = {
      renderedTrailCount: () => map.queryRenderedFeatures({ layers: [TRAIL_LAYER] }).length,
    };
    Object.defineProperty(window, '__outpostTrails', { value: Object.freeze(hooks), configurable: true });
    return () => {
      Reflect.deleteProperty(window, '__outpostTrails');
    };
  }, [map, enabled]);
}
