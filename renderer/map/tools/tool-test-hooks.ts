import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TRACK_SOURCE } from '../track-layers';
import { TRAIL_SOURCE } from '../trails/trail-layer';

const LIVE_SOURCES: ReadonlySet<string> = new Set([TRACK_SOURCE, TRAIL_SOURCE]);

export interface MapToolTestHooks {
  /** Centres the map on a position at a zoom, at once. */
  jumpTo(lat: number, lon: number, zoom: number): void;
  /** Where a position is drawn, in the page's CSS pixels, for a test to move the mouse there. */
  clientPointOf(lat: number, lon: number): { x: number; y: number };
  rotateTo(bearing: number): void;
  bearing(): number;
  /** The current value of a layer's paint property, such as a basemap colour. */
  paintValue(layer: string, property: string): unknown;
  renderedFeatureCount(layer: string): number;
  /**
   * Resolves at the first frame drawn with the map at rest and every source but the live ones
   * (tracks, trails) loaded. A live feed keeps its own sources loading, so waiting for MapLibre's
   * `idle` could wait for as long as the feed runs.
   */
  idle(): Promise<void>;
}

/**
 * Probes and moves for the end-to-end tests of the map tools, installed as
 * `window.__outpostMapTools` only when the page is opened with `?testHooks`.
 */
export function useMapToolTestHooks(map: MapLibreMap, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const hooks: MapToolTestHooks = {
      // Braces, not an expression: jumpTo returns the map, which the test would then try to copy out of the page.
      jumpTo: (lat, lon, zoom) => {
        map.jumpTo({ center: [lon, lat], zoom });
      },
      clientPointOf: (lat, lon) => {
        const point = map.project([lon, lat]);
        const canvas = map.getCanvas().getBoundingClientRect();
        return { x: canvas.left + point.x, y: canvas.top + point.y };
      },
      rotateTo: (bearing) => {
        map.jumpTo({ bearing });
      },
      bearing: () => map.getBearing(),
      paintValue: (layer, property) => map.getPaintProperty(layer, property),
      renderedFeatureCount: (layer) => map.queryRenderedFeatures({ layers: [layer] }).length,
      idle: () =>
        new Promise((resolve) => {
          const settledSources = (): boolean =>
            Object.keys(map.getStyle().sources)
              .filter((id) => !LIVE_SOURCES.has(id))
              .every((id) => map.isSourceLoaded(id));
          const check = (): void => {
            if (map.isMoving() || !settledSources()) return;
            map.off('render', check);
            resolve();
          };
          map.on('render', check);
          map.triggerRepaint();
        }),
    };
    Object.defineProperty(window, '__outpostMapTools', { value: Object.freeze(hooks), configurable: true });
    return () => {
      Reflect.deleteProperty(window, '__outpostMapTools');
    };
  }, [map, enabled]);
}
