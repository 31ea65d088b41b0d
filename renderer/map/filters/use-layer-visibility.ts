import { useCallback, useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { isMapRemoved } from '../tools/map-removed';
import { LAYER_IDS_BY_TOGGLE, LAYER_TOGGLES, readLayerVisibility, writeLayerVisibility, type LayerToggle, type LayerVisibility } from './layer-visibility';

/**
 * Which track layers are shown, remembered for the next start, and kept so on the map: a layer
 * added later (the trails come after the tracks) is shown or hidden as soon as it appears.
 */
export function useLayerVisibility(map: MapLibreMap): [LayerVisibility, (toggle: LayerToggle, shown: boolean) => void] {
  const [visibility, setVisibility] = useState(() => readLayerVisibility(browserStorage()));

  useEffect(() => {
    const show = (): void => {
      if (isMapRemoved(map)) return;
      for (const toggle of LAYER_TOGGLES) {
        const wanted = visibility[toggle] ? 'visible' : 'none';
        for (const id of LAYER_IDS_BY_TOGGLE[toggle]) {
          if (map.getLayer(id) === undefined) continue;
          // An unset visibility means visible; comparing first keeps a style change from causing another.
          if ((map.getLayoutProperty(id, 'visibility') ?? 'visible') !== wanted) map.setLayoutProperty(id, 'visibility', wanted);
        }
      }
    };
    show();
    map.on('styledata', show);
    return () => {
      map.off('styledata', show);
    };
  }, [map, visibility]);

  const toggle = useCallback((layer: LayerToggle, shown: boolean) => {
    setVisibility((previous) => {
      const next = { ...previous, [layer]: shown };
      writeLayerVisibility(browserStorage(), next);
      return next;
    });
  }, []);

  return [visibility, toggle];
}

/** Merely reading window.localStorage throws where the browser denies storage to the page. */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
