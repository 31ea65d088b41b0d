import type { Map as MapLibreMap } from 'maplibre-gl';
import { isMapRemoved } from './map-removed';

const CROSSHAIR_CLASS = 'maplibregl-crosshair';

/**
 * Puts the map into a mode where clicks place points: a crosshair cursor, Esc to leave, and no
 * zoom on a double-click, which quick clicks to place points would otherwise trigger. Returns
 * the function that puts the map back as it was.
 */
export function enterPlacingMode(map: MapLibreMap, onEscape: () => void): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') onEscape();
  };
  window.addEventListener('keydown', onKeyDown);
  const doubleClickZoomWasOn = map.doubleClickZoom.isEnabled();
  map.doubleClickZoom.disable();
  map.getContainer().classList.add(CROSSHAIR_CLASS);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    if (isMapRemoved(map)) return;
    if (doubleClickZoomWasOn) map.doubleClickZoom.enable();
    map.getContainer().classList.remove(CROSSHAIR_CLASS);
  };
}
