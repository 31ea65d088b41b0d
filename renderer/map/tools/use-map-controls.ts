import { useEffect } from 'react';
import { NavigationControl, ScaleControl } from 'maplibre-gl/dist/maplibre-gl-csp.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { isMapRemoved } from './map-removed';

/** Longest a scale bar grows, in pixels; it shortens to the nearest round distance. */
const SCALE_BAR_MAX_WIDTH = 120;

/**
 * Zoom buttons and a compass (a click turns the map back to north) in the top-right corner;
 * metric and nautical scale bars in the bottom-left.
 */
export function useMapControls(map: MapLibreMap): void {
  useEffect(() => {
    // A bottom corner stacks its controls upwards, so nautical goes in first to sit under metric.
    const controls = [
      { control: new NavigationControl({ showCompass: true, showZoom: true, visualizePitch: false }), corner: 'top-right' },
      { control: new ScaleControl({ unit: 'nautical', maxWidth: SCALE_BAR_MAX_WIDTH }), corner: 'bottom-left' },
      { control: new ScaleControl({ unit: 'metric', maxWidth: SCALE_BAR_MAX_WIDTH }), corner: 'bottom-left' },
    ] as const;
    for (const { control, corner } of controls) map.addControl(control, corner);
    return () => {
      if (isMapRemoved(map)) return;
      for (const { control } of controls) map.removeControl(control);
    };
  }, [map]);
}
