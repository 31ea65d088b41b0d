import { useCallback, useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Basemap } from '../../../shared/basemaps';
import { isMapRemoved } from '../tools/map-removed';
import { BASEMAP_STORAGE_KEY, shownBasemapId } from './basemap-choice';
import { pageTileHost } from './page-tile-host';
import { showBasemap } from './show-basemap';
import { tileUrlTemplate } from './tile-url';

/**
 * The basemap on the map, chosen by the analyst and remembered in localStorage. Until the list
 * arrives the map keeps Natural Earth; a remembered package that is gone falls back to it.
 */
export function useShownBasemap(map: MapLibreMap, basemaps: readonly Basemap[] | null): [string | null, (id: string) => void] {
  const [wantedId, setWantedId] = useState(readRememberedId);
  const shownId = basemaps === null ? null : shownBasemapId(basemaps, wantedId);
  const shown = basemaps?.find((basemap) => basemap.id === shownId);
  // Compared by content: each refresh of the list brings new objects, and redrawing an unchanged
  // package would drop its tiles and fetch them all again.
  const shownContent = shown === undefined ? null : JSON.stringify(shown);

  useEffect(() => {
    if (shownContent === null) return;
    const basemap = JSON.parse(shownContent) as Basemap;
    const tileUrl = basemap.tilesPath === null ? null : tileUrlTemplate(basemap.tilesPath, pageTileHost(window));
    showBasemap(map, tileUrl === null ? null : { basemap, tileUrl });
    return () => {
      if (!isMapRemoved(map)) showBasemap(map, null);
    };
  }, [map, shownContent]);

  const choose = useCallback((id: string) => {
    setWantedId(id);
    rememberId(id);
  }, []);

  return [shownId, choose];
}

function readRememberedId(): string | null {
  try {
    return window.localStorage.getItem(BASEMAP_STORAGE_KEY);
  } catch {
    // A page denied storage simply starts on Natural Earth.
    return null;
  }
}

function rememberId(id: string): void {
  try {
    window.localStorage.setItem(BASEMAP_STORAGE_KEY, id);
  } catch {
    // Storage that is full or switched off only costs remembering the choice next time.
  }
}
